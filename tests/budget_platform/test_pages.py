"""The budget pages as residents and staff use them, without JavaScript."""

from decimal import Decimal

import pytest
from django.test import Client

from zwerm.budgets import selectors, services
from zwerm.budgets.models import Ballot, BallotChoice, Budget, CountResult, Project

from ..foundation.builders import make_resident, staff_login
from .conftest import make_projects

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


def html(response) -> str:
    return response.content.decode()


def assert_no_inline_code(page: str):
    assert "<script>" not in page and " style=" not in page and " onclick" not in page


@pytest.fixture
def lead_client(lead):
    return staff_login(Client(), lead)


def resident_client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("dutch", "plain"), [("20.000", "20000"), ("4.500,50", "4500.50"), ("€ 4.500", "4500"), ("4.500,-", "4500")]
)
def test_a_project_cost_in_dutch_notation_is_stored_as_the_same_amount(budget, resident, dutch, plain):
    client = resident_client(resident)
    for title, cost in (("In het Nederlands", dutch), ("Zonder notatie", plain.replace(".", ","))):
        response = post(
            client, f"/buurtbudget/{budget.pk}/voorstellen", {"title": title, "description": "Een plan.", "cost": cost}
        )
        assert response.status_code == 302, html(response)
    dutch_cost, plain_cost = (
        Project.objects.get(budget=budget, title=t).cost for t in ("In het Nederlands", "Zonder notatie")
    )
    assert dutch_cost == plain_cost == Decimal(plain)


def test_an_amount_that_is_not_dutch_notation_is_refused_with_an_example(budget, resident):
    response = post(
        resident_client(resident),
        f"/buurtbudget/{budget.pk}/voorstellen",
        {"title": "Bank", "description": "Plan.", "cost": "4500.50"},
    )
    page = html(response)
    assert response.status_code == 200 and "bijvoorbeeld 4.500 of 4.500,50" in page
    assert not Project.objects.filter(budget=budget).exists()


def test_the_review_form_fills_in_the_current_cost_the_dutch_way(lead_client, budget, lead, resident):
    (project,) = make_projects(budget, lead, resident, [Decimal("8000.00")])
    page = html(get(lead_client, f"/buurtbudget/{budget.pk}/projecten/{project.pk}/beoordelen"))
    assert 'value="8.000"' in page and "8000,00" not in page


def test_a_resident_proposes_a_project(budget, resident):
    client = resident_client(resident)
    page = html(get(client, f"/buurtbudget/{budget.pk}"))
    assert "Stel een project voor" in page
    response = post(
        client,
        f"/buurtbudget/{budget.pk}/voorstellen",
        {"title": "Bankjes", "description": "Bij de vijver.", "cost": ""},
    )
    assert response.status_code == 302
    project = Project.objects.get(budget=budget)
    assert project.proposer == resident and project.feasibility == "pending"
    page = html(get(Client(), f"/buurtbudget/{budget.pk}"))
    assert "Bankjes" in page and resident.display_name not in page


def test_a_resident_votes_without_javascript(voting_budget, resident):
    client = resident_client(resident)
    url = f"/buurtbudget/{voting_budget.pk}/stemmen"
    p1, p2, p3, p4 = selectors.project_list(budget=voting_budget, feasibility="feasible")
    page = html(get(client, url))
    assert f'name="project" value="{p1.pk}"' in page and "Infeasible" not in page
    assert "Project 5" not in page  # the infeasible one is not on the ballot
    assert_no_inline_code(page)

    # the running total, worked out by the server, nothing saved
    response = post(client, url, {"project": [p1.pk, p2.pk, p3.pk], "action": "check"})
    page = html(response)
    assert response.status_code == 200 and "3 projecten gekozen, samen €\u00a012.000" in page and "meer dan" in page
    assert not Ballot.objects.exists()

    # over the limits: refused with the reason, the choice kept on the page
    response = post(client, url, {"project": [p1.pk, p2.pk, p3.pk], "action": "vote"})
    assert response.status_code == 400 and "Je stem is niet opgeslagen" in html(response)
    assert not Ballot.objects.exists()

    response = post(client, url, {"project": [p1.pk, p2.pk], "action": "vote"})
    assert response.status_code == 302 and Ballot.objects.count() == 1
    assert sorted(BallotChoice.objects.values_list("project_id", flat=True)) == sorted([p1.pk, p2.pk])

    # a cast ballot is final: the page says so and shows neither the choice nor a form
    page = html(get(client, url))
    assert "Je hebt al gestemd" in page and 'name="project"' not in page
    response = post(client, url, {"project": [p4.pk], "action": "vote"})
    assert response.status_code == 200 and "Je hebt al gestemd" in html(response)
    assert sorted(BallotChoice.objects.values_list("project_id", flat=True)) == sorted([p1.pk, p2.pk])
    assert "Je hebt al gestemd" in html(get(client, f"/buurtbudget/{voting_budget.pk}"))


