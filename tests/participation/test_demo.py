"""The demo has a verordening, promises at every level, an evaluated closed process and two challenges."""

from zwerm.accounts.roles import Role
from zwerm.participation import selectors
from zwerm.participation.demo import build_demo_participation
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
    closed = processes.process_list(municipality=municipality).get(status="closed")
    assert selectors.evaluation_current(process=closed) is not None
    states = sorted(c.state for c in selectors.challenge_list(municipality=municipality))
    assert states == ["granted", "refused"]
