"""The whole record of a process: phases -> components -> advice -> decisions with values -> updates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from zwerm.core import disclosure

from ..attachments import with_attachments
from ..models import (
    Advice,
    AdviceRequest,
    Decision,
    Phase,
    PhaseChange,
    Placement,
    Process,
    ProcessFollow,
    Update,
    ValueAssessment,
)
from ..registry import components
from .advice import advice_latest, advice_request_list, decision_list
from .processes import (
    ADVICE_ANSWERED,
    ADVICE_LATE,
    phase_current,
    phase_list,
    placement_list,
    stakeholder_counts,
    update_list,
)

# --- the whole record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseRecord:
    phase: Phase
    changes: tuple[PhaseChange, ...]
    is_current: bool
    is_closed: bool


@dataclass(frozen=True)
class PlacementRecord:
    placement: Placement
    kind_label: str
    summary: dict  # the component type's participation figures: {"participants": int, ...}
    url: str
    active_phase_ids: frozenset[int]
    is_active: bool  # active in the current phase; otherwise read-only


@dataclass(frozen=True)
class AdviceRequestRecord:
    request: AdviceRequest
    state: str  # "open", "late" or "answered"
    latest_advice: Advice | None
    versions: tuple[Advice, ...]


@dataclass(frozen=True)
class DecisionRecord:
    decision: Decision
    assessments: tuple[ValueAssessment, ...]
    advice: tuple[Advice, ...]
    corrects: Decision | None
    corrected_by: tuple[Decision, ...]

    @property
    def is_corrected(self) -> bool:
        return bool(self.corrected_by)


@dataclass(frozen=True)
class ParticipationFigures:
    followers: int
    stakeholders: int
    components: int
    participants: int  # sum of the components' "participants"
    updates: int
    advice_requests: int
    advice_answered: int
    decisions: int
    component_participants: tuple[int, ...] = ()  # the parts of `participants`, as the public sees them

    @property
    def participants_public(self) -> disclosure.Figure:
        """The total for the public: held back ("meer dan ...") when a component shown as "minder dan 5"
        could be worked out as the total minus the other components."""
        return disclosure.total(self.participants, self.component_participants)


@dataclass(frozen=True)
class ProcessRecord:
    process: Process
    phases: tuple[PhaseRecord, ...]
    current_phase: Phase | None
    placements: tuple[PlacementRecord, ...]
    stakeholder_counts: dict[str, int]
    advice_requests: tuple[AdviceRequestRecord, ...]
    decisions: tuple[DecisionRecord, ...]
    updates: tuple[Update, ...]
    participation: ParticipationFigures
    generated_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def answered_advice(self) -> tuple[AdviceRequestRecord, ...]:
        return tuple(r for r in self.advice_requests if r.state == ADVICE_ANSWERED)

    @property
    def late_advice_count(self) -> int:
        return sum(1 for r in self.advice_requests if r.state == ADVICE_LATE)


def _summary(placement: Placement) -> tuple[str, dict, str]:
    if placement.kind not in components:
        return placement.kind, {"participants": 0}, ""
    component_type = components.get(placement.kind)
    return str(component_type.label), dict(component_type.summary(placement)), component_type.url(placement)


def process_record(*, process: Process, with_updates: bool = True) -> ProcessRecord:
    """The public record of a process: everything the council and residents may see, no personal data
    of residents (stakeholders only as counts per kind). Without `with_updates` the record holds no updates
    (only their number): a page that shows them a page at a time reads them itself."""
    phases = list(
        phase_list(process=process).prefetch_related(
            Prefetch("changes", queryset=PhaseChange.objects.order_by("created_at", "pk"))
        )
    )
    current = phase_current(phases=phases)
    phase_records = tuple(
        PhaseRecord(
            phase=p,
            changes=tuple(p.changes.all()),
            is_current=current is not None and p.pk == current.pk,
            is_closed=p.closed_at is not None,
        )
        for p in phases
    )
    placement_records = []
    for placement in placement_list(process=process):
        label, summary, url = _summary(placement)
        active_ids = frozenset(p.pk for p in placement.active_phases.all())
        placement_records.append(
            PlacementRecord(
                placement=placement,
                kind_label=label,
                summary=summary,
                url=url,
                active_phase_ids=active_ids,
                is_active=process.status == Process.Status.ACTIVE and current is not None and current.pk in active_ids,
            )
        )
    advice_records = tuple(
        AdviceRequestRecord(
            request=r,
            state=r.state,
            latest_advice=advice_latest(r),
            versions=tuple(r.advice.all()),
        )
        for r in advice_request_list(municipality=process.municipality, process=process)
    )
    decision_records = tuple(
        DecisionRecord(
            decision=d,
            assessments=tuple(d.assessments.all()),
            advice=tuple(d.advice.all()),
            corrects=d.corrects,
            corrected_by=tuple(d.corrections.all()),
        )
        for d in decision_list(process=process)
    )
    updates = (
        tuple(with_attachments(update_list(process=process).select_related("process__municipality")))
        if with_updates
        else ()
    )
    counts = stakeholder_counts(process=process)
    figures = ParticipationFigures(
        followers=ProcessFollow.objects.filter(process=process).count(),
        stakeholders=sum(counts.values()),
        components=len(placement_records),
        participants=sum(int(r.summary.get("participants", 0)) for r in placement_records),
        updates=len(updates) if with_updates else update_list(process=process).count(),
        advice_requests=len(advice_records),
        advice_answered=sum(1 for r in advice_records if r.state == ADVICE_ANSWERED),
        decisions=len(decision_records),
        component_participants=tuple(int(r.summary.get("participants", 0)) for r in placement_records),
    )
    return ProcessRecord(
        process=process,
        phases=phase_records,
        current_phase=current,
        placements=tuple(placement_records),
        stakeholder_counts=counts,
        advice_requests=advice_records,
        decisions=decision_records,
        updates=updates,
        participation=figures,
    )
