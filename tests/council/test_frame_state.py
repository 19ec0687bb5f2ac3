"""Where a process stands against its kaders: budget, deadline, decisions outside scope; the dashboard."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zwerm.council import selectors, services
from zwerm.council.models import Frame

from .builders import make_outside_scope_decision, make_process

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("spent", "state"),
    [("0", "ok"), ("8999.99", "ok"), ("9000", "approaching"), ("10000", "approaching"), ("10000.01", "exceeded")],
)
def test_budget_state_warns_from_90_percent_and_flags_above_100(spent, state):
    assert selectors.budget_state(budget=Decimal("10000"), spent=Decimal(spent)).state == state


def test_budget_state_without_a_budget_frame_and_with_a_zero_budget():
    assert selectors.budget_state(budget=None, spent=Decimal("5")).state == "none"
    assert selectors.budget_state(budget=Decimal("0"), spent=Decimal("0")).state == "ok"
    assert selectors.budget_state(budget=Decimal("0"), spent=Decimal("1")).state == "exceeded"


@pytest.mark.parametrize(
    ("days", "state"), [(30, "ok"), (15, "ok"), (14, "approaching"), (0, "approaching"), (-1, "passed")]
)
def test_deadline_state_approaches_within_14_days_and_passes_after(days, state):
    result = selectors.deadline_state(deadline=TODAY + datetime.timedelta(days=days), today=TODAY)
    assert result.state == state and result.days_left == days


def test_a_process_closed_in_time_met_its_deadline_and_one_closed_late_did_not():
    deadline = TODAY
    assert selectors.deadline_state(deadline=deadline, today=TODAY, closed_on=TODAY).state == "met"
    late = selectors.deadline_state(deadline=deadline, today=TODAY, closed_on=TODAY + datetime.timedelta(days=1))
    assert late.state == "passed"


def test_frame_state_of_a_process(process, lead, set_frame):
    set_frame(process, budget="10000")
    set_frame(process, kind=Frame.Kind.DEADLINE, deadline=timezone.localdate() + datetime.timedelta(days=10))
    services.spending_record(process=process, actor=lead, amount="9500", description="Uitvoering")
    state = selectors.frame_state(process=process)
    assert state.budget.state == "approaching" and state.budget.percent == 95
    assert state.deadline.state == "approaching" and state.deadline.days_left == 10
    assert state.level == "warning"
    later = selectors.frame_state(process=process, today=timezone.localdate() + datetime.timedelta(days=11))
    assert later.deadline.state == "passed" and later.level == "danger"


def test_only_the_current_frames_count(process, lead, set_frame):
    old = set_frame(process, budget="10000")
    set_frame(process, budget="20000", replaces=old)
    services.spending_record(process=process, actor=lead, amount="15000", description="Uitvoering")
    state = selectors.frame_state(process=process)
    assert state.budget.budget == 20000 and state.budget.state == "ok"


def test_decisions_outside_scope_are_flagged(process, lead, set_frame):
    set_frame(process, budget="10000")
    make_outside_scope_decision(process, lead=lead, title="Extra speeltoestel")
    state = selectors.frame_state(process=process)
    assert [d.title for d in state.outside_scope] == ["Extra speeltoestel"]
    assert state.level == "danger"


def test_a_process_without_frames_says_so(process):
    state = selectors.frame_state(process=process)
    assert state.level == "none" and state.budget.state == "none" and state.deadline.state == "none"


def test_the_dashboard_lists_every_process_with_its_state_in_a_fixed_number_of_queries(
    municipality, other_municipality, lead, member, set_frame
):
    def build(n):
        for i in range(n):
            process = make_process(municipality, lead, title=f"Traject {i}")
            set_frame(process, budget="1000")
            services.spending_record(process=process, actor=lead, amount="950", description="Uitvoering")
            make_outside_scope_decision(process, lead=lead, title=f"Buiten {i}")
            services.question_ask(process=process, asker=member, text="Vraag?")

    build(2)
    with CaptureQueriesContext(connection) as few:
        rows = selectors.council_dashboard(municipality=municipality, member=member)
    build(3)
    with CaptureQueriesContext(connection) as many:
        rows = selectors.council_dashboard(municipality=municipality, member=member)
    assert len(many) == len(few)
    assert len(rows) == 5
    assert all(r.state.budget.state == "approaching" and r.state.level == "danger" for r in rows)
    assert all(len(r.state.outside_scope) == 1 and r.open_questions == 1 for r in rows)
    assert selectors.council_dashboard(municipality=other_municipality) == []


def test_the_dashboard_can_show_only_followed_processes(municipality, lead, member):
    followed = make_process(municipality, lead, title="Gevolgd")
    make_process(municipality, lead, title="Niet gevolgd")
    services.council_follow(process=followed, member=member)
    rows = selectors.council_dashboard(municipality=municipality, member=member, followed_only=True)
    assert [r.process.pk for r in rows] == [followed.pk] and rows[0].followed