def test_a_resident_from_elsewhere_cannot_vote(voting_budget, outsider):
    client = resident_client(outsider)
    p1 = selectors.project_list(budget=voting_budget, feasibility="feasible").first()
    response = post(client, f"/buurtbudget/{voting_budget.pk}/stemmen", {"project": [p1.pk], "action": "vote"})
    assert response.status_code == 400 and "Testdam Noord" in html(response)
    assert not Ballot.objects.exists()


def test_the_ballot_page_needs_a_login(voting_budget):
    response = get(Client(), f"/buurtbudget/{voting_budget.pk}/stemmen")
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_a_process_lead_runs_a_budget_from_setup_to_result(
    lead_client, lead, process, resident, municipality, neighbourhood
):
    response = post(
        lead_client,
        f"/buurtbudget/nieuw/{process.slug}",
        {
            "title": "Wijkbudget",
            "total_amount": "6.000",
            "rule": "mes",
            "ballot_type": "approval",
            "max_projects": "2",
            "count_variant": "add1-no-fill-up",
            "completion_step": "2,50",
        },
    )
    assert response.status_code == 302, html(response)
    budget = Budget.objects.get(title="Wijkbudget")
    assert (budget.completion, budget.fill_up, budget.completion_step) == ("add1", False, Decimal("2.50"))
    assert budget.total_amount == 6000  # Dutch notation: a point groups the thousands
    for title in ("Speeltuin", "Bankjes", "Bomen"):
        services.project_propose(budget=budget, resident=resident, title=title, description="Een plan.")
    manage = f"/buurtbudget/{budget.pk}/beheer"
    page = html(get(lead_client, manage))
    assert "Speeltuin" in page and "Advies vragen" in page
    assert "zoals Assen in 2024" in page and "verhoging per stap € 2,5" in page
    speeltuin, bankjes, bomen = Project.objects.filter(budget=budget).order_by("pk")
    response = post(
        lead_client, f"/buurtbudget/{budget.pk}/projecten/{bomen.pk}/beoordelen", {"feasibility": "infeasible"}
    )
    assert response.status_code == 200 and "openbare reden" in html(response)
    post(
        lead_client,
        f"/buurtbudget/{budget.pk}/projecten/{bomen.pk}/beoordelen",
        {"feasibility": "infeasible", "reason": "Geen grond."},
    )
    for project, cost in ((speeltuin, "€ 4.000"), (bankjes, "1.500,00")):
        response = post(
            lead_client,
            f"/buurtbudget/{budget.pk}/projecten/{project.pk}/beoordelen",
            {"feasibility": "feasible", "cost": cost},
        )
        assert response.status_code == 302
    assert [p.cost for p in (speeltuin, bankjes) if not p.refresh_from_db()] == [4000, 1500]
    post(lead_client, f"/buurtbudget/{budget.pk}/fase", {"status": "review"})
    post(lead_client, f"/buurtbudget/{budget.pk}/fase", {"status": "voting"})
    budget.refresh_from_db()
    assert budget.status == "voting"
    voters = [make_resident(municipality, neighbourhood) for _ in range(6)]
    for i, voter in enumerate(voters):
        chosen = [speeltuin.pk] if i < 4 else [bankjes.pk]
        response = post(
            resident_client(voter), f"/buurtbudget/{budget.pk}/stemmen", {"project": chosen, "action": "vote"}
        )
        assert response.status_code == 302
    post(lead_client, f"/buurtbudget/{budget.pk}/fase", {"status": "counting"})
    response = post(lead_client, f"/buurtbudget/{budget.pk}/tellen")
    assert response.status_code == 302 and CountResult.objects.filter(budget=budget).exists()
    assert get(Client(), f"/buurtbudget/{budget.pk}/uitslag").status_code == 404  # not published yet
    post(lead_client, f"/buurtbudget/{budget.pk}/publiceren")

    page = html(get(Client(), f"/buurtbudget/{budget.pk}/uitslag"))
    assert "Gekozen projecten" in page and "Speeltuin" in page and "<svg" in page and "utrecht-table" in page
    assert "100% van de stemmers" in page  # both groups see a project funded
    assert "Geen grond." not in page  # infeasible projects are not on the result
    assert "meeste stemmen eerst" in page.lower()
    # Speeltuin (4 votes, 4000) and Bankjes (2 votes, 1500) are both paid at b = 6000 / 6 = 1000;
    # 500 stays unspent, and the page says which variant counted.
    assert "wat overblijft, blijft over (zoals Assen in 2024)" in page
    assert "per stap €\u00a02,50 omhoog" in page and "Niet uitgegeven: €\u00a0500" in page
    for voter in voters:
        assert voter.display_name not in page and voter.email not in page
    assert_no_inline_code(page)
    detail = html(get(Client(), f"/buurtbudget/{budget.pk}"))
    assert "Geen grond." in detail  # the public reason

    export = get(lead_client, f"/buurtbudget/{budget.pk}/export.pb")
    text = export.content.decode()
    assert export.status_code == 200 and text.startswith("META")
    assert all(v.email not in text and v.display_name not in text for v in voters)


