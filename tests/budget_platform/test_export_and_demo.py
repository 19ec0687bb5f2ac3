"""The Pabulib export (read back with the reader, counted to the same winners) and the demo builder."""

from decimal import Decimal

from zwerm.accounts.roles import Role
from zwerm.budgets import rules, selectors, services
from zwerm.budgets.demo import build_demo_budget
from zwerm.budgets.export import budget_export_pb
from zwerm.budgets.models import Ballot, Project
from zwerm.budgets.pabulib import read_pb
from zwerm.processes.demo import build_demo_processes

from ..foundation.builders import make_resident
from .conftest import make_budget, make_projects, open_voting


def test_the_export_reads_back_and_counts_the_same(voting_budget, lead, residents, tmp_path):
    p1, p2, p3, p4 = selectors.project_list(budget=voting_budget, feasibility="feasible")
    for i, r in enumerate(residents):
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk, p4.pk] if i % 2 else [p2.pk])
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    stored = services.budget_count(budget=voting_budget, actor=lead)
    path = tmp_path / "budget.pb"
    budget_export_pb(budget=voting_budget, path=path)

    instance, ballots = read_pb(path)
    assert instance.budget == 10000 and instance.vote_type == "approval"
    assert instance.limits.max_projects == 3 and instance.limits.max_cost == 8000
    assert {p.id for p in instance.projects} == {str(p.pk) for p in (p1, p2, p3, p4)}  # not the infeasible one
    assert sorted(b.voter_id for b in ballots) == sorted(str(n) for n in range(1, 7))
    outcome = rules.count(instance, ballots, rule="mes", completion="add1", min_votes=1)
    assert outcome.winners == stored.outcome["winners"]


def test_the_export_holds_no_personal_data(voting_budget, residents, tmp_path):
    p1 = selectors.project_list(budget=voting_budget, feasibility="feasible").first()
    for r in residents:
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk])
    path = tmp_path / "budget.pb"
    budget_export_pb(budget=voting_budget, path=path)
    text = path.read_text()
    _instance, ballots = read_pb(path)
    assert sorted(b.voter_id for b in ballots) == sorted(str(n) for n in range(1, 7))  # numbers, never ids
    assert Ballot.objects.count() == 6
    for r in residents:
        assert r.email not in text and r.display_name not in text


def test_the_export_masks_personal_data_in_projects(process, lead, district, resident, tmp_path):
    budget = make_budget(process, lead, district=district)
    services.project_propose(budget=budget, resident=resident, title="Bankjes", description="Bel 06-12345678.")
    (project,) = Project.objects.filter(budget=budget)
    services.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal("250.50"))
    open_voting(budget, lead)
    budget_export_pb(budget=budget, path=tmp_path / "b.pb")
    instance, ballots = read_pb(tmp_path / "b.pb")
    assert instance.projects[0].cost == Decimal("250.50") and ballots == []
    assert "06-12345678" not in (tmp_path / "b.pb").read_text()


def test_a_cumulative_per_district_budget_exports(
    process, lead, district, south, municipality, neighbourhood, tmp_path
):
    budget = make_budget(
        process,
        lead,
        ballot_type="cumulative",
        points=5,
        total_amount=Decimal(0),
        district_amounts={district: Decimal("3000"), south[0]: Decimal("2000")},
    )
    north = [make_resident(municipality, neighbourhood) for _ in range(5)]  # a wijk is written from 5 voters
    make_projects(budget, lead, north[0], ["1000", "2500"])
    open_voting(budget, lead)
    a, b = selectors.project_list(budget=budget)
    services.ballot_cast(budget=budget, resident=north[0], points={a.pk: 3, b.pk: 2})
    budget_export_pb(budget=budget, path=tmp_path / "one.pb")
    _instance, ballots = read_pb(tmp_path / "one.pb")
    assert ballots[0].district is None  # one voter in the wijk: the wijk is left out
    for resident in north[1:]:
        services.ballot_cast(budget=budget, resident=resident, points={a.pk: 3, b.pk: 2})
    budget_export_pb(budget=budget, path=tmp_path / "c.pb")
    instance, ballots = read_pb(tmp_path / "c.pb")
    assert instance.vote_type == "cumulative" and instance.limits.max_points == 5
    assert ballots[0].district == district.code and dict(ballots[0].points) == {str(a.pk): 3, str(b.pk): 2}
    assert {p.district for p in instance.projects} == {district.code}


def test_the_demo_budget_shows_a_result(municipality, neighbourhood, make_staff):
    staff = {role: make_staff(role) for role in (Role.ADMIN, Role.PROCESS_LEAD, Role.SPECIALIST, Role.MODERATOR)}
    residents = [make_resident(municipality, neighbourhood) for _ in range(20)]
    process = build_demo_processes(municipality=municipality, staff=staff, residents=residents[:5])[0]
    budget = build_demo_budget(municipality=municipality, staff=staff, residents=residents, process=process)
    assert budget.status == "result" and budget.projects.count() == 8
    infeasible = budget.projects.get(feasibility="infeasible")
    assert infeasible.feasibility_reason
    count = selectors.count_result_latest(budget=budget, published=True)
    assert count.rule == "mes" and count.voters == 20 and count.outcome["winners"]
    view = selectors.budget_result(budget=budget, count=count)
    assert view.show_figures and view.share_with_funded > 0


def test_the_export_command_writes_a_pb_file_the_count_command_reads(municipality, neighbourhood, make_staff, tmp_path):
    import io
    import json

    from django.core.management import call_command

    staff = {role: make_staff(role) for role in (Role.ADMIN, Role.PROCESS_LEAD, Role.SPECIALIST, Role.MODERATOR)}
    residents = [make_resident(municipality, neighbourhood) for _ in range(12)]
    process = build_demo_processes(municipality=municipality, staff=staff, residents=residents[:5])[0]
    budget = build_demo_budget(municipality=municipality, staff=staff, residents=residents, process=process)
    call_command("budget", "export", str(budget.pk), "--output", str(tmp_path / "b.pb"), stdout=io.StringIO())
    call_command(
        "budget",
        "count",
        str(tmp_path / "b.pb"),
        "--rule",
        "mes",
        "--min-votes",
        "1",
        "--json",
        str(tmp_path / "r.json"),
        stdout=io.StringIO(),
    )
    counted = json.loads((tmp_path / "r.json").read_text())
    platform = selectors.count_result_latest(budget=budget, published=True).outcome["winners"]
    assert sorted(counted["winners"]) == sorted(str(w) for w in platform)
