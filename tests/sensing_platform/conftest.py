"""Fixtures for sensing in the platform: two wijken with buurten and postcodes, and a themed history."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident
from zwerm.accounts.roles import Role
from zwerm.places.selectors import district_list, neighbourhood_list
from zwerm.places.services import places_import_csv
from zwerm.processes import services as processes
from zwerm.sensing.engine.synthetic import synthetic_rows
from zwerm.sensing.services import refresh_run, text_ingest, text_ingest_source

PLACES = """wijkcode;wijknaam;buurtcode;buurtnaam;postcodes
WK000101;Noord;BU00010101;Buurt 1;1011AA
WK000101;Noord;BU00010102;Buurt 2;1011AB
WK000102;Zuid;BU00010201;Zeeheldenbuurt;1012AA 1012AB
WK000102;Zuid;BU00010202;Oude Haven;1012BA
"""


@pytest.fixture
def places(municipality):
    report = places_import_csv(municipality=municipality, text=PLACES)
    assert not report.errors, report.errors
    return list(neighbourhood_list(municipality=municipality))


@pytest.fixture
def districts(places, municipality):
    return {d.code: d for d in district_list(municipality=municipality)}


def ingest_synthetic(municipality, hoods, *, n=150, seed=0, weeks=10, start=None, prefix="s", spike=None):
    """Synthetic reports (known themes) spread over `hoods`, as imported history would be."""
    start = start or datetime.now() - timedelta(weeks=weeks)
    data = synthetic_rows(n, seed=seed, start=start, weeks=weeks, spike=spike)
    for i, (row, truth) in enumerate(zip(data.rows, data.themes, strict=True)):
        text_ingest(
            municipality=municipality,
            channel="report",
            source_id=f"{prefix}{i}",
            text=row.text,
            occurred_at=timezone.make_aware(row.time),
            neighbourhood=hoods[i % len(hoods)],
            label=truth,
        )
    return data


@pytest.fixture
def themed(municipality, places):
    """150 synthetic reports and one refresh: themes exist."""
    ingest_synthetic(municipality, places)
    run = refresh_run(municipality=municipality)
    assert run.status == "done" and run.themes > 0, run.message
    return run


@pytest.fixture
def open_survey(municipality, make_staff):
    """A running process with an open survey of two open questions (`.process`, `.lead` set on it)."""
    lead = make_staff(Role.PROCESS_LEAD)
    process = processes.process_create(
        actor=lead,
        municipality=municipality,
        title="Het park",
        question="Hoe maken we het park beter?",
        description="Samen met de buurt.",
    )
    processes.phase_add(process=process, actor=lead, title="Ophalen", reason="We beginnen met luisteren.")
    process = processes.process_open(process=process, actor=lead)
    survey = processes.survey_create(
        process=process,
        actor=lead,
        title="Het park",
        questions=["Wat mist er in het park?", "Wat wil je nog kwijt?"],
        active_phases=list(process.phases.all()),
    )
    survey.lead, survey.process = lead, process  # for the tests' convenience
    return survey


def waste_text(person: int, text: int) -> str:
    """A text about overflowing containers (the synthetic history's waste theme), different each time."""
    return f"De container bij huis {person}{text} puilt uit en het afval wordt niet opgehaald, al dag {text}."


@pytest.fixture
def residents_write(municipality, django_capture_on_commit_callbacks):
    """residents_write(hood, people, texts) -> the residents: `people` new residents of `hood` write `texts`
    initiatives about waste between them (round robin), each reaching sensing after commit."""

    def write(hood, people: int, texts: int):
        residents = [make_resident(municipality, hood) for _ in range(people)]
        with django_capture_on_commit_callbacks(execute=True):
            for i in range(texts):
                make_initiative(
                    municipality, residents[i % people], hood, title="Afval", body=waste_text(i % people, i)
                )
        return residents

    return write


def residents_write_now(municipality, hood, *, people: int, texts: int):
    """As `residents_write`, for builders without the on-commit fixture: the background task is run at once."""
    residents = [make_resident(municipality, hood) for _ in range(people)]
    for i in range(texts):
        initiative = make_initiative(
            municipality, residents[i % people], hood, title="Afval", body=waste_text(i % people, i)
        )
        text_ingest_source.call("initiative", initiative.pk, municipality.pk)
    return residents
