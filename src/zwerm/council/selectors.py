"""Reads for the council: kaders and their state, questions, reports; always scoped to one municipality.

Processes are read through `zwerm.processes.selectors` only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.processes.selectors import (
    decision_list,
    process_get,
    process_is_visible,
    process_list,
    process_list_for_council,
    process_list_led_by,
)

from .models import CouncilFollow, DistrictReport, Frame, Question, Report, Spending

BUDGET_APPROACHING = Decimal("0.90")  # from 90 % of the budget spent the council sees a warning
DEADLINE_WARNING_DAYS = 14

NONE, OK, APPROACHING, EXCEEDED, PASSED, MET = "none", "ok", "approaching", "exceeded", "passed", "met"
LEVEL_OK, LEVEL_WARNING, LEVEL_DANGER = "ok", "warning", "danger"

BUDGET_LABELS = {
    NONE: _("geen budgetkader"),
    OK: _("binnen budget"),
    APPROACHING: _("budget bijna op"),
    EXCEEDED: _("budget overschreden"),
}
DEADLINE_LABELS = {
    NONE: _("geen deadline"),
    OK: _("op schema"),
    APPROACHING: _("deadline nadert"),
    PASSED: _("deadline verstreken"),
    MET: _("afgerond binnen de deadline"),
}
LEVEL_LABELS = {
    NONE: _("geen kaders vastgesteld"),
    LEVEL_OK: _("binnen de kaders"),
    LEVEL_WARNING: _("let op: een kader komt in zicht"),
    LEVEL_DANGER: _("buiten de kaders"),
}


# --- frames -----------------------------------------------------------------------------------------


def _current(qs: QuerySet[Frame]) -> QuerySet[Frame]:
    return qs.filter(~Exists(Frame.objects.filter(replaces=OuterRef("pk"))))


def frame_list(*, process) -> QuerySet[Frame]:
    """The kaders in force: every frame that no later frame replaces."""
    return _current(Frame.objects.filter(process=process)).select_related("replaces").order_by("kind", "created_at")


def frame_history(*, process) -> QuerySet[Frame]:
    """Every frame ever set for the process, the replaced ones marked with `is_replaced`."""
    return (
        Frame.objects.filter(process=process)
        .annotate(is_replaced=Exists(Frame.objects.filter(replaces=OuterRef("pk"))))
        .order_by("kind", "created_at", "pk")
    )


def frame_get(*, process, pk: int) -> Frame | None:
    return Frame.objects.filter(process=process, pk=pk).first()


def spending_list(*, process) -> QuerySet[Spending]:
    return Spending.objects.filter(process=process).order_by("-created_at", "-pk")


def spending_total(*, process) -> Decimal:
    return Spending.objects.filter(process=process).aggregate(total=Sum("amount"))["total"] or Decimal("0")


@dataclass(frozen=True)
class BudgetState:
    budget: Decimal | None
    spent: Decimal
    state: str  # none, ok, approaching, exceeded

    @property
    def percent(self) -> int | None:
        if self.budget is None or self.budget == 0:
            return None
        return int((self.spent * 100 / self.budget).to_integral_value(rounding="ROUND_FLOOR"))

    @property
    def label(self) -> str:
        return str(BUDGET_LABELS[self.state])


@dataclass(frozen=True)
class DeadlineState:
    deadline: datetime.date | None
    days_left: int | None
    state: str  # none, ok, approaching, passed, met

    @property
    def label(self) -> str:
        return str(DEADLINE_LABELS[self.state])


@dataclass(frozen=True)
class OutsideScope:
    title: str
    decided_on: datetime.date


@dataclass(frozen=True)
class FrameState:
    """Where a process stands against its kaders."""

    frames: tuple[Frame, ...]
    budget: BudgetState
    deadline: DeadlineState
    outside_scope: tuple[OutsideScope, ...]  # decisions the process lead flagged as outside the kaders

    @property
    def level(self) -> str:
        if not self.frames and not self.outside_scope:
            return NONE
        if self.budget.state == EXCEEDED or self.deadline.state == PASSED or self.outside_scope:
            return LEVEL_DANGER
        if APPROACHING in (self.budget.state, self.deadline.state):
            return LEVEL_WARNING
        return LEVEL_OK

    @property
    def label(self) -> str:
        return str(LEVEL_LABELS[self.level])


def budget_state(*, budget: Decimal | None, spent: Decimal) -> BudgetState:
    """`approaching` from 90 % spent, `exceeded` above 100 %."""
    if budget is None:
        return BudgetState(budget=None, spent=spent, state=NONE)
    if spent > budget:
        state = EXCEEDED
    elif budget > 0 and spent >= budget * BUDGET_APPROACHING:
        state = APPROACHING
    else:
        state = OK
    return BudgetState(budget=budget, spent=spent, state=state)


def deadline_state(
    *, deadline: datetime.date | None, today: datetime.date, closed_on: datetime.date | None = None
) -> DeadlineState:
    """`passed` after the deadline (or closed after it), `approaching` within 14 days, `met` when the
    process closed in time."""
    if deadline is None:
        return DeadlineState(deadline=None, days_left=None, state=NONE)
    if closed_on is not None:
        return DeadlineState(deadline=deadline, days_left=None, state=MET if closed_on <= deadline else PASSED)
    days_left = (deadline - today).days
    if days_left < 0:
        state = PASSED
    elif days_left <= DEADLINE_WARNING_DAYS:
        state = APPROACHING
    else:
        state = OK
    return DeadlineState(deadline=deadline, days_left=days_left, state=state)


def _state(process, frames, spent, outside, today) -> FrameState:
    budgets = [f.budget for f in frames if f.kind == Frame.Kind.BUDGET and f.budget is not None]
    deadlines = [f.deadline for f in frames if f.deadline is not None]
    closed_on = timezone.localdate(process.closed_at) if process.closed_at else None
    return FrameState(
        frames=tuple(frames),
        budget=budget_state(budget=sum(budgets, Decimal("0")) if budgets else None, spent=spent),
        deadline=deadline_state(deadline=min(deadlines) if deadlines else None, today=today, closed_on=closed_on),
        outside_scope=tuple(outside),
    )


def frame_state(*, process, today: datetime.date | None = None) -> FrameState:
    """The process against its kaders now: budget spent vs set, deadline, decisions outside scope."""
    today = today or timezone.localdate()
    flagged = decision_list(process=process).filter(outside_scope=True).values_list("title", "decided_on")
    outside = [OutsideScope(title=title, decided_on=decided_on) for title, decided_on in flagged]
    return _state(process, list(frame_list(process=process)), spending_total(process=process), outside, today)


# --- dashboard --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardRow:
    process: object
    state: FrameState
    followed: bool
    open_questions: int
    latest_report: Report | None


def council_dashboard(
    *, municipality: Municipality, member=None, today: datetime.date | None = None, followed_only: bool = False
) -> list[DashboardRow]:
    """Every process of the municipality with its state against its kaders, in a fixed number of queries."""
    today = today or timezone.localdate()
    processes = list(process_list_for_council(municipality=municipality))
    ids = [p.pk for p in processes]
    frames: dict[int, list[Frame]] = {pk: [] for pk in ids}
    for frame in _current(Frame.objects.filter(process_id__in=ids)).order_by("kind", "created_at"):
        frames[frame.process_id].append(frame)
    spent = dict(Spending.objects.filter(process_id__in=ids).values_list("process_id").annotate(total=Sum("amount")))
    outside: dict[int, list[OutsideScope]] = {pk: [] for pk in ids}
    # One query for every flagged decision, through the processes' own relation (no model import).
    process_model = process_list_for_council(municipality=municipality).model
    flagged = (
        process_model.objects.filter(pk__in=ids, decisions__outside_scope=True)
        .values_list("pk", "decisions__title", "decisions__decided_on")
        .order_by("decisions__decided_on")
    )
    for pk, title, decided_on in flagged:
        outside[pk].append(OutsideScope(title=title, decided_on=decided_on))
    followed = set()
    if member is not None and member.is_authenticated:
        followed = set(
            CouncilFollow.objects.filter(member=member, process_id__in=ids).values_list("process_id", flat=True)
        )
    open_questions = dict(
        Question.objects.filter(process_id__in=ids, answered_at__isnull=True)
        .values_list("process_id")
        .annotate(n=Count("pk"))
    )
    latest: dict[int, Report] = {}
    for report in Report.objects.filter(process_id__in=ids).defer("content").order_by("-generated_at", "-pk"):
        latest.setdefault(report.process_id, report)
    rows = [
        DashboardRow(
            process=p,
            state=_state(p, frames[p.pk], spent.get(p.pk) or Decimal("0"), outside[p.pk], today),
            followed=p.pk in followed,
            open_questions=open_questions.get(p.pk, 0),
            latest_report=latest.get(p.pk),
        )
        for p in processes
    ]
    if followed_only:
        rows = [r for r in rows if r.followed]
    return rows


def process_for_council(*, municipality: Municipality, slug: str):
    """Any process of the municipality (drafts too): the council may see every process it frames."""
    return process_get(municipality=municipality, slug=slug)


def council_follow_exists(*, process, member) -> bool:
    return bool(
        member and member.is_authenticated and CouncilFollow.objects.filter(process=process, member=member).exists()
    )


# --- questions --------------------------------------------------------------------------------------


def question_list(*, process) -> QuerySet[Question]:
    return (
        Question.objects.filter(process=process).select_related("asker", "answered_by").order_by("-created_at", "-pk")
    )


def question_get(*, process, pk: int) -> Question | None:
    return question_list(process=process).filter(pk=pk).first()


# --- reports ----------------------------------------------------------------------------------------


def report_list(*, process) -> QuerySet[Report]:
    """Every report of the process, newest first; sent ones are frozen and kept."""
    return (
        Report.objects.filter(process=process)
        .select_related("generated_by", "sent_by")
        .order_by("-generated_at", "-pk")
    )


def report_list_for_municipality(*, municipality: Municipality, sent_only: bool = True) -> QuerySet[Report]:
    qs = Report.objects.filter(process__municipality=municipality).select_related("process")
    if sent_only:
        qs = qs.filter(sent_at__isnull=False)
    return qs.defer("content").order_by("-sent_at", "-generated_at", "-pk")


def report_get(*, municipality: Municipality, pk: int) -> Report | None:
    """A report of one of the municipality's processes."""
    return (
        Report.objects.filter(pk=pk, process__municipality=municipality)
        .select_related("process", "generated_by", "sent_by")
        .first()
    )


