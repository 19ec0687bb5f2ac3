"""Kaders (frames) set by the council or the executive, and the spending measured against the budget."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.text import clean_text

from ..models import TEXT_MAX, Frame, Spending
from .checks import require_council_member, require_process_manager

SOURCE_MAX = 300
SPENDING_DESCRIPTION_MAX = 300
MAX_AMOUNT = Decimal("999999999999.99")


def _amount(value, *, field: str, label: str) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(
            {field: [_("Vul %(label)s in als bedrag in euro, bijvoorbeeld 12500,00.") % {"label": label}]}
        )
    if abs(amount) > MAX_AMOUNT:
        raise ValidationError({field: [_("Dit bedrag is te groot.")]})
    return amount


def frame_set(
    *,
    process,
    actor,
    kind: str,
    description: str,
    set_by: str,
    source_reference: str,
    source_date: datetime.date,
    budget=None,
    deadline: datetime.date | None = None,
    replaces: Frame | None = None,
) -> Frame:
    """Record a kader the council or the executive set for `process`, with its source.

    A change is a new frame that `replaces` the current one; the old frame stays in the history."""
    require_council_member(user=actor, process=process)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    values = {}
    for name, label, value, max_length in (
        ("description", _("de omschrijving"), description, TEXT_MAX),
        ("source_reference", _("de bron"), source_reference, SOURCE_MAX),
    ):
        try:
            values[name] = clean_text(value, field_label=label, max_length=max_length)
        except ValidationError as error:
            errors[name] = error.messages
    if kind not in Frame.Kind.values:
        errors["kind"] = [_("Kies de soort kader.")]
    if set_by not in Frame.SetBy.values:
        errors["set_by"] = [_("Kies wie het kader heeft vastgesteld: de raad of het college.")]
    if not isinstance(source_date, datetime.date):
        errors["source_date"] = [_("Vul de datum van het besluit in.")]
    elif source_date > today:
        errors["source_date"] = [_("De datum van het besluit ligt in de toekomst.")]
    if budget is not None and budget != "":
        try:
            budget = _amount(budget, field="budget", label=_("het budget"))
        except ValidationError as error:
            errors.update(error.message_dict)
            budget = None
        else:
            if budget < 0:
                errors["budget"] = [_("Een budget kan niet negatief zijn. Vul 0 of een hoger bedrag in.")]
    else:
        budget = None
    if kind == Frame.Kind.BUDGET and budget is None and "budget" not in errors:
        errors["budget"] = [_("Vul het budget in voor een budgetkader.")]
    if deadline is not None and deadline < today:
        errors["deadline"] = [_("De deadline ligt in het verleden. Kies een datum vanaf vandaag.")]
    if kind == Frame.Kind.DEADLINE and deadline is None and "deadline" not in errors:
        errors["deadline"] = [_("Vul de deadline in voor een deadlinekader.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if replaces is not None:
            # Lock the frame being replaced, so two council members cannot both replace it.
            old = Frame.objects.select_for_update().filter(pk=replaces.pk).first()
            if old is None or old.process_id != process.pk:
                raise ValidationError(_("Het kader dat je wilt wijzigen hoort niet bij dit traject."))
            if old.kind != kind:
                raise ValidationError(
                    _("Een gewijzigd kader houdt dezelfde soort (%(kind)s).") % {"kind": old.get_kind_display()}
                )
            if Frame.objects.filter(replaces=old).exists():
                raise ValidationError(_("Dit kader is al vervangen. Wijzig de nieuwste versie."))
        frame = Frame.objects.create(
            process=process,
            kind=kind,
            description=values["description"],
            budget=budget,
            deadline=deadline,
            set_by=set_by,
            source_reference=values["source_reference"],
            source_date=source_date,
            replaces=replaces,
            author=actor,
        )
    return frame


def spending_record(*, process, actor, amount, description: str) -> Spending:
    """The process lead records money committed in the process. A correction is a negative amount;
    the total never drops below zero."""
    require_process_manager(user=actor, process=process)
    amount = _amount(amount, field="amount", label=_("het bedrag"))
    errors = {}
    if amount == 0:
        errors["amount"] = [_("Vul een bedrag in dat niet 0 is.")]
    try:
        description = clean_text(description, field_label=_("waarvoor"), max_length=SPENDING_DESCRIPTION_MAX)
    except ValidationError as error:
        errors["description"] = error.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if amount < 0:
            total = Spending.objects.filter(process=process).aggregate(total=Sum("amount"))["total"] or Decimal(0)
            if total + amount < 0:
                raise ValidationError(
                    {
                        "amount": [
                            _("Een correctie kan niet meer zijn dan wat al is uitgegeven (€ %(total)s).")
                            % {"total": total}
                        ]
                    }
                )
        return Spending.objects.create(process=process, amount=amount, description=description, author=actor)
