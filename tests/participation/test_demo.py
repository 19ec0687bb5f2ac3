"""The demo has a verordening, promises at every level, an evaluated closed process and two challenges."""

import datetime

from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.participation import selectors
from zwerm.participation.demo import build_demo_participation
from zwerm.participation.demo_history import past_quarters
from zwerm.participation.mirror import mirror_content
from zwerm.processes import selectors as processes
from zwerm.processes.demo import build_demo_process_states, build_demo_processes

from ..foundation.builders import make_resident


def test_the_demo_shows_every_part_of_the_framework(municipality, neighbourhood, make_staff):
    staff = {role: make_staff(role) for role in (Role.ADMIN, Role.PROCESS_LEAD, Role.SPECIALIST)}
    residents = [make_resident(municipality, neighbourhood) for _ in range(6)]
    made = build_demo_processes(municipality=municipality, staff=staff, residents=residents)
    build_demo_process_states(municipality=municipality, staff=staff, residents=residents)
    build_demo_participation(municipality=municipality, staff=staff, residents=residents, processes_made=made)
    assert selectors.bylaw_current(municipality=municipality).rules.count() == 4
    promises = [selectors.promise_current(process=p) for p in processes.process_list(municipality=municipality)]
    assert any(p and p.is_below_minimum and p.below_minimum_reason for p in promises)
    closed = list(processes.process_list(municipality=municipality).filter(status="closed"))
    assert len(closed) == 5, "the closed demo process and one process in each of the four quarters before"
    assert all(selectors.evaluation_current(process=p) is not None for p in closed)
    surveyed = [p for p in closed if selectors.resident_survey_get(process=p)]
    assert (
        len(surveyed) == 1
        and selectors.resident_survey_results(survey=selectors.resident_survey_get(process=surveyed[0]))["respondents"]
        == 6
    )
    states = sorted(c.state for c in selectors.challenge_list(municipality=municipality))
    assert states == ["granted", "refused"]
    # a year of history, recorded at the moments it happened: the last quarter has trends against the one before
    last = past_quarters()[-1][0]
    mirror = mirror_content(municipality=municipality, quarter=(last.year, (last.month - 1) // 3 + 1))
    figures = {i["key"]: i for i in mirror["indicators"]}
    assert figures["decisions_with_values_share"]["trend"] == "up"
    assert figures["advice_on_time_share"]["value"] == 80.0 and figures["advice_on_time_share"]["previous"] == 70.0
    assert {row["team"] for row in mirror["perTeam"]} == {"Team Openbare ruimte", "Team Verkeer"}
    assert mirror["perProcessLead"]
    register = list(selectors.challenge_list(municipality=municipality))
    assert all(c.submitted_at < timezone.now() - datetime.timedelta(days=100) for c in register)
