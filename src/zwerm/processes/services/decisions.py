"""The decision log: each decision with who decided, the alternatives, the reasons, the advice it
rests on and how each of the municipality's values was weighed. Append-only: a correction is a new
entry pointing at the one it corrects."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.text import clean_text
from zwerm.values.selectors import value_list

from ..models import REASON_MAX, TEXT_MAX, Advice, Decision, Process, ValueAssessment
from .checks import cleaned, require_manager, require_not_closed


@dataclass(frozen=True)
class Weighing:
    """How one value was weighed in a decision: `weighed` yes/no, and how (or why not)."""

    value_id: int
    weighed: bool
    explanation: str


def _check_weighings(*, process: Process, weighings) -> list[Weighing]:
    values = {v.pk: v for v in value_list(municipality=process.municipality)}
    given = {}
    for w in weighings:
        if w.value_id in given:
            raise ValidationError({"assessments": [_("Elke waarde mag maar één keer worden gewogen.")]})
        given[w.value_id] = w
    errors = []
    unknown = set(given) - set(values)
    if unknown:
        errors.append(_("Weeg alleen de waarden van deze gemeente."))
    missing = [values[pk].name for pk in values if pk not in given]
    if missing:
        errors.append(
            _("Geef per waarde aan of en hoe die is meegewogen. Nog niet gedaan voor: %(values)s.")
            % {"values": ", ".join(missing)}
        )
    cleaned_weighings = []
    for pk, value in values.items():
        if pk not in given:
            continue
        try:
            explanation = clean_text(
                given[pk].explanation,
                field_label=_("de toelichting bij %(value)s") % {"value": value.name},
                max_length=REASON_MAX,
            )
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        cleaned_weighings.append(Weighing(value_id=pk, weighed=bool(given[pk].weighed), explanation=explanation))
    if errors:
        raise ValidationError({"assessments": errors})
    return cleaned_weighings


def decision_record(
    *,
    process: Process,
    actor,
    decided_on: datetime.date,
    decided_by: str,
    title: str,
    reasons: str,
    weighings: list[Weighing],
    alternatives: str = "",
    advice: list[Advice] = (),
    corrects: Decision | None = None,
    outside_scope: bool = False,
) -> Decision:
    """Record a decision (by the process lead, or on behalf of the college or council)."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values = cleaned(
        (
            ("title", _("het besluit"), title, 300, True),
            ("reasons", _("de redenen"), reasons, TEXT_MAX, True),
            ("alternatives", _("de overwogen alternatieven"), alternatives, TEXT_MAX, False),
        )
    )
    errors = {}
    if decided_by not in Decision.DecidedBy.values:
        errors["decided_by"] = [_("Kies wie het besluit nam: procesambtenaar, college of raad.")]
    if decided_on is None:
        errors["decided_on"] = [_("Vul de datum van het besluit in.")]
    elif decided_on > timezone.localdate():
        errors["decided_on"] = [_("Een besluit kan niet in de toekomst liggen.")]
    advice = list(advice)
    foreign = [a for a in advice if a.request.process_id != process.pk]
    if foreign:
        errors["advice"] = [_("Een besluit kan alleen rusten op advies dat binnen dit traject is gegeven.")]
    if corrects is not None and corrects.process_id != process.pk:
        errors["corrects"] = [_("Je kunt alleen een besluit uit dit traject corrigeren.")]
    try:
        weighings = _check_weighings(process=process, weighings=weighings)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Process.objects.select_for_update().get(pk=process.pk)
        decision = Decision.objects.create(
            process=process,
            decided_on=decided_on,
            decided_by=decided_by,
            corrects=corrects,
            outside_scope=outside_scope,
            author=actor,
            **values,
        )
        decision.advice.set(advice)
        ValueAssessment.objects.bulk_create(
            [
                ValueAssessment(decision=decision, value_id=w.value_id, weighed=w.weighed, explanation=w.explanation)
                for w in weighings
            ]
        )
    return decision
