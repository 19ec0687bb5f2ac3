"""Projects: proposed by residents or turned from an initiative, then reviewed for cost and feasibility."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.masking import public_copy
from zwerm.core.redaction import redact
from zwerm.core.tasks import enqueue_on_commit
from zwerm.initiatives.selectors import initiative_get_for_user
from zwerm.locations.points import Point
from zwerm.locations.selectors import neighbourhood_for_point
from zwerm.processes.selectors import advice_request_get
from zwerm.processes.services import advice_give, advice_request_create

from .. import selectors
from ..models import REASON_MAX, TEXT_MAX, TITLE_MAX, Budget, Project
from .checks import cleaned, require_manager, require_resident_of_area
from .masking import project_mask


def _project_district(*, budget: Budget, district, fallback):
    """The wijk a project is for: the budget's own wijk, or in a per-wijk budget one of its wijken."""
    if budget.district_id is not None:
        return budget.district
    amounts = {a.district_id: a.district for a in selectors.district_amount_list(budget=budget)}
    if not amounts:
        return None
    chosen = district if district is not None else fallback
    if chosen is None or chosen.pk not in amounts:
        raise ValidationError({"district": [_("Kies een wijk waarvoor dit buurtbudget een bedrag heeft.")]})
    return amounts[chosen.pk]


def _create(*, budget, proposer, title, description, cost, district, initiative_id=None, location=None) -> Project:
    values = cleaned(
        (
            ("title", _("de titel"), title, TITLE_MAX, True),
            ("description", _("de beschrijving"), description, TEXT_MAX, True),
        )
    )
    if cost is not None and cost < 0:
        raise ValidationError({"cost": [_("De geschatte kosten kunnen niet negatief zijn.")]})
    public = public_copy(values["title"], values["description"])
    try:
        with transaction.atomic():
            project = Project.objects.create(
                municipality=budget.municipality,
                budget=budget,
                proposer=proposer,
                initiative_id=initiative_id,
                public_title=public.texts[0],
                public_description=public.texts[1],
                masked_kinds=public.kinds,
                masking_pending=public.pending,
                cost=cost,
                district=district,
                location_lon=location.lon if location else None,
                location_lat=location.lat if location else None,
                location_neighbourhood=(
                    neighbourhood_for_point(municipality=budget.municipality, point=location) if location else None
                ),
                **values,
            )
            if public.pending:
                enqueue_on_commit(project_mask, project_id=project.pk)
            return project
    except IntegrityError:
        raise ValidationError(_("Van dit initiatief is al een project gemaakt.")) from None


def project_propose(
    *, budget: Budget, resident, title: str, description: str, cost: Decimal | None = None, district=None
) -> Project:
    """A resident of the area proposes a project while proposals are open; personal data is masked."""
    budget = Budget.objects.select_related("district", "municipality").get(pk=budget.pk)
    home = require_resident_of_area(budget=budget, user=resident)
    if budget.status != Budget.Status.PROPOSALS:
        raise ValidationError(_("Voorstellen indienen kan nu niet meer bij dit buurtbudget."))
    district = _project_district(budget=budget, district=district, fallback=home)
    return _create(budget=budget, proposer=resident, title=title, description=description, cost=cost, district=district)


def project_from_initiative(*, budget: Budget, actor, initiative_id: int, cost: Decimal | None = None, district=None):
    """The process lead turns a published initiative into a project (its public, masked text)."""
    require_manager(budget=budget, user=actor)
    if budget.status not in (Budget.Status.PROPOSALS, Budget.Status.REVIEW):
        raise ValidationError(_("Projecten toevoegen kan alleen tijdens de voorstellen of de beoordeling."))
    initiative = initiative_get_for_user(municipality=budget.municipality, pk=initiative_id, user=actor)
    if initiative is None or not initiative.is_public:
        raise ValidationError({"initiative": [_("Kies een gepubliceerd initiatief van deze gemeente.")]})
    if initiative.masking_pending:
        raise ValidationError(
            {"initiative": [_("De tekst van dit initiatief wordt nog gecontroleerd; probeer het zo.")]}
        )
    fallback = initiative.neighbourhood.district if initiative.neighbourhood_id else None
    district = _project_district(budget=budget, district=district, fallback=fallback)
    return _create(
        budget=budget,
        proposer=None,
        title=initiative.public_title[:TITLE_MAX],
        description=initiative.public_body[:TEXT_MAX],
        cost=cost,
        district=district,
        initiative_id=initiative.pk,
        location=initiative.location,  # the initiative's place comes along (shown rounded, as there)
    )


