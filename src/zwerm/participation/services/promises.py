"""Writes for participation promises and the input a decision weighed; the process lead's work."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zwerm.core.moments import moment
from zwerm.core.text import clean_text, clean_texts
from zwerm.processes.services.checks import require_manager

from ..models import TEXT_MAX, BylawRule, Level, Promise, WeighedInput, level_rank
from ..selectors.bylaw import bylaw_current


def promise_record(
    *,
    process,
    actor,
    rule: BylawRule,
    level: str,
    fixed: str,
    open: str,
    decides: str,
    decides_on: datetime.date | None,
    feedback: str,
    below_minimum_reason: str = "",
    at: datetime.datetime | None = None,
) -> Promise:
    """Record (or change) the process's promise. Below the verordening's minimum it needs a reason. `at`: when,
    for history recorded afterwards (core.moments; default now)."""
    require_manager(process=process, user=actor)
    current = bylaw_current(municipality=process.municipality)
    if current is None:
        raise ValidationError(_("Er is nog geen participatieverordening vastgelegd; vraag een beheerder dat te doen."))
    if rule.bylaw_id != current.pk:
        raise ValidationError({"rule": [_("Kies een soort besluit uit de verordening die nu geldt.")]})
    if level not in Level.values:
        raise ValidationError({"level": [_("Kies een bestaand niveau.")]})
    texts = clean_texts(
        (
            ("fixed", _("wat vastligt"), fixed, TEXT_MAX, True),
            ("open", _("wat open is"), open, TEXT_MAX, True),
            ("decides", _("wie besluit"), decides, 200, True),
            ("feedback", _("hoe inwoners horen wat er met hun inbreng is gedaan"), feedback, TEXT_MAX, True),
        )
    )
    below = level_rank(level) < level_rank(rule.minimum_level)
    reason = below_minimum_reason.strip()
    if below and not reason:
        raise ValidationError(
            {
                "below_minimum_reason": [
                    _(
                        "De verordening vraagt voor '%(rule)s' minstens '%(minimum)s'. Leg uit waarom dit traject "
                        "minder belooft; die uitleg is openbaar."
                    )
                    % {"rule": rule.name, "minimum": Level(rule.minimum_level).label}
                ]
            }
        )
    if below:
        try:
            reason = clean_text(reason, field_label=_("de reden"), max_length=TEXT_MAX)
        except ValidationError as error:
            raise ValidationError({"below_minimum_reason": error.messages}) from None
    else:
        reason = ""  # a reason is only kept (and shown) where the promise is below the minimum
    with transaction.atomic():
        return Promise.objects.create(
            process=process,
            rule=rule,
            level=level,
            decides_on=decides_on,
            below_minimum_reason=reason,
            author=actor,
            created_at=moment(at),
            **texts,
        )


def weighed_input_cite(*, decision, placement, actor, how: str) -> WeighedInput:
    """The decision says which input (a component of its own process) it weighed and what was done with it."""
    process = decision.process
    require_manager(process=process, user=actor)
    if placement.process_id != process.pk:
        raise ValidationError({"placement": [_("Kies een onderdeel van dit traject.")]})
    try:
        text = clean_text(how, field_label=_("wat er met de inbreng is gedaan"), max_length=TEXT_MAX)
    except ValidationError as error:
        raise ValidationError({"how": error.messages}) from None
    try:
        with transaction.atomic():
            return WeighedInput.objects.create(decision=decision, placement=placement, how=text, author=actor)
    except IntegrityError:
        raise ValidationError({"placement": [_("Dit besluit noemt deze inbreng al.")]}) from None
