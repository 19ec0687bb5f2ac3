import datetime

import pytest
from django.utils import timezone

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.council import services
from zwerm.council.models import Frame

from .builders import make_full_record, make_process


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def member(make_staff):
    return make_staff(Role.COUNCIL_MEMBER)


@pytest.fixture
def specialist(make_staff):
    return make_staff(Role.SPECIALIST)


@pytest.fixture
def process(municipality, lead):
    return make_process(municipality, lead)


@pytest.fixture
def full_process(process, lead, specialist, municipality, neighbourhood):
    resident = make_resident(municipality, neighbourhood, name="Rianne Resident")
    make_full_record(process, lead=lead, specialist=specialist, resident=resident)
    return process


@pytest.fixture
def set_frame(member):
    """set_frame(process, kind=..., **fields) -> a frame set by the council member through the service."""

    def make(process, kind=Frame.Kind.BUDGET, **fields):
        defaults = {
            "description": "Budget voor het traject.",
            "set_by": Frame.SetBy.COUNCIL,
            "source_reference": "Raadsbesluit 2026-14",
            "source_date": timezone.localdate() - datetime.timedelta(days=30),
        }
        if kind == Frame.Kind.BUDGET:
            defaults["budget"] = "10000"
        if kind == Frame.Kind.DEADLINE:
            defaults["deadline"] = timezone.localdate() + datetime.timedelta(days=60)
        return services.frame_set(process=process, actor=member, kind=kind, **{**defaults, **fields})

    return make