def report_list_public(*, municipality: Municipality, process=None) -> QuerySet[Report]:
    """Reports sent to the council about processes the public may see (not drafts), newest first,
    without their content; only those of `process` when given. A sent report is frozen and holds no
    personal data (see reports/content.py)."""
    visible = process_list(municipality=municipality).values("pk")
    qs = report_list_for_municipality(municipality=municipality, sent_only=True).filter(process__in=visible)
    return qs if process is None else qs.filter(process=process)


def process_public_get(*, municipality: Municipality, slug: str):
    """A process the public may see (not a draft), or None."""
    process = process_get(municipality=municipality, slug=slug)
    return process if process is not None and process_is_visible(process=process) else None


def report_get_public(*, municipality: Municipality, pk: int) -> Report | None:
    """One report of report_list_public, with its content."""
    report = report_get(municipality=municipality, pk=pk)
    if report is None or report.sent_at is None or not process_is_visible(process=report.process):
        return None
    return report


# --- district reports -------------------------------------------------------------------------------


def district_report_list(*, municipality: Municipality, sent_only: bool = False) -> QuerySet[DistrictReport]:
    """District reports of the municipality, newest first, without their content."""
    qs = DistrictReport.objects.filter(municipality=municipality).select_related("district")
    if sent_only:
        qs = qs.filter(sent_at__isnull=False)
    return qs.defer("content").order_by("-generated_at", "-pk")


