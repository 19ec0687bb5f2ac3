"""The result page per wijk: voters and chosen projects in each wijk, never a wijk of fewer than 5 voters,
also not by subtracting the wijken shown from the budget's total."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from zwerm.budgets import services
from zwerm.places.services import district_save, neighbourhood_save

from ..foundation.builders import make_resident
from .conftest import make_budget, open_voting

HOST = "testdam.localhost"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _rows(html: str) -> dict[str, list[str]]:
    """The per-wijk table: wijk -> its cells, as text."""
    table = html[html.index('id="district-results"') : html.index("</table>", html.index('id="district-results"'))]
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", table, re.S)[1:]:
        cells = [_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture
def wijken(municipality, neighbourhood, south):
    west = district_save(municipality=municipality, code="WK000103", name="Testdam West")
    west_hood = neighbourhood_save(municipality=municipality, district=west, code="BU00010301", name="Westbuurt")
    return {"noord": (neighbourhood.district, neighbourhood), "zuid": south, "west": (west, west_hood)}


def _counted(process, lead, municipality, wijken, sizes: dict[str, int]):
    """A per-wijk budget with one project per wijk, `sizes` voters per wijk, counted and published."""
    budget = make_budget(
        process,
        lead,
        title="Wijkbudget",
        total_amount=Decimal("15000"),
        district_amounts={district: Decimal("5000") for district, _ in wijken.values()},
    )
    people = {
        name: [make_resident(municipality, hood) for _ in range(sizes[name])] for name, (_, hood) in wijken.items()
    }
    projects = {}
    for name, (district, _) in wijken.items():
        projects[name] = services.project_propose(
            budget=budget,
            resident=people["noord"][0],
            title=f"Bankjes in {name}",
            description="Zitten.",
            district=district,
        )
        services.project_review(project=projects[name], actor=lead, feasibility="feasible", cost=Decimal("3000"))
    open_voting(budget, lead)
    for name, voters in people.items():
        for person in voters:
            services.ballot_cast(budget=budget, resident=person, projects=[projects[name].pk])
    services.budget_set_status(budget=budget, actor=lead, to_status="counting")
    services.budget_count(budget=budget, actor=lead)
    services.budget_publish_result(budget=budget, actor=lead)
    return budget


def test_the_result_shows_voters_and_chosen_projects_per_wijk(process, lead, municipality, wijken):
    budget = _counted(process, lead, municipality, wijken, {"noord": 10, "zuid": 6, "west": 5})
    html = Client(HTTP_HOST=HOST).get(f"/buurtbudget/{budget.pk}/uitslag").content.decode()
    rows = _rows(html)
    noord = wijken["noord"][0].name
    assert rows[noord][0] == "10" and rows["Testdam Zuid"][0] == "6" and rows["Testdam West"][0] == "5"
    assert rows["Testdam West"][1] == "Bankjes in west"
    assert rows["Testdam West"][2] == "€ 3.000"


def test_a_wijk_of_three_voters_cannot_be_worked_out_from_the_total(process, lead, municipality, wijken):
    """10 + 6 + 3 = 19 voters: with 10 and 6 shown, 19 - 16 would be West's 3. Zuid is held back too."""
    budget = _counted(process, lead, municipality, wijken, {"noord": 10, "zuid": 6, "west": 3})
    client = Client(HTTP_HOST=HOST)
    html = client.get(f"/buurtbudget/{budget.pk}/uitslag").content.decode()
    rows = _rows(html)
    shown = [int(cells[0]) for cells in rows.values() if cells[0].isdigit()]
    assert shown == [10]
    assert rows["Testdam Zuid"][0] == rows["Testdam West"][0] == "onvoldoende gegevens"
    totals = [int(n) for n in re.findall(r"Aantal stemmers: (\d+)", _text(html))]
    totals += [
        int(n) for n in re.findall(r"(\d+) stemmers", _text(client.get(f"/buurtbudget/{budget.pk}").content.decode()))
    ]
    api = client.get(f"/api/v1/budgets/{budget.pk}").json()
    totals += [api["voters"]["value"], api["result"]["voters"]["value"]]
    assert 19 in totals
    for total in totals:
        assert total is None or total - sum(shown) not in range(1, 5), totals
    # the chosen projects per wijk are not about people: they stay
    assert rows["Testdam West"][1] == "Bankjes in west"
