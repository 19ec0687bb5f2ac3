"""Attack: recover a number of people below 5 from what Zwerm publishes (issue 13, findings 1, 2 and 14).

One municipality ("Kleindam") is built once for the module through the real services, with small groups
in it: a wijk with 3 dialogue participants, a process component with 2 participants, a statement with 1
vote, a budget project paid for by a group of 3 voters next to a group of 6, initiatives with 1-4
supports, a budget wijk with 3 voters. Each test then tries one way of getting a small number back
through the public pages, the API (filters, sorts, page sizes), the open data, the council report and the
exports: directly, by subtracting two figures, or by order."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from tests.foundation.builders import make_municipality, staff_login
from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.budgets.export import budget_export_pb
from zwerm.budgets.models import Budget
from zwerm.council import services as council
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.processes import services as processes

from .conftest import BUILD_SETTINGS
from .world import _staff

HOST = "kleindam.localhost"
SMALL = range(1, 5)  # what must never be recoverable


@dataclass
class Town:
    municipality: object
    lead: object
    moderator: object
    process: object
    dialogue: object
    lonely_statement: object  # one agree vote
    initiatives: dict  # support count -> initiative
    budget: object
    shared_project: object  # 9 votes: 6 who pay an equal share, 3 who already paid for another project
    district_budget: object  # per-wijk amounts; wijk West has 3 voters
    report: object  # a council report about the process, sent (public)
    sizes: dict  # wijk name -> dialogue participants


def _residents(municipality, hood, n, prefix):
    return [
        accounts.resident_register(
            municipality=municipality,
            email=f"{prefix}{i}@kleindam.example",
            display_name=f"{prefix} {i}",
            neighbourhood=hood,
        )
        for i in range(n)
    ]


def _build() -> Town:
    municipality, hoods = make_municipality(name="Kleindam", code="GM0042", host=HOST)
    noord = hoods[0].district
    zuid = district_save(municipality=municipality, code="WK004202", name="Kleindam Zuid")
    west = district_save(municipality=municipality, code="WK004203", name="Kleindam West")
    zuid_hood = neighbourhood_save(municipality=municipality, district=zuid, code="BU00420201", name="Zuidbuurt")
    west_hood = neighbourhood_save(municipality=municipality, district=west, code="BU00420301", name="Westbuurt")

    admin = _staff("admin@kleindam.example", "Beheerder")
    accounts.role_bootstrap_admin(municipality=municipality, user=admin)
    lead = _staff("lead@kleindam.example", "Procesambtenaar")
    moderator = _staff("moderator@kleindam.example", "Moderator")
    accounts.role_grant(actor=admin, municipality=municipality, user=lead, role=Role.PROCESS_LEAD)
    accounts.role_grant(actor=admin, municipality=municipality, user=moderator, role=Role.MODERATOR)

    north = _residents(municipality, hoods[0], 25, "noord")
    south = _residents(municipality, zuid_hood, 6, "zuid")
    westerners = _residents(municipality, west_hood, 3, "west")

    process = processes.process_create(
        actor=lead, municipality=municipality, title="Plein van Kleindam", question="Hoe?", description="Samen."
    )
    first = processes.phase_add(process=process, actor=lead, title="Ophalen", reason="We beginnen.")
    process = processes.process_open(process=process, actor=lead)

    # A dialogue: 12 in Noord, 6 in Zuid, 3 in West (the small wijk); one new statement gets 1 vote.
    dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het plein",
        question="Wat vind je?",
        seed_statements=[
            "Meer groen.",
            "Meer bankjes.",
            "Minder auto's.",
            "Een markt op zaterdag.",
            "Meer licht in de avond.",
            "Een speeltuin.",
            "Minder terrassen.",
            "Water om te spelen.",
        ],
    )
    processes.placement_create(process=process, actor=lead, kind="dialogue", object_id=dialogue.pk, title="Dialoog")
    seeds = list(dialogue.statements.order_by("pk"))
    sizes = {"Kleindam Noord": 12, "Kleindam Zuid": 6, "Kleindam West": 3}
    voters = [(p, noord) for p in north[:12]] + [(p, zuid) for p in south] + [(p, west) for p in westerners]
    for i, (person, district) in enumerate(voters):
        participant = dialogues.participant_for(dialogue=dialogue, user=person, district=district)
        for j, statement in enumerate(seeds):
            dialogues.vote_cast(
                participant=participant,
                statement=statement,
                # three opinion groups: Noord agrees, Zuid disagrees, the 3 in West split
                # (each passes on one statement, so that no two vote exactly alike)
                value=0 if j == i % 8 else 1 if i < 12 else -1 if i < 18 else (1, -1)[j % 2],
            )
    author = dialogues.participant_for(dialogue=dialogue, user=north[0])
    lonely = dialogues.statement_submit(participant=author, text="Een fontein in het midden.")
    if lonely.status != lonely.Status.APPROVED:
        dialogues.statement_moderate(moderator=lead, statement=lonely, approve=True)
    dialogues.vote_cast(
        participant=dialogues.participant_for(dialogue=dialogue, user=north[1]), statement=lonely, value=1
    )
    dialogues.dialogue_analyse(dialogue=dialogue)

    # Initiatives with 7, 4, 3, 1 and 0 supports; the order in which they were published is not the
    # order of their support. The one with 2 supports is a component of the process (2 participants).
    made = {}
    for count in (4, 1, 7, 3, 0, 2):
        item = initiatives.initiative_create(
            author=north[24],
            municipality=municipality,
            kind="idea",
            title=f"Plan met {count}",
            body="Goed plan.",
            neighbourhood=hoods[0],
        )
        initiatives.initiative_status_change(initiative=item, actor=moderator, to_status="published", reason="Ok.")
        for supporter in north[:count]:
            initiatives.initiative_support(initiative=item, resident=supporter)
        made[count] = item
    processes.placement_create(process=process, actor=lead, kind="initiative", object_id=made[2].pk, title="Idee")

    # A budget counted with equal shares: 34 voters, each a share of 1,000. 28 fund the Overkapping first
    # (893 each); the Bloembakken then has 9 votes: 6 voters pay an equal share and 3 of the 28 pay what
    # they had left. "6 stemmers betaalden elk" next to "9 stemmen" would give the 3 away.
    budget = budgets.budget_create(
        process=process,
        actor=lead,
        title="Buurtbudget",
        total_amount=Decimal("34000"),
        active_phases=[first],
        completion="none",
        fill_up=False,
    )
    shared = budgets.project_propose(budget=budget, resident=north[0], title="Bloembakken", description="Kleur.")
    big = budgets.project_propose(budget=budget, resident=north[0], title="Overkapping", description="Droog.")
    rack = budgets.project_propose(budget=budget, resident=north[0], title="Fietsenrek", description="Stalling.")
    for project, cost in ((shared, "6000"), (big, "25000"), (rack, "9000")):
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    for status in (Budget.Status.REVIEW, Budget.Status.VOTING):
        budgets.budget_set_status(budget=budget, actor=lead, to_status=status)
    for i, person in enumerate(north + south + westerners):
        choice = [shared.pk] if i < 6 else [shared.pk, big.pk] if i < 9 else [big.pk] if i < 32 else [big.pk, rack.pk]
        budgets.ballot_cast(budget=budget, resident=person, projects=choice)
    budgets.budget_set_status(budget=budget, actor=lead, to_status=Budget.Status.COUNTING)
    budgets.budget_count(budget=budget, actor=lead)
    budgets.budget_publish_result(budget=budget, actor=lead)

    # A budget split per wijk: 6 voters in Zuid, 3 in West.
    district_budget = budgets.budget_create(
        process=process,
        actor=lead,
        title="Wijkbudget",
        total_amount=Decimal("20000"),
        active_phases=[first],
        district_amounts={zuid: Decimal("10000"), west: Decimal("10000")},
    )
    own = {}
    for person in (south[0], westerners[0]):
        project = budgets.project_propose(budget=district_budget, resident=person, title="Bank", description="Zit.")
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal("1000"))
        own[person.pk] = project
    for status in (Budget.Status.REVIEW, Budget.Status.VOTING):
        budgets.budget_set_status(budget=district_budget, actor=lead, to_status=status)
    for group in (south, westerners):
        for person in group:
            budgets.ballot_cast(budget=district_budget, resident=person, projects=[own[group[0].pk].pk])
    report = council.report_send(report=council.report_generate(process=process, actor=lead), actor=lead)
    return Town(
        municipality=municipality,
        lead=lead,
        moderator=moderator,
        process=process,
        dialogue=dialogue,
        lonely_statement=lonely,
        initiatives=made,
        budget=budget,
        shared_project=shared,
        district_budget=district_budget,
        sizes=sizes,
        report=report,
    )


@pytest.fixture(scope="module")
def town(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(**BUILD_SETTINGS), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def web(db):
    return Client(HTTP_HOST=HOST)


def page(web, url: str) -> str:
    response = web.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def api(web, url: str) -> dict:
    response = web.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return response.json()


def opendata(web, key: str) -> list[dict]:
    response = web.get(f"/open-data/{key}.csv")
    assert response.status_code == 200, key
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def number(text: str) -> int:
    return int(text.replace(".", "").replace("\xa0", ""))


# --- finding 1: a total minus its shown parts ----------------------------------------------------------------


def _payment_groups(explanation: str) -> list[int]:
    """The exact group sizes in "6 stemmers betaalden elk ..." ("minder dan 5 stemmers" is no size)."""
    return [number(n) for n in re.findall(r"(?<!dan )\b(\d[\d.]*) stemmers betaalden", explanation)]


def test_the_budget_explanation_does_not_give_a_payment_group_away_by_subtraction(town, web):
    result = api(web, f"/api/v1/budgets/{town.budget.pk}")["result"]
    rows = {p["id"]: p for p in result["projects"]}
    shared = rows[town.shared_project.pk]
    assert shared["votes"]["value"] == 9  # the project itself is public
    assert "betaalden" in shared["explanation"], shared  # funded with equal shares, explained
    for row in rows.values():
        votes = row["votes"]["value"]
        groups = _payment_groups(row["explanation"])
        if votes is not None and groups:
            assert votes - sum(groups) not in SMALL, row["explanation"]
        if votes is None:  # what its voters had left, or its place in the order, is about them
            assert "samen nog" not in row["explanation"] and "Plaats" not in row["explanation"], row
    assert any(row["votes"]["value"] is None for row in rows.values())  # the Fietsenrek, 2 votes
    text = page(web, f"/buurtbudget/{town.budget.pk}/uitslag")
    assert "6 stemmers betaalden" not in text
    for row in opendata(web, "buurtbudget-uitslagen"):
        if row["project"] == "Bloembakken":
            assert row["aantal_stemmen"] == "9"
            assert "6 stemmers" not in row["toelichting"]


def test_the_dialogue_total_is_held_back_when_a_small_wijk_is_left_out(town, web):
    detail = api(web, f"/api/v1/dialogues/{town.dialogue.pk}")
    shown = {d["district"]: d["participants"] for d in detail["results"]["districts"]}
    assert "Kleindam West" not in str(shown)  # the wijk of 3 itself is not shown
    total = detail["participation"]["participants"]
    assert total["value"] is None or total["value"] - sum(shown.values()) not in SMALL
    assert total["display"].startswith("meer dan")
    text = page(web, f"/dialogen/{town.dialogue.pk}/resultaten")
    assert "Deelnemers: 21" not in text and "Deelnemers: meer dan 18" in text
    assert "Deelnemers: 21" not in page(web, f"/dialogen/{town.dialogue.pk}")


def test_the_process_total_is_not_the_sum_of_shown_components(town, web):
    detail = api(web, f"/api/v1/processes/{town.process.slug}")
    parts = [c["participants"]["value"] or 0 for c in detail["components"]]
    assert any(c["participants"]["value"] is None for c in detail["components"])  # the component with 2
    total = detail["participation"]["participants"]
    assert total["value"] is None or total["value"] - sum(parts) not in SMALL
    report = council.report_generate(process=town.process, actor=town.lead).content["participation"]
    figure = report["participants"]
    shown_parts = _component_participants(report)
    assert len(shown_parts) == 4 and 0 in shown_parts  # dialogue, initiative (2 people), two budgets
    assert figure["value"] is None or figure["value"] - sum(shown_parts) not in SMALL


def _component_participants(participation: dict) -> list[int]:
    """The participants of each component of a council report, as shown (0 where hidden)."""
    return [f["value"] or 0 for c in participation["components"] for f in c["figures"] if f["key"] == "participants"]


def test_the_public_council_report_holds_the_process_total_back(town, web):
    response = web.get(f"/raad/openbaar/{town.report.pk}.json")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content = json.loads(body)
    participation = content["participation"]
    parts = _component_participants(participation)
    assert len(parts) == 4 and 0 in parts
    total = participation["participants"]
    assert total["value"] is None or total["value"] - sum(parts) not in SMALL
    text = page(web, f"/raad/openbaar/{town.report.pk}")
    assert "Deelnemers aan onderdelen: 23" not in text


# --- finding 1: order and the list card ----------------------------------------------------------------------


def _neutral(town, ids):
    """Newest first: the order hidden counts must keep, whatever their support."""
    published = {item.pk: item.published_at for item in town.initiatives.values()}
    return sorted(ids, key=lambda pk: (published[pk], pk), reverse=True)


@pytest.mark.parametrize("page_size", [1, 2, 3, 20])
def test_sorting_by_support_does_not_rank_the_hidden_counts(town, web, page_size):
    ids, url = [], f"/api/v1/initiatives?sort=-supporters&pageSize={page_size}"
    while url:
        body = api(web, url)
        ids += [item["id"] for item in body["results"]]
        url = body.get("next")
        if url:
            url = url.split(HOST, 1)[-1]
    hidden = [pk for pk in ids if pk != town.initiatives[7].pk]
    assert ids[0] == town.initiatives[7].pk
    assert hidden == _neutral(town, hidden)


def test_the_list_page_sorted_by_support_does_not_rank_the_hidden_counts(town, web):
    text = page(web, "/initiatieven/?sort=supported")
    positions = [text.index(f"Plan met {n}") for n in (7, 4, 3, 2, 1, 0)]
    hidden = sorted((text.index(item.public_title), item.pk) for n, item in town.initiatives.items() if n != 7)
    assert positions[0] == min(positions)
    assert [pk for _, pk in hidden] == _neutral(town, [pk for _, pk in hidden])


def test_the_list_card_shows_no_small_support_count(town, web):
    text = page(web, "/initiatieven/")
    for n in SMALL:
        assert f"{n} steunbetuiging" not in text
    assert "minder dan 5 steunbetuigingen" in text
    assert "7 steunbetuigingen" in text


def test_the_open_data_has_no_small_support_count(town, web):
    for row in opendata(web, "initiatieven"):
        assert row["aantal_steunbetuigingen"] in ("", "7"), row


# --- finding 2: common ground from one vote ------------------------------------------------------------------


def test_a_statement_with_one_vote_is_no_common_ground(town, web):
    text = town.lonely_statement.public_text
    results = api(web, f"/api/v1/dialogues/{town.dialogue.pk}")["results"]
    listed = [s["text"] for d in ("agree", "disagree") for s in results["consensus"][d]]
    listed += [s["text"] for s in results["divisive"]]
    listed += [s["text"] for g in results["groups"] for s in g["statements"]]
    assert text not in listed
    html = web.get(f"/dialogen/{town.dialogue.pk}/resultaten").content.decode()
    assert text not in html
    assert "Waar (bijna) iedereen het over eens is" in html or "eens" in html  # the page itself still works


def test_the_opinion_map_does_not_draw_a_small_group_dot_by_dot(town, web):
    html = web.get(f"/dialogen/{town.dialogue.pk}/resultaten").content.decode()
    dots = re.findall(r'<circle [^>]*fill="(#[0-9a-f]{6})"', html)
    assert dots  # the map is drawn
    per_colour = {colour: dots.count(colour) for colour in set(dots)}
    assert all(n >= 5 for n in per_colour.values()), per_colour
    groups = api(web, f"/api/v1/dialogues/{town.dialogue.pk}")["results"]["groups"]
    shown = sum(g["size"]["value"] or 0 for g in groups)
    assert len(dots) == shown  # the dots add up to the groups shown, never to a hidden one


# --- finding 14: exports -------------------------------------------------------------------------------------


def test_the_dialogue_export_has_vote_times_to_the_day_only(town, web):
    staff_login(web, town.lead, host=HOST)
    response = web.get(f"/dialogen/{town.dialogue.pk}/export.zip")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        name = next(n for n in archive.namelist() if n.endswith("votes.csv") and "participants" not in n)
        rows = list(csv.DictReader(io.StringIO(archive.read(name).decode())))
        comments = list(csv.DictReader(io.StringIO(archive.read(name.replace("votes", "comments")).decode())))
    assert rows
    for row in rows:
        assert int(row["timestamp"]) % 86_400_000 == 0, row
        assert "00:00:00" in row["datetime"], row
    for row in comments:
        assert int(row["timestamp"]) % 86_400_000 == 0, row


def test_the_budget_export_drops_the_wijk_of_a_small_group_of_voters(town, tmp_path):
    path = tmp_path / "wijkbudget.pb"
    budget_export_pb(budget=town.district_budget, path=path)
    text = path.read_text()
    votes = text.split("VOTES", 1)[1]
    assert "WK004202" in votes or "Kleindam Zuid" in votes  # the wijk of 6 is kept
    assert "WK004203" not in votes and "Kleindam West" not in votes  # the wijk of 3 is not


# --- the module's own promise, checked from outside ----------------------------------------------------------


def test_no_public_figure_in_the_api_is_below_five(town, web):
    def walk(value):
        if isinstance(value, dict):
            if set(value) == {"value", "display"}:
                assert value["value"] is None or value["value"] >= 5, value
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for url in (
        f"/api/v1/budgets/{town.budget.pk}",
        f"/api/v1/budgets/{town.district_budget.pk}",
        f"/api/v1/dialogues/{town.dialogue.pk}",
        f"/api/v1/processes/{town.process.slug}",
        "/api/v1/initiatives?pageSize=100",
        "/api/v1/dialogues",
        "/api/v1/budgets",
        "/api/v1/processes",
        f"/api/v1/council-reports/{town.report.pk}",
    ):
        walk(api(web, url))
