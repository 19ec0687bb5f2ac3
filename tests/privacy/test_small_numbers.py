"""Public figures about persons are never below 5: a sweep over the public pages with aggregates, each with
a small group (3 persons). What counts as a figure about persons is decided in docs/privacy.md."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from zwerm.budgets import services as budgets
from zwerm.council.services import report_generate
from zwerm.dialogues import services as dialogues
from zwerm.processes import services as processes

from ..foundation.builders import make_resident
from .conftest import get

SMALL = 3
# A small number next to a word for people (or their answers and votes) gives a group away.
PERSON_WORDS = (
    r"deelnemers?|stemmers?|inwoners?|mensen|personen|volgers?|antwoorden|respondenten|stembiljetten|stemmen|"
    r"participants?|voters?|people|followers?|responses|ballots|votes"
)
SMALL_FIGURE = re.compile(rf"(?<![\d.,])[1-4]\s+(?:{PERSON_WORDS})\b", re.IGNORECASE)


def public(url: str) -> str:
    response = get(Client(), url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_no_small_figures(page: str, url: str) -> None:
    text = re.sub(r"<[^>]+>", " ", page)
    text = re.sub(r"\s+", " ", text)
    found = SMALL_FIGURE.findall(text)
    assert not found, (url, found)
    assert f">{SMALL}<" not in page.replace(" ", ""), url  # a bare figure in a table cell or badge


@pytest.fixture
def small_group(world, municipality, neighbourhood):
    """Three residents (Anna, Bram and one more) in every component of the process."""
    people = [world.anna, world.bram, make_resident(municipality, neighbourhood)]
    third = people[2]
    participant = dialogues.participant_for(dialogue=world.dialogue, user=third)
    for statement in world.dialogue.statements.all():
        dialogues.vote_cast(participant=participant, statement=statement, value=-1)
    dialogues.dialogue_analyse(dialogue=world.dialogue)
    processes.survey_respond(survey=world.survey, resident=third, answers=["Bomen"])
    processes.process_follow(process=world.process, user=third)
    budgets.project_review(project=world.project, actor=world.lead, feasibility="feasible", cost=Decimal("1000"))
    budgets.budget_set_status(budget=world.budget, actor=world.lead, to_status="review")
    budgets.budget_set_status(budget=world.budget, actor=world.lead, to_status="voting")
    for person in people:
        budgets.ballot_cast(budget=world.budget, resident=person, projects=[world.project.pk])
    budgets.budget_set_status(budget=world.budget, actor=world.lead, to_status="counting")
    budgets.budget_count(budget=world.budget, actor=world.lead)
    budgets.budget_publish_result(budget=world.budget, actor=world.lead)
    return people


def test_public_aggregate_pages_hide_small_groups(world, small_group):
    urls = [
        f"/dialogen/{world.dialogue.pk}",
        f"/dialogen/{world.dialogue.pk}/resultaten",
        f"/trajecten/{world.process.slug}",
        f"/trajecten/{world.process.slug}/vragenlijst/{world.survey.pk}",
        f"/buurtbudget/{world.budget.pk}",
        f"/buurtbudget/{world.budget.pk}/uitslag",
        "/signalen/",
        "/trajecten/",
        "/dialogen/",
        "/buurtbudget/",
    ]
    for url in urls:
        assert_no_small_figures(public(url), url)


def test_the_council_report_hides_small_groups(world, small_group):
    report = report_generate(process=world.process, actor=world.lead)
    participation = report.content["participation"]
    for key, figure in participation.items():
        if isinstance(figure, dict) and "value" in figure:
            assert figure["value"] is None or figure["value"] >= 5, key
    text = str(report.content)
    assert not SMALL_FIGURE.findall(text)


def test_the_sweep_would_catch_a_small_figure():
    assert SMALL_FIGURE.findall("Er deden 3 deelnemers mee")
    assert not SMALL_FIGURE.findall("Er deden minder dan 5 deelnemers mee")
    assert not SMALL_FIGURE.findall("12 deelnemers, 2025 stemmen")
