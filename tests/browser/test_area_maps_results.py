"""The per-wijk maps of the dialogue results, the budget result and the process list in a real browser with
axe-core (WCAG 2.1 A/AA), at 1280 and 390 px and in English (the audit). Wijken Noord 12, Zuid 6 and West 3:
West is small and Zuid is held back with it (12 + 6 from 21 would leave 3), both hatched without a number."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.dialogues import services as dialogues
from zwerm.places.services import district_save, district_shape_save, neighbourhood_save
from zwerm.processes import services as processes

SIZES = (12, 6, 3)


def square(lon: float, lat: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + 0.02, lat], [lon + 0.02, lat + 0.015], [lon, lat + 0.015], [lon, lat]]],
    }


def _world(municipality, neighbourhood, lead):
    zuid = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    west = district_save(municipality=municipality, code="WK000103", name="Testdam West")
    hoods = [
        neighbourhood,
        neighbourhood_save(municipality=municipality, district=zuid, code="BU00010201", name="Buurt Zuid"),
        neighbourhood_save(municipality=municipality, district=west, code="BU00010301", name="Buurt West"),
    ]
    for i, hood in enumerate(hoods):
        district_shape_save(district=hood.district, geometry=square(5.0 + 0.02 * i, 52.0))
    people = [[make_resident(municipality, hood) for _ in range(n)] for hood, n in zip(hoods, SIZES, strict=True)]

    dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het plein",
        question="Wat vind je van het plein?",
        seed_statements=["Meer groen.", "Meer bankjes.", "Minder auto's.", "Een markt."],
    )
    statements = list(dialogue.statements.order_by("pk"))
    n = 0
    for hood, group in zip(hoods, people, strict=True):
        for person in group:
            participant = dialogues.participant_for(dialogue=dialogue, user=person, district=hood.district)
            for j, statement in enumerate(statements):
                dialogues.vote_cast(participant=participant, statement=statement, value=1 if (n + j) % 4 else -1)
            n += 1
    dialogues.dialogue_analyse(dialogue=dialogue)

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
        district_amounts={hood.district: Decimal("10000") for hood in hoods},
    )
    projects = []
    for hood, group in zip(hoods, people, strict=True):
        project = budgets.project_propose(
            budget=budget, resident=group[0], title=f"Bankjes in {hood.district.name}", description="Zitten."
        )
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal("4000"))
        projects.append(project)
    for status in ("review", "voting"):
        budgets.budget_set_status(budget=budget, actor=lead, to_status=status)
    for project, group in zip(projects, people, strict=True):
        for person in group:
            budgets.ballot_cast(budget=budget, resident=person, projects=[project.pk])
    budgets.budget_set_status(budget=budget, actor=lead, to_status="counting")
    budgets.budget_count(budget=budget, actor=lead)
    budgets.budget_publish_result(budget=budget, actor=lead)
    return dialogue, budget


def _hidden_titles_have_no_number(page):
    titles = page.locator("svg.zwerm-map__svg path.zwerm-map__area--hidden title").all_text_contents()
    assert len(titles) == 2, titles  # Zuid and West
    for title in titles:
        assert not re.search(r"\d", title), title


def test_maps_per_wijk_on_results_and_processes(page, url, audit, municipality, neighbourhood, make_staff):
    dialogue, budget = _world(municipality, neighbourhood, make_staff(Role.PROCESS_LEAD))

    page.goto(url(f"/dialogen/{dialogue.pk}/resultaten"))
    expect(page.locator("#district-participants svg.zwerm-map__svg path")).to_have_count(3)
    _hidden_titles_have_no_number(page)
    audit.check(page, "areamaps-01-dialogue")

    page.goto(url(f"/buurtbudget/{budget.pk}/uitslag"))
    expect(page.locator("#district-results svg.zwerm-map__svg path")).to_have_count(3)
    _hidden_titles_have_no_number(page)
    audit.check(page, "areamaps-02-budget")

    page.goto(url("/trajecten/"))
    expect(page.locator("#process-districts svg.zwerm-map__svg path:not(.zwerm-map__area--hidden)")).to_have_count(3)
    audit.check(page, "areamaps-03-processes")
    audit.assert_clean()
