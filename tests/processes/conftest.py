"""Fixtures for processes: people in their roles, the municipality's values and a running process."""

import datetime

import pytest
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.processes import services
from zwerm.values.services import value_create

VALUE_NAMES = ("Samen", "Duurzaam", "Eerlijk", "Open")


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.ADMIN)


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def other_lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def specialist(make_staff):
    return make_staff(Role.SPECIALIST)


@pytest.fixture
def council_member(make_staff):
    return make_staff(Role.COUNCIL_MEMBER)


@pytest.fixture
def values(municipality, admin):
    return [
        value_create(municipality=municipality, actor=admin, name=name, description=f"Wat {name.lower()} betekent.")
        for name in VALUE_NAMES
    ]


@pytest.fixture
def draft(municipality, lead):
    return services.process_create(
        actor=lead,
        municipality=municipality,
        title="Groen plein",
        question="Hoe maken we het plein groener?",
        description="Samen met de buurt zoeken we een plan.",
    )


@pytest.fixture
def process(draft, lead):
    """A running process with two phases: 'Ophalen' (current) and 'Kiezen'."""
    services.phase_add(process=draft, actor=lead, title="Ophalen", reason="We beginnen met luisteren.")
    services.phase_add(process=draft, actor=lead, title="Kiezen", reason="Daarna kiezen we samen.")
    return services.process_open(process=draft, actor=lead)


@pytest.fixture
def phases(process):
    return list(process.phases.order_by("position"))


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def advice_request(process, lead, specialist):
    return services.advice_request_create(
        process=process, actor=lead, specialist=specialist, question="Mag hier een boom?", deadline=tomorrow()
    )


@pytest.fixture
def advice(advice_request, specialist):
    return services.advice_give(
        request=advice_request, actor=specialist, text="Ja, met vergunning.", basis="APV artikel 4:11"
    )


def weighings_for(values, *, weighed=True):
    return [services.Weighing(value_id=v.pk, weighed=weighed, explanation=f"Zo woog {v.name} mee.") for v in values]


def record_decision(process, actor, values, **kwargs):
    defaults = {
        "decided_on": timezone.localdate(),
        "decided_by": "process_lead",
        "title": "We planten bomen",
        "reasons": "Meer schaduw en groen.",
        "weighings": weighings_for(values),
    }
    defaults.update(kwargs)
    return services.decision_record(process=process, actor=actor, **defaults)
