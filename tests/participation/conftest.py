"""Fixtures for participation: a verordening, a running process with a survey, people in their roles."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client

from tests.foundation.builders import staff_login
from tests.processes.conftest import *  # noqa: F401,F403  (fixtures)
from zwerm.participation import services
from zwerm.processes import services as processes

HOST = "testdam.localhost"

RULES = [
    services.RuleInput(name="Ruimtelijke plannen", minimum_level="advise", phases=("preparation", "execution")),
    services.RuleInput(name="Buurtbudget", minimum_level="codecide", phases=("preparation",)),
]
DEADLINES = services.Deadlines(
    response_days=21,
    challenge_receipt_days=5,
    challenge_complete_days=28,
    challenge_decision_days=84,
    evaluation_days=90,
)


def record_bylaw(municipality, admin, **overrides):
    fields = {
        "title": "Participatieverordening Testdam",
        "text": "Artikel 1. Inwoners doen mee.",
        "valid_from": datetime.date(2027, 1, 1),
        "weighing": "Alle inbreng wordt gewogen; het besluit zegt wat ermee is gedaan.",
        "challenge_criteria": "Het plan is haalbaar, de buurt is betrokken en het kost niet meer.",
        "deadlines": DEADLINES,
        "rules": RULES,
    }
    fields.update(overrides)
    return services.bylaw_record(municipality=municipality, actor=admin, **fields)


@pytest.fixture
def bylaw(municipality, admin):
    return record_bylaw(municipality, admin)


@pytest.fixture
def survey_placement(process, lead):
    survey = processes.survey_create(process=process, actor=lead, title="Wat vind jij?", questions=["Wat mist er?"])
    return process.placements.get(kind="survey", object_id=survey.pk)


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


@pytest.fixture
def lead_client(lead):
    return staff_login(Client(), lead)


@pytest.fixture
def admin_client(admin):
    return staff_login(Client(), admin)


def submit_challenge(municipality, resident, **overrides):
    fields = {
        "task": "Onderhoud van het Wilgenpark",
        "plan": "Wij maaien, snoeien en houden het park schoon, met vrijwilligers uit de buurt.",
        "involvement": "Maandelijkse werkochtenden en een buurtapp.",
        "cost": Decimal("8000"),
        "municipality_cost": Decimal("12500"),
        "challenger_kind": "group",
        "challenger_name": "Buurtgroep Wilgenpark",
        "contacts": [services.ContactInput(name="Sanne de Boer", email="sanne@example.org", phone="0612345678")],
    }
    fields.update(overrides)
    return services.challenge_submit(municipality=municipality, resident=resident, **fields)


@pytest.fixture
def challenge(municipality, resident, bylaw):
    return submit_challenge(municipality, resident)
