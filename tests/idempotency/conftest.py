"""Fixtures for the idempotency tests: people in their roles, a running process, a budget and a dialogue."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.dialogues.services import dialogue_create
from zwerm.places.selectors import district_list
from zwerm.processes import services as processes
from zwerm.values.services import value_create

HOST = "testdam.localhost"
KEY_INPUT = re.compile(r'<input type="hidden" name="idempotency_key" value="([0-9a-f-]{36})">')


def keys_on(response) -> list[str]:
    """The idempotency keys the page's forms carry, in page order."""
    assert response.status_code == 200, response.status_code
    return KEY_INPUT.findall(response.content.decode())


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def specialist(make_staff):
    return make_staff(Role.SPECIALIST)


@pytest.fixture
def council_member(make_staff):
    return make_staff(Role.COUNCIL_MEMBER)


def logged_in(user) -> Client:
    return staff_login(Client(), user, host=HOST)


@pytest.fixture
def process(municipality, lead):
    draft = processes.process_create(
        actor=lead,
        municipality=municipality,
        title="Groen plein",
        question="Hoe maken we het plein groener?",
        description="Samen met de buurt zoeken we een plan.",
    )
    processes.phase_add(process=draft, actor=lead, title="Ophalen", reason="We beginnen met luisteren.")
    return processes.process_open(process=draft, actor=lead)


@pytest.fixture
def values(municipality, make_staff):
    admin = make_staff(Role.ADMIN)
    return [value_create(municipality=municipality, actor=admin, name="Samen", description="Wat samen betekent.")]


@pytest.fixture
def advice_request(process, lead, specialist):
    return processes.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        question="Mag hier een boom?",
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )


@pytest.fixture
def budget(process, lead, municipality):
    return budgets.budget_create(
        process=process,
        actor=lead,
        title="Buurtbudget Noord",
        total_amount=Decimal("10000"),
        ballot_type="approval",
        district=district_list(municipality=municipality).first(),
    )


@pytest.fixture
def dialogue(municipality, lead):
    return dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het plein",
        question="Wat vind je van het plein?",
        moderation="after",
        seed_statements=["Er moeten meer bomen komen."],
    )
