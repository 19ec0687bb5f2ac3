"""Fixtures for sensing in the platform: two wijken with buurten and postcodes, and a themed history."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from zwerm.places.selectors import district_list, neighbourhood_list
from zwerm.places.services import places_import_csv
from zwerm.sensing.engine.synthetic import synthetic_rows
from zwerm.sensing.services import refresh_run, text_ingest

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