def district_report_get(*, municipality: Municipality, pk: int, sent_only: bool = False) -> DistrictReport | None:
    """One district report of the municipality with its content; only a sent one when `sent_only`."""
    qs = DistrictReport.objects.filter(municipality=municipality, pk=pk).select_related("district")
    if sent_only:
        qs = qs.filter(sent_at__isnull=False)
    return qs.first()


@dataclass(frozen=True)
class CouncilWork:
    """What waits in the council's part of the platform, for the staff start page."""

    open_questions: int  # questions not answered yet (for a member: their own; for a lead: on their processes)
    kaders_at_risk: int  # processes outside or nearly outside their kaders
    reports_to_send: int  # progress and district reports generated but not sent (leads and admins)


def council_open_work(*, municipality: Municipality, user, lead: bool, member: bool) -> CouncilWork:
    """Counts for the staff start page. `lead`: the user prepares reports and answers questions (process lead
    or admin, who sees every process); `member`: the user is a council member, who asks questions."""
    rows = council_dashboard(municipality=municipality)
    at_risk = sum(1 for row in rows if row.state.level in (LEVEL_WARNING, LEVEL_DANGER))
    questions = Question.objects.filter(process__municipality=municipality, answered_at__isnull=True)
    reports_to_send = 0
    if lead:
        led = process_list_led_by(municipality=municipality, user=user)
        questions = questions.filter(process__in=led)
        reports_to_send = (
            Report.objects.filter(process__in=led, sent_at__isnull=True).count()
            + DistrictReport.objects.filter(municipality=municipality, sent_at__isnull=True).count()
        )
    elif member:
        questions = questions.filter(asker=user)
    return CouncilWork(open_questions=questions.count(), kaders_at_risk=at_risk, reports_to_send=reports_to_send)