def test_the_result_page_hides_figures_under_five_voters(voting_budget, lead, residents):
    p1 = selectors.project_list(budget=voting_budget, feasibility="feasible").first()
    for r in residents[:2]:
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk])
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    services.budget_count(budget=voting_budget, actor=lead)
    services.budget_publish_result(budget=voting_budget, actor=lead)
    page = html(get(Client(), f"/buurtbudget/{voting_budget.pk}/uitslag"))
    assert "minder dan 5" in page and "niet getoond" in page
    assert "van de stemmers ziet" not in page


def test_staff_pages_are_for_the_process_lead(budget, other_lead, resident):
    client = staff_login(Client(), other_lead)
    assert get(client, f"/buurtbudget/{budget.pk}/beheer").status_code == 403
    assert get(resident_client(resident), f"/buurtbudget/{budget.pk}/beheer").status_code in (302, 403)


def test_the_list_shows_budgets(budget):
    page = html(get(Client(), "/buurtbudget/"))
    assert budget.title in page and 'href="/buurtbudget/"' in page


def test_a_process_lead_finds_where_to_start_a_budget(lead_client, process):
    page = html(get(lead_client, "/buurtbudget/"))
    assert f'href="/buurtbudget/nieuw/{process.slug}"' in page


def test_voting_again_discards_an_unpublished_count(voting_budget, lead):
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    services.budget_count(budget=voting_budget, actor=lead)
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="voting")
    assert not CountResult.objects.filter(budget=voting_budget).exists()


def test_the_staff_preview_of_a_result_has_the_publish_button_it_asks_for(lead_client, voting_budget, lead, residents):
    p1 = selectors.project_list(budget=voting_budget, feasibility="feasible").first()
    for r in residents[:2]:
        services.ballot_cast(budget=voting_budget, resident=r, projects=[p1.pk])
    services.budget_set_status(budget=voting_budget, actor=lead, to_status="counting")
    response = post(lead_client, f"/buurtbudget/{voting_budget.pk}/tellen", follow=True)
    page = html(response)
    assert "nog niet gepubliceerd" in page and f'action="/buurtbudget/{voting_budget.pk}/publiceren"' in page
    post(lead_client, f"/buurtbudget/{voting_budget.pk}/publiceren")
    page = html(get(Client(), f"/buurtbudget/{voting_budget.pk}/uitslag"))
    assert "nog niet gepubliceerd" not in page and "publiceren" not in page
