"""The budget component's services: proposals, review, the secret ballot and its limits, the count."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from zwerm.budgets import selectors, services
from zwerm.budgets.models import Ballot, BallotChoice, Budget, Project, VoteRecord
from zwerm.privacy.services import account_erase
from zwerm.processes.models import Advice, Placement
from zwerm.processes.registry import components
from zwerm.processes.selectors import process_record

from ..foundation.builders import make_initiative, make_resident
from .conftest import make_budget, make_projects, open_voting


def feasible(budget):
    return list(selectors.project_list(budget=budget, feasibility="feasible"))


def close_and_count(budget, lead):
    budget = services.budget_set_status(budget=budget, actor=lead, to_status="counting")
    return services.budget_count(budget=budget, actor=lead)


# --- the budget in its process ----------------------------------------------------------------------


def test_a_budget_is_a_component_of_its_process_with_voter_figures(budget, process):
    placement = Placement.objects.get(kind="budget", object_id=budget.pk)
    assert placement.process == process
    record = process_record(process=process)
    summary = next(p.summary for p in record.placements if p.placement.kind == "budget")
    assert summary["participants"] == 0 and summary["voters"] == 0
    assert "budget" in components


def test_only_the_process_lead_or_an_admin_creates_a_budget(process, other_lead, admin, resident):
    for user in (other_lead, resident):
        with pytest.raises(PermissionDenied):
            make_budget(process, user)
    assert make_budget(process, admin).pk


def test_a_cumulative_budget_needs_its_points(process, lead):
    with pytest.raises(ValidationError) as error:
        make_budget(process, lead, ballot_type="cumulative")
    assert "points" in error.value.message_dict


# --- proposals and review ---------------------------------------------------------------------------


def test_a_proposal_is_masked_in_public(budget, resident):
    project = services.project_propose(
        budget=budget, resident=resident, title="Bankjes", description="Bel mij op 06-12345678 voor uitleg."
    )
    assert "06-12345678" not in project.public_description and "[telefoonnummer]" in project.public_description


def test_only_residents_of_the_area_propose(budget, outsider, lead):
    with pytest.raises(PermissionDenied, match="Testdam Noord"):
        services.project_propose(budget=budget, resident=outsider, title="Plan", description="Een plan.")
    with pytest.raises(PermissionDenied):
        services.project_propose(budget=budget, resident=lead, title="Plan", description="Een plan.")


def test_an_infeasible_project_needs_a_public_reason(budget, resident, lead):
    (project,) = make_projects(budget, lead, resident, ["1000"])
    with pytest.raises(ValidationError, match="reden"):
        services.project_review(project=project, actor=lead, feasibility="infeasible", cost=None, reason="")
    services.project_review(project=project, actor=lead, feasibility="infeasible", cost=None, reason="Te duur.")
    project.refresh_from_db()
    assert project.feasibility == "infeasible" and project.feasibility_reason == "Te duur."


def test_a_specialist_reviews_through_the_advice_flow(budget, resident, lead, specialist, other_lead):
    project = services.project_propose(budget=budget, resident=resident, title="Speeltuin", description="Een plan.")
    with pytest.raises(PermissionDenied):
        services.project_review(project=project, actor=specialist, feasibility="feasible", cost=Decimal(5))
    services.project_request_review(
        project=project, actor=lead, specialist=specialist, deadline=timezone.localdate() + datetime.timedelta(days=7)
    )
    services.project_review(project=project, actor=specialist, feasibility="feasible", cost=Decimal("4500"))
    project.refresh_from_db()
    assert project.feasibility == "feasible" and project.cost == Decimal("4500")
    advice = Advice.objects.get(request_id=project.advice_request_id)
    assert advice.author == specialist and "4.500" in advice.text
    with pytest.raises(PermissionDenied):
        services.project_review(project=project, actor=other_lead, feasibility="feasible", cost=Decimal(1))


def test_an_initiative_becomes_a_project(budget, lead, resident, neighbourhood, moderator, municipality):
    initiative = make_initiative(
        municipality, resident, neighbourhood, publish_by=moderator, title="Moestuin", body="Mail a@b.nl."
    )
    project = services.project_from_initiative(budget=budget, actor=lead, initiative_id=initiative.pk)
    assert project.initiative_id == initiative.pk and project.proposer is None
    assert "a@b.nl" not in project.public_description
    with pytest.raises(ValidationError, match="al een project"):
        services.project_from_initiative(budget=budget, actor=lead, initiative_id=initiative.pk)


def test_voting_opens_only_when_every_project_is_reviewed(budget, lead, resident):
    services.project_propose(budget=budget, resident=resident, title="Plan", description="Een plan.")
    services.budget_set_status(budget=budget, actor=lead, to_status="review")
    with pytest.raises(ValidationError, match="Beoordeel"):
        services.budget_set_status(budget=budget, actor=lead, to_status="voting")


# --- the ballot -------------------------------------------------------------------------------------


def test_a_resident_votes_once_and_the_register_says_so(voting_budget, resident):
    p1, p2, *_ = feasible(voting_budget)
    assert not selectors.has_voted(budget=voting_budget, user=resident)
    services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk, p2.pk])
    ballot = Ballot.objects.get(budget=voting_budget)
    assert sorted(BallotChoice.objects.filter(ballot=ballot).values_list("project_id", flat=True)) == [p1.pk, p2.pk]
    assert selectors.has_voted(budget=voting_budget, user=resident)
    assert VoteRecord.objects.filter(budget=voting_budget, voter=resident).count() == 1


def test_a_second_ballot_is_refused(voting_budget, resident):
    p1, p2, *_ = feasible(voting_budget)
    services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk])
    with pytest.raises(ValidationError, match="al gestemd"):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[p2.pk])
    assert Ballot.objects.filter(budget=voting_budget).count() == 1
    assert VoteRecord.objects.filter(budget=voting_budget).count() == 1


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        ((0, 1, 2, 3), "hoogstens 3"),  # four projects, at most three
        ((0, 1, 2), "meer dan"),  # 12,000 > 8,000
        ((), "minstens één"),
    ],
)
def test_a_ballot_over_the_limits_is_refused(voting_budget, resident, picks, message):
    projects = feasible(voting_budget)
    with pytest.raises(ValidationError, match=message):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[projects[i].pk for i in picks])
    assert not Ballot.objects.exists() and not VoteRecord.objects.exists()  # neither without the other


def test_an_infeasible_project_is_not_on_the_ballot(voting_budget, resident):
    infeasible = Project.objects.get(budget=voting_budget, feasibility="infeasible")
    with pytest.raises(ValidationError, match="haalbare"):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[infeasible.pk])


def test_no_ballot_after_the_vote_closes(voting_budget, resident, lead):
    p1, *_ = feasible(voting_budget)
    Budget.objects.filter(pk=voting_budget.pk).update(vote_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    voting_budget.refresh_from_db()
    with pytest.raises(ValidationError, match="gesloten"):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk])
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    voting_budget.refresh_from_db()
    with pytest.raises(ValidationError, match="gesloten"):
        services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk])


def test_only_residents_of_the_area_vote(voting_budget, outsider, lead):
    p1, *_ = feasible(voting_budget)
    for user in (outsider, lead):
        with pytest.raises(PermissionDenied):
            services.ballot_cast(budget=voting_budget, resident=user, projects=[p1.pk])


def test_cumulative_points_are_limited(process, lead, district, resident):
    budget = make_budget(process, lead, district=district, ballot_type="cumulative", points=10)
    make_projects(budget, lead, resident, ["1000", "2000"])
    open_voting(budget, lead)
    p1, p2 = feasible(budget)
    with pytest.raises(ValidationError, match="hoogstens 10"):
        services.ballot_cast(budget=budget, resident=resident, points={p1.pk: 6, p2.pk: 5})
    services.ballot_cast(budget=budget, resident=resident, points={p1.pk: 6, p2.pk: 4})
    assert dict(BallotChoice.objects.values_list("project_id", "points")) == {p1.pk: 6, p2.pk: 4}


# --- the count --------------------------------------------------------------------------------------


def test_a_budget_without_votes_counts(voting_budget, lead):
    result = close_and_count(voting_budget, lead)
    assert result.voters == 0 and result.outcome["winners"] == [] and result.other_outcome["winners"] == []


def test_a_budget_without_an_affordable_project_counts(process, lead, district, resident, residents):
    budget = make_budget(process, lead, district=district, total_amount=Decimal("500"))
    make_projects(budget, lead, resident, ["1000", "2000"])
    open_voting(budget, lead)
    p1, p2 = feasible(budget)
    for r in residents:
        services.ballot_cast(budget=budget, resident=r, projects=[p1.pk])
    result = close_and_count(budget, lead)
    assert result.outcome["winners"] == [] and result.voters == 6


def test_mes_and_greedy_differ_and_are_both_stored(process, lead, district, resident, neighbourhood, municipality):
    """Budget 10,000: six voters want A (6,000) and B (4,000); four want C (4,000). Greedy funds A and B;
    MES gives the four their share and funds C."""
    budget = make_budget(process, lead, district=district, rule="mes")
    a, b, c = make_projects(budget, lead, resident, ["6000", "4000", "4000"])
    open_voting(budget, lead)
    voters = [make_resident(municipality, neighbourhood) for _ in range(10)]
    for v in voters[:6]:
        services.ballot_cast(budget=budget, resident=v, projects=[a.pk, b.pk])
    for v in voters[6:]:
        services.ballot_cast(budget=budget, resident=v, projects=[c.pk])
    result = close_and_count(budget, lead)
    assert str(c.pk) in result.outcome["winners"]
    assert set(result.other_outcome["winners"]) == {str(a.pk), str(b.pk)}
    assert result.outcome["voters_with_a_funded_project"] == 10
    assert result.other_outcome["voters_with_a_funded_project"] == 6
    view = selectors.budget_result(budget=budget, count=result)
    assert view.share_with_funded == 100 and view.other_share_with_funded == 60
    assert [p.pk for p in view.only_this_rule] == [c.pk]
    services.budget_publish_result(budget=budget, actor=lead)
    budget.refresh_from_db()
    assert budget.status == "result"


@pytest.mark.parametrize(("fill_up", "funded", "left"), [(True, 2, ""), (False, 1, "€\u00a0120")])
def test_staff_choose_the_fill_up_and_the_result_names_the_variant(
    process, lead, district, resident, neighbourhood, municipality, fill_up, funded, left
):
    """Budget 300, six voters: b0 = 50. A (180) has all six votes: 30 each. B (120) has voters 1-3,
    C (120) voters 4-6: each needs 40 from three voters with b - 30 left, so both become affordable
    at b = 70, where {A, B, C} costs 420 > 300. add1 therefore uses b = 69: {A}, 120 left. The fill-up
    then funds B or C (3 votes each, 120 fits in 120); without it (Assen) 120 stays unspent."""
    budget = make_budget(
        process, lead, district=district, total_amount=Decimal(300), completion="add1", fill_up=fill_up
    )
    a, b, c = make_projects(budget, lead, resident, ["180", "120", "120"])
    open_voting(budget, lead)
    voters = [make_resident(municipality, neighbourhood) for _ in range(6)]
    for i, v in enumerate(voters):
        services.ballot_cast(budget=budget, resident=v, projects=[a.pk, b.pk if i < 3 else c.pk])
    result = close_and_count(budget, lead)
    assert len(result.outcome["winners"]) == funded and result.outcome["winners"][0] == str(a.pk)
    assert (result.outcome["fill_up"], result.outcome["step"]) == (fill_up, 1)
    view = selectors.budget_result(budget=budget, count=result)
    assert view.left_over == left
    assert ("zoals pabutools" if fill_up else "zoals Assen in 2024") in view.variant_name
    assert view.step_shown == ""


def test_the_completion_step_must_be_positive(process, lead):
    with pytest.raises(ValidationError) as error:
        make_budget(process, lead, completion_step=Decimal(0))
    assert "completion_step" in error.value.message_dict


def test_per_district_budgets_are_counted_per_wijk(process, lead, district, south, municipality, neighbourhood):
    south_district, south_buurt = south
    budget = make_budget(
        process,
        lead,
        total_amount=Decimal("0"),
        district_amounts={district: Decimal("5000"), south_district: Decimal("3000")},
    )
    north_resident = make_resident(municipality, neighbourhood)
    south_resident = make_resident(municipality, south_buurt)
    north = services.project_propose(budget=budget, resident=north_resident, title="Noord", description="Plan.")
    south_project = services.project_propose(budget=budget, resident=south_resident, title="Zuid", description="Plan.")
    assert north.district == district and south_project.district == south_district
    for project, cost in ((north, "4000"), (south_project, "3500")):
        services.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    open_voting(budget, lead)
    with pytest.raises(ValidationError, match="eigen wijk"):
        services.ballot_cast(budget=budget, resident=north_resident, projects=[south_project.pk])
    services.ballot_cast(budget=budget, resident=north_resident, projects=[north.pk])
    services.ballot_cast(budget=budget, resident=south_resident, projects=[south_project.pk])
    result = close_and_count(budget, lead)
    assert result.outcome["winners"] == [str(north.pk)]  # Zuid costs 3,500 > its wijk's 3,000
    assert len(result.outcome["parts"]) == 2


# --- secrecy ----------------------------------------------------------------------------------------


def test_figures_under_five_voters_are_not_shown(voting_budget, lead, residents):
    p1, *_ = feasible(voting_budget)
    for r in residents[:3]:
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk])
    result = close_and_count(voting_budget, lead)
    view = selectors.budget_result(budget=voting_budget, count=result)
    assert not view.show_figures and view.voters_shown == "minder dan 5"
    assert all(r.bar_votes == 0 and r.votes_shown == "niet getoond" for r in view.projects)
    assert view.share_with_funded is None


def test_the_component_summary_holds_no_personal_data(voting_budget, residents):
    p1, *_ = feasible(voting_budget)
    for r in residents:
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk])
    placement = Placement.objects.get(kind="budget", object_id=voting_budget.pk)
    summary = components.get("budget").summary(placement)
    assert summary["voters"] == 6
    assert set(summary) == {"participants", "voters", "projects", "status"}


# --- the secret ballot by construction ---------------------------------------------------------------


def test_a_ballot_has_no_reference_to_a_person_no_time_and_a_random_id():
    for model in (Ballot, BallotChoice):
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            assert target is None or target._meta.label not in ("accounts.User", "budgets.VoteRecord"), field
            assert not isinstance(field, models.DateField), field
        assert isinstance(model._meta.pk, models.UUIDField)
    assert isinstance(VoteRecord._meta.pk, models.UUIDField)
    assert not any(isinstance(f, models.DateField) for f in VoteRecord._meta.get_fields())


def test_erasure_removes_the_register_row_and_the_ballot_keeps_counting(voting_budget, resident, municipality):
    p1, *_ = feasible(voting_budget)
    services.ballot_cast(budget=voting_budget, resident=resident, projects=[p1.pk])
    account_erase(user=resident, municipality=municipality)
    assert not VoteRecord.objects.exists()
    assert [b.projects for b in selectors.budget_rule_ballots(budget=voting_budget)] == [(str(p1.pk),)]


def test_closing_the_vote_writes_the_ballots_again_under_new_ids(voting_budget, residents, lead):
    p1, p2, *_ = feasible(voting_budget)
    for i, r in enumerate(residents):
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk] if i % 2 else [p2.pk])
    before = set(Ballot.objects.values_list("pk", flat=True))
    ballots = sorted(b.projects for b in selectors.budget_rule_ballots(budget=voting_budget))
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    assert not before & set(Ballot.objects.values_list("pk", flat=True))
    assert sorted(b.projects for b in selectors.budget_rule_ballots(budget=voting_budget)) == ballots
