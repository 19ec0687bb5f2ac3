"""Advice requests to specialists, and their answers: advice is part of the record and never edited;
a specialist may add a new version."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.moments import moment
from zwerm.core.tasks import enqueue_on_commit

from ..models import REASON_MAX, TEXT_MAX, Advice, AdviceRequest, Process
from ..tasks import advice_given_notify, advice_request_notify
from .checks import cleaned, require_manager, require_not_closed


def advice_request_create(
    *,
    process: Process,
    actor,
    specialist,
    question: str,
    deadline: datetime.date,
    team: str = "",
    at: datetime.datetime | None = None,
) -> AdviceRequest:
    """The process lead asks a specialist (or a team, through one specialist) a question with a deadline.
    `at`: when it was asked, for history recorded afterwards (core.moments; default now)."""
    asked = moment(at)
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values = cleaned(
        (
            ("question", _("de vraag"), question, TEXT_MAX, True),
            ("team", _("het team"), team, 200, False),
        )
    )
    errors = {}
    if specialist is None or not user_has_role(
        user=specialist, municipality=process.municipality, roles=(Role.SPECIALIST,)
    ):
        errors["specialist"] = [_("Kies een vakambtenaar van deze gemeente.")]
    if deadline is None:
        errors["deadline"] = [_("Vul een uiterste datum in.")]
    elif deadline < timezone.localdate(asked):
        errors["deadline"] = [_("De uiterste datum ligt in het verleden. Kies vandaag of een latere datum.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = AdviceRequest.objects.create(
            process=process, specialist=specialist, deadline=deadline, requested_by=actor, created_at=asked, **values
        )
        enqueue_on_commit(advice_request_notify, advice_request_id=request.pk)
    return request


def advice_give(
    *,
    request: AdviceRequest,
    actor,
    text: str,
    basis: str,
    conditions: str = "",
    at: datetime.datetime | None = None,
) -> Advice:
    """The addressed specialist (or an admin) answers; a later answer is a new version, never an edit.
    `at`: when it was given, for history recorded afterwards (core.moments; default now, never before the
    question)."""
    given = moment(at)
    if given < request.created_at:
        raise ValueError("advice cannot be given before it was asked")
    municipality = request.process.municipality
    is_addressed = actor.pk == request.specialist_id and user_has_role(
        user=actor, municipality=municipality, roles=(Role.SPECIALIST,)
    )
    if not (is_addressed or user_has_role(user=actor, municipality=municipality, roles=(Role.ADMIN,))):
        raise PermissionDenied(_("Alleen de gevraagde vakambtenaar kan dit advies geven."))
    values = cleaned(
        (
            ("text", _("het advies"), text, TEXT_MAX, True),
            ("basis", _("de grondslag"), basis, REASON_MAX, True),
            ("conditions", _("de voorwaarden"), conditions, REASON_MAX, False),
        )
    )
    try:
        with transaction.atomic():
            AdviceRequest.objects.select_for_update().get(pk=request.pk)
            latest = Advice.objects.filter(request=request).aggregate(v=Max("version"))["v"] or 0
            advice = Advice.objects.create(
                request=request, version=latest + 1, author=actor, created_at=given, **values
            )
            enqueue_on_commit(advice_given_notify, advice_id=advice.pk)
    except IntegrityError:
        raise ValidationError(
            _("Er is net een andere versie van dit advies opgeslagen. Probeer het opnieuw.")
        ) from None
    return advice
