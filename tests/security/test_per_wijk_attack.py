"""Attack: work out how many people of a small wijk took part, from the per-wijk figures (issue 18, "maps
people see") and the totals Zwerm publishes elsewhere: the dialogue list, the dialogue and budget pages, the
results pages, the API and the open data. A wijk of 3 must not follow from any total minus the wijken shown."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from django.test import Client

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.dialogues import selectors as dialogue_selectors
from zwerm.dialogues import services as dialogues
from zwerm.places.services import district_save, district_shape_save, neighbourhood_save
from zwerm.processes import services as processes

HOST = "testdam.localhost"
SMALL = range(1, 5)
SIZES = {"noord": 12, "zuid": 6, "west": 3}  # West is the small wijk


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _table(html: str, ident: str) -> str:
    start = html.index(f'id="{ident}"')
    return html[start : html.index("</table>", start)]


def _first_column(table: str) -> dict[str, str]:
    """Row header -> the first cell after it, as text."""
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", table, re.S):
        if 'scope="col"' in row:
            continue
        cells = [_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if len(cells) > 1:
            rows[cells[0]] = cells[1]
    return rows


def _assert_no_small_remainder(totals: list[int | None], shown: list[int]) -> None:
    assert totals, "no total found: the attack would have nothing to subtract from"
    for total in totals:
        assert total is None or total - sum(shown) not in SMALL, (totals, shown)


@pytest.fixture
def wijken(municipality, neighbourhood):
    zuid = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    west = district_save(municipality=municipality, code="WK000103", name="Testdam West")
    for i, district in enumerate((neighbourhood.district, zuid, west)):  # three made-up squares side by side
        x = 5.0 + 0.01 * i
        square = {"type": "Polygon", "coordinates": [[[x, 52], [x + 0.01, 52], [x + 0.01, 52.01], [x, 52.01], [x, 52]]]}
        district_shape_save(district=district, geometry=square)
    return {
        "noord": (neighbourhood.district, neighbourhood),
        "zuid": (zuid, neighbourhood_save(municipality=municipality, district=zuid, code="BU00010201", name="Z")),
        "west": (west, neighbourhood_save(municipality=municipality, district=west, code="BU00010301", name="W")),
    }


def test_a_small_wijk_of_a_dialogue_is_no_total_minus_the_wijken_shown(make_staff, municipality, wijken):
    dialogue = dialogues.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Het plein",
        question="Wat vind je?",
        seed_statements=["Meer groen.", "Meer bankjes.", "Minder auto's.", "Een markt."],
    )
    statements = list(dialogue.statements.order_by("pk"))
    i = 0
    for name, size in SIZES.items():
        district, hood = wijken[name]
        for _ in range(size):
            participant = dialogues.participant_for(
                dialogue=dialogue, user=make_resident(municipality, hood), district=district
            )
            for j, statement in enumerate(statements):
                dialogues.vote_cast(participant=participant, statement=statement, value=(1, -1, 0)[(i + j) % 3])
            i += 1
    dialogues.dialogue_analyse(dialogue=dialogue)
    web = Client(HTTP_HOST=HOST)

    results = web.get(f"/dialogen/{dialogue.pk}/resultaten").content.decode()
    per_wijk = _first_column(_table(results, "district-participants"))
    assert set(per_wijk) == {district.name for district, _ in wijken.values()}  # every wijk has a row
    assert per_wijk["Testdam West"] == "onvoldoende gegevens"
    shown = [int(v) for v in per_wijk.values() if v.isdigit()]
    assert shown == [12]  # Zuid (6) is held back with West: 12 + 6 from 21 would leave 3
    svg = results[
        results.index('id="district-participants"') : results.index("</svg>", results.index("district-participants"))
    ]
    titles = re.findall(r"<path [^>]*><title>([^<]*)</title>", svg)
    assert len(titles) == 3  # the map is drawn, and says no more than the table
    assert sorted(titles) == sorted(
        ["Testdam Noord: 12", "Testdam West: onvoldoende gegevens", "Testdam Zuid: onvoldoende gegevens"]
    )
    api = web.get(f"/api/v1/dialogues/{dialogue.pk}").json()
    assert [d["participants"] for d in api["results"]["districts"]] == shown

    totals = [int(n) for n in re.findall(r"(\d+) deelnemers", _text(web.get("/dialogen/").content.decode()))]
    totals += [int(n) for n in re.findall(r"Deelnemers: (\d+)", _text(results))]
    totals += [api["participation"]["participants"]["value"]]
    assert 21 in totals  # the list page tells the exact total: the wijken shown must not leave 3 of it
    _assert_no_small_remainder(totals, shown)

    # the agree shares per statement and wijk: the statement's votes minus the cells shown never leave 1-4
    votes = dialogue_selectors.statement_vote_counts(dialogue=dialogue)
    texts = {s.public_text: s.pk for s in statements}
    if 'id="district-statements"' in results:
        for row in re.findall(
            r"<tr class=\"utrecht-table__row\">(.*?)</tr>", _table(results, "district-statements"), re.S
        ):
            cells = [_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            if cells[0] in texts:
                cell_votes = [int(n) for n in re.findall(r"\((\d+) stemmen\)", " ".join(cells[1:]))]
                _assert_no_small_remainder([votes[texts[cells[0]]]], cell_votes)


def test_a_small_wijk_of_a_budget_is_no_total_minus_the_wijken_shown(make_staff, municipality, wijken):
    lead = make_staff(Role.PROCESS_LEAD)
    process = processes.process_create(
        actor=lead, municipality=municipality, title="Wijkgeld", question="Waaraan?", description="Samen."
    )
    phase = processes.phase_add(process=process, actor=lead, title="Kiezen", reason="Start.")
    process = processes.process_open(process=process, actor=lead)
    budget = budgets.budget_create(
        process=process,
        actor=lead,
        title="Wijkbudget",
        total_amount=Decimal("30000"),
        ballot_type="approval",
        active_phases=[phase],
        district_amounts={district: Decimal("10000") for district, _ in wijken.values()},
    )
    people = {name: [make_resident(municipality, wijken[name][1]) for _ in range(n)] for name, n in SIZES.items()}
    projects = {}
    for name, (district, _) in wijken.items():
        project = budgets.project_propose(
            budget=budget, resident=people[name][0], title=f"Bank {name}", description="Zitten.", district=district
        )
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal("4000"))
        projects[name] = project
    for status in ("review", "voting"):
        budgets.budget_set_status(budget=budget, actor=lead, to_status=status)
    for name, voters in people.items():
        for person in voters:
            budgets.ballot_cast(budget=budget, resident=person, projects=[projects[name].pk])
    budgets.budget_set_status(budget=budget, actor=lead, to_status="counting")
    budgets.budget_count(budget=budget, actor=lead)
    budgets.budget_publish_result(budget=budget, actor=lead)
    web = Client(HTTP_HOST=HOST)

    result = web.get(f"/buurtbudget/{budget.pk}/uitslag").content.decode()
    per_wijk = _first_column(_table(result, "district-results"))
    assert per_wijk["Testdam West"] == per_wijk["Testdam Zuid"] == "onvoldoende gegevens"
    shown = [int(v) for v in per_wijk.values() if v.isdigit()]
    assert shown == [12]
    svg = result[result.index('id="district-results"') : result.index("</svg>", result.index("district-results"))]
    assert "Testdam West: onvoldoende gegevens" in svg and "Testdam Zuid: onvoldoende gegevens" in svg

    totals = [int(n) for n in re.findall(r"Aantal stemmers: (\d+)", _text(result))]
    totals += [
        int(n) for n in re.findall(r"(\d+) stemmers", _text(web.get(f"/buurtbudget/{budget.pk}").content.decode()))
    ]
    api = web.get(f"/api/v1/budgets/{budget.pk}").json()
    totals += [api["voters"]["value"], api["result"]["voters"]["value"]]
    response = web.get("/open-data/buurtbudget-uitslagen.csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    totals += [int(r["aantal_stemmers"]) for r in rows if r["aantal_stemmers"].isdigit()]
    assert 21 in totals
    _assert_no_small_remainder(totals, shown)