def project_locate(*, project: Project, actor, location: Point | None) -> Project:
    """The process lead places a project on the map (or takes its place away); the buurt follows the point."""
    require_manager(budget=project.budget, user=actor)
    neighbourhood = (
        neighbourhood_for_point(municipality=project.municipality, point=location) if location is not None else None
    )
    with transaction.atomic():
        project.set_location(location)
        project.location_neighbourhood = neighbourhood
        project.save(update_fields=["location_lon", "location_lat", "location_neighbourhood"])
    return project


def project_request_review(
    *, project: Project, actor, specialist, deadline: datetime.date, question: str = ""
) -> Project:
    """Ask a specialist for cost and feasibility through an advice request of the hosting process."""
    budget = project.budget
    require_manager(budget=budget, user=actor)
    process = selectors.budget_process(budget=budget)
    if process is None:
        raise ValidationError(_("Dit buurtbudget hoort niet bij een traject."))
    question = question.strip() or _(
        "Wat kost het project ‘%(title)s’ (buurtbudget %(budget)s), en is het haalbaar? Geef bij ‘niet haalbaar’ "
        "een reden die we openbaar kunnen maken."
    ) % {"title": project.shown_title, "budget": budget.title}
    with transaction.atomic():
        request = advice_request_create(
            process=process, actor=actor, specialist=specialist, question=question, deadline=deadline
        )
        project.advice_request_id = request.pk
        project.save(update_fields=["advice_request_id"])
    return project


def project_can_review(*, project: Project, user) -> bool:
    """The process lead (or an admin), or the specialist the project's advice request is addressed to."""
    if selectors.budget_can_manage(budget=project.budget, user=user):
        return True
    if project.advice_request_id is None or not user.is_authenticated:
        return False
    request = advice_request_get(municipality=project.municipality, pk=project.advice_request_id)
    return (
        request is not None
        and request.specialist_id == user.pk
        and user_has_role(user=user, municipality=project.municipality, roles=(Role.SPECIALIST,))
    )


def project_review(
    *, project: Project, actor, feasibility: str, cost: Decimal | None, reason: str = "", basis: str = ""
) -> Project:
    """Record cost and feasibility. A specialist answers through the advice flow (their answer becomes
    advice in the process record); the process lead may record it directly. Infeasible needs a reason,
    which is public."""
    if not project_can_review(project=project, user=actor):
        raise PermissionDenied(_("Alleen de gevraagde vakambtenaar of de procesambtenaar kan dit project beoordelen."))
    if Budget.objects.get(pk=project.budget_id).status not in (Budget.Status.PROPOSALS, Budget.Status.REVIEW):
        raise ValidationError(_("Beoordelen kan alleen vóór het stemmen."))
    errors = {}
    if feasibility not in (Project.Feasibility.FEASIBLE, Project.Feasibility.INFEASIBLE):
        errors["feasibility"] = [_("Kies haalbaar of niet haalbaar.")]
    try:
        reason = cleaned(
            (("reason", _("de reden"), reason, REASON_MAX, feasibility == Project.Feasibility.INFEASIBLE),)
        )["reason"]
    except ValidationError as refused:
        error = refused
        if feasibility == Project.Feasibility.INFEASIBLE and not (reason or "").strip():
            error = ValidationError({"reason": [_("Geef een openbare reden waarom dit project niet haalbaar is.")]})
        errors.update(error.message_dict)
    if feasibility == Project.Feasibility.FEASIBLE and cost is None:
        errors["cost"] = [_("Vul de kosten in van een haalbaar project.")]
    if cost is not None and cost < 0:
        errors["cost"] = [_("De kosten kunnen niet negatief zijn.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if project.advice_request_id and not selectors.budget_can_manage(budget=project.budget, user=actor):
            request = advice_request_get(municipality=project.municipality, pk=project.advice_request_id)
            label = Project.Feasibility(feasibility).label
            text = _("%(feasibility)s; kosten: %(cost)s.") % {
                "feasibility": str(label).capitalize(),
                "cost": selectors.euro(cost) if cost is not None else _("onbekend"),
            }
            if reason:
                text = f"{text} {reason}"
            advice_give(request=request, actor=actor, text=text, basis=basis.strip() or _("Beoordeling buurtbudget"))
        project.feasibility = feasibility
        project.feasibility_reason = redact(reason).text
        if cost is not None:
            project.cost = cost
        project.reviewed_at = timezone.now()
        project.save(update_fields=["feasibility", "feasibility_reason", "cost", "reviewed_at"])
    return project
