"""Reads of the register of challenges, with the verordening's deadlines per challenge."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.processes import selectors as processes

from ..models import Challenge, ChallengeEvent

Step = ChallengeEvent.Step

MET, LATE, MISSED, OPEN = "met", "late", "missed", "open"
DEADLINE_LABELS = {
    MET: _("op tijd"),
    LATE: _("te laat"),
    MISSED: _("termijn verstreken"),
    OPEN: _("nog open"),
}


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    due_on: datetime.date
    done_on: datetime.date | None
    state: str  # met, late (done after the due date), missed (not done and past due), open

    @property
    def state_label(self) -> str:
        return str(DEADLINE_LABELS[self.state])


def _deadline(key: str, label, due_on: datetime.date, done_on: datetime.date | None, today) -> Deadline:
    if done_on is not None:
        state = MET if done_on <= due_on else LATE
    else:
        state = MISSED if today > due_on else OPEN
    return Deadline(key=key, label=str(label), due_on=due_on, done_on=done_on, state=state)


def _first(events, *steps) -> datetime.date | None:
    dates = [timezone.localdate(e.created_at) for e in events if e.step in steps]
    return min(dates) if dates else None


def challenge_deadlines(challenge: Challenge, *, today: datetime.date | None = None) -> list[Deadline]:
    """Receipt, completeness and decision against the verordening's terms (counted from submission)."""
    today = today or timezone.localdate()
    events = list(challenge.events.all())
    start = timezone.localdate(challenge.submitted_at)
    bylaw = challenge.bylaw

    def due(days: int) -> datetime.date:
        return start + datetime.timedelta(days=days)

    return [
        _deadline(
            "receipt",
            _("Ontvangstbevestiging"),
            due(bylaw.challenge_receipt_days),
            _first(events, Step.RECEIVED),
            today,
        ),
        _deadline(
            "complete",
            _("Toets op volledigheid"),
            due(bylaw.challenge_complete_days),
            _first(events, Step.COMPLETE, Step.INCOMPLETE),
            today,
        ),
        _deadline("decision", _("Besluit"), due(bylaw.challenge_decision_days), _first(events, Step.DECIDED), today),
    ]


def _base(municipality: Municipality) -> QuerySet[Challenge]:
    return (
        Challenge.objects.filter(municipality=municipality)
        .select_related("bylaw", "district", "process", "decision")
        .prefetch_related(Prefetch("events", queryset=ChallengeEvent.objects.order_by("created_at", "pk")))
    )


def challenge_list(*, municipality: Municipality, year: int | None = None) -> QuerySet[Challenge]:
    """The public register: every challenge, newest first (optionally those submitted in one year)."""
    qs = _base(municipality)
    if year is not None:
        qs = qs.filter(submitted_at__year=year)
    return qs.order_by("-submitted_at", "-pk")


def challenge_get(*, municipality: Municipality, pk: int) -> Challenge | None:
    return _base(municipality).filter(pk=pk).first()


def challenge_contacts(*, challenge: Challenge):
    """The named contact persons (personal data: staff only, behind the purpose step)."""
    return list(challenge.contacts.order_by("pk"))


def challenge_decision_choices(*, challenge: Challenge):
    """The decisions in the challenge's own decision log, to choose from when deciding (None before the
    challenge was found complete and got its process)."""
    process = challenge.process
    if process is None:
        return None
    return processes.decision_list(process=process)


def challenge_due_list(*, municipality: Municipality) -> list[tuple[Challenge, list[Deadline]]]:
    """Open challenges (not yet decided) with their deadlines: what staff must do next."""
    today = timezone.localdate()
    open_states = (
        Challenge.State.SUBMITTED,
        Challenge.State.RECEIVED,
        Challenge.State.INCOMPLETE,
        Challenge.State.ASSESSMENT,
    )
    rows = challenge_list(municipality=municipality).filter(state__in=open_states)
    return [(c, challenge_deadlines(c, today=today)) for c in rows]


def challenge_for_process(*, process) -> Challenge | None:
    """The challenge whose assessment this process is, if any."""
    return Challenge.objects.filter(process=process).first()
