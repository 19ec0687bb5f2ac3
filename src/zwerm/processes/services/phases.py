"""Phases the process lead adds, changes, reorders and closes as the process learns; each step is
recorded as a PhaseChange with its reason (append-only)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import TEXT_MAX, Phase, PhaseChange, Process
from .checks import cleaned, reason_cleaned, require_manager, require_not_closed


def phase_snapshot(phase: Phase) -> dict:
    return {
        "title": phase.title,
        "description": phase.description,
        "position": phase.position,
        "starts_on": phase.starts_on.isoformat() if phase.starts_on else None,
        "ends_on": phase.ends_on.isoformat() if phase.ends_on else None,
        "closed_at": phase.closed_at.isoformat() if phase.closed_at else None,
    }


def _texts(*, title: str, description: str, starts_on, ends_on) -> dict:
    values = cleaned(
        (
            ("title", _("de naam van de fase"), title, 200, True),
            ("description", _("de beschrijving"), description, TEXT_MAX, False),
        )
    )
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": [_("De einddatum ligt vóór de begindatum.")]})
    return values


def _record(*, phase: Phase, action: str, reason: str, actor) -> PhaseChange:
    return PhaseChange.objects.create(
        process_id=phase.process_id,
        phase=phase,
        action=action,
        reason=reason,
        snapshot=phase_snapshot(phase),
        actor=actor,
    )


def phase_add(
    *,
    process: Process,
    actor,
    title: str,
    reason: str,
    description: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Phase:
    """Add a phase at the end, with the reason it is needed."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values = _texts(title=title, description=description, starts_on=starts_on, ends_on=ends_on)
    reason = reason_cleaned(reason)
    with transaction.atomic():
        Process.objects.select_for_update().get(pk=process.pk)
        last = Phase.objects.filter(process=process).order_by("-position").values_list("position", flat=True).first()
        phase = Phase.objects.create(
            process=process,
            position=(last + 1) if last is not None else 0,
            starts_on=starts_on,
            ends_on=ends_on,
            **values,
        )
        _record(phase=phase, action=PhaseChange.Action.ADD, reason=reason, actor=actor)
    return phase


def phase_change(
    *,
    phase: Phase,
    actor,
    title: str,
    reason: str,
    description: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Phase:
    """Change an open phase's name, description or dates, saying why."""
    process = phase.process
    require_manager(process=process, user=actor)
    require_not_closed(process)
    values = _texts(title=title, description=description, starts_on=starts_on, ends_on=ends_on)
    reason = reason_cleaned(reason)
    with transaction.atomic():
        locked = Phase.objects.select_for_update().get(pk=phase.pk)
        if locked.closed_at is not None:
            raise ValidationError(_("Deze fase is afgesloten en kan niet meer worden gewijzigd."))
        for name, value in values.items():
            setattr(phase, name, value)
        phase.starts_on, phase.ends_on = starts_on, ends_on
        phase.save(update_fields=[*values, "starts_on", "ends_on"])
        _record(phase=phase, action=PhaseChange.Action.CHANGE, reason=reason, actor=actor)
    return phase


def phase_reorder(*, process: Process, actor, order: list[int], reason: str) -> list[Phase]:
    """Put the phases in a new order (`order` holds every phase id once); each moved phase is recorded."""
    require_manager(process=process, user=actor)
    require_not_closed(process)
    reason = reason_cleaned(reason)
    with transaction.atomic():
        phases = {p.pk: p for p in Phase.objects.select_for_update().filter(process=process)}
        if sorted(order) != sorted(phases) or len(set(order)) != len(order):
            raise ValidationError(_("Geef elke fase van dit traject precies één plaats in de volgorde."))
        moved = []
        for position, pk in enumerate(order):
            phase = phases[pk]
            if phase.position != position:
                phase.position = position
                phase.save(update_fields=["position"])
                moved.append(phase)
        if not moved:
            raise ValidationError(_("De volgorde is niet veranderd."))
        for phase in moved:
            _record(phase=phase, action=PhaseChange.Action.REORDER, reason=reason, actor=actor)
    return [phases[pk] for pk in order]


def phase_close(*, phase: Phase, actor, reason: str) -> Phase:
    """Close a phase; components are read-only in it from then on."""
    require_manager(process=phase.process, user=actor)
    require_not_closed(phase.process)
    reason = reason_cleaned(reason)
    with transaction.atomic():
        locked = Phase.objects.select_for_update().get(pk=phase.pk)
        if locked.closed_at is not None:
            raise ValidationError(_("Deze fase is al afgesloten."))
        phase.closed_at = timezone.now()
        phase.save(update_fields=["closed_at"])
        _record(phase=phase, action=PhaseChange.Action.CLOSE, reason=reason, actor=actor)
    return phase
