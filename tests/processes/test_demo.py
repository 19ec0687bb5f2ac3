"""The demo builder makes processes that show the whole chain."""

from zwerm.accounts.roles import Role
from zwerm.processes import selectors
from zwerm.processes.demo import build_demo_processes
from zwerm.values.selectors import value_list

from ..foundation.builders import make_resident


def test_demo_processes_show_phases_advice_decisions_and_components(municipality, neighbourhood, make_staff):
    staff = {role: make_staff(role) for role in (Role.ADMIN, Role.PROCESS_LEAD, Role.SPECIALIST)}
    residents = [make_resident(municipality, neighbourhood) for _ in range(6)]
    processes = build_demo_processes(municipality=municipality, staff=staff, residents=residents)
    assert len(processes) >= 2
    assert len(value_list(municipality=municipality)) == 4
    records = [selectors.process_record(process=p) for p in processes]
    assert len({r.current_phase.title for r in records}) == len(records)  # different phases
    states = {a.state for r in records for a in r.advice_requests}
    assert {"late", "answered", "open"} <= states
    for record in records:
        assert sum(record.stakeholder_counts.values()) >= 2
        assert record.decisions
        for entry in record.decisions:
            assert len(entry.assessments) == 4
        assert record.updates
    kinds = {p.placement.kind for r in records for p in r.placements}
    assert kinds == {"meeting", "survey"}
    assert records[0].participation.participants >= 34
    assert any(d.corrects for d in records[0].decisions)
