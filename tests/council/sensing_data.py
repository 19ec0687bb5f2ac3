"""Sensing data for district-report tests, made through the real services: places, residents who write
initiatives, their texts in sensing (spread over the last weeks), and one refresh.

Sensing's public figures count people, not texts. Wijk Noord and wijk Zuid each get PEOPLE residents who
write two texts each; wijk Oost gets SMALL residents who write many texts between them, so every figure
about Oost is about fewer than 5 people even though it has more than 5 texts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import cycle

from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident
from zwerm.places.selectors import district_list, neighbourhood_list
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.sensing.engine.synthetic import synthetic_rows
from zwerm.sensing.services import refresh_run, text_ingest

WEEKS = 8
PEOPLE = 40  # residents per big wijk, two texts each
SMALL = 3  # residents of wijk Oost
SMALL_TEXTS = 9  # texts they write between them


@dataclass
class Wijken:
    noord: object
    zuid: object
    oost: object


def add_wijken(municipality) -> Wijken:
    """Zuid and Oost beside the municipality's own Noord (tests/foundation/builders.make_municipality)."""
    noord = district_list(municipality=municipality).get(code="WK000101")
    zuid = district_save(municipality=municipality, code="WK000102", name="Zuid")
    oost = district_save(municipality=municipality, code="WK000103", name="Oost")
    neighbourhood_save(municipality=municipality, district=zuid, code="BU00010201", name="Zeeheldenbuurt")
    neighbourhood_save(municipality=municipality, district=oost, code="BU00010301", name="Oosterhoek")
    return Wijken(noord=noord, zuid=zuid, oost=oost)


def _writers(municipality, hood, n: int):
    return cycle([make_resident(municipality, hood) for _ in range(n)])


def build_sensing(municipality, *, seed: int = 3, spike: int = 0, spike_by_reports: bool = False) -> Wijken:
    """The texts of the wijken (see the module docstring), then one refresh: themes, trends, alerts.
    With `spike`, that many more residents of Noord write about waste in the last full week; with
    `spike_by_reports`, those texts are imported meldingen without a known writer instead."""
    wijken = add_wijken(municipality)
    hoods = {h.district_id: h for h in neighbourhood_list(municipality=municipality)}
    noord, zuid, oost = (hoods[w.pk] for w in (wijken.noord, wijken.zuid, wijken.oost))
    writers = {noord: _writers(municipality, noord, PEOPLE), zuid: _writers(municipality, zuid, PEOPLE)}
    writers[oost] = _writers(municipality, oost, SMALL)
    big = 4 * PEOPLE
    extra = ("afval", "Noord", WEEKS - 1, spike) if spike else None
    # whole weeks that ended last Sunday: the spike lies in the newest week, the only one alerts test
    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
    start = today - timedelta(days=today.weekday(), weeks=WEEKS)
    data = synthetic_rows(SMALL_TEXTS + big, seed=seed, start=start, weeks=WEEKS, spike=extra)
    spikers = _writers(municipality, noord, spike) if spike else None
    for i, row in enumerate(data.rows):
        if i < SMALL_TEXTS:
            hood, author = oost, next(writers[oost])
        elif i < SMALL_TEXTS + big:
            hood = noord if i % 2 else zuid
            author = next(writers[hood])
        else:
            hood, author = noord, next(spikers)
            if spike_by_reports:
                text_ingest(
                    municipality=municipality,
                    channel="report",
                    source_id=f"melding:{i}",
                    text=row.text,
                    occurred_at=timezone.make_aware(row.time),
                    neighbourhood=hood,
                )
                continue
        initiative = make_initiative(municipality, author, hood, title="Melding uit de buurt")
        text_ingest(
            municipality=municipality,
            channel="initiative",
            source_id=str(initiative.pk),
            text=row.text,
            occurred_at=timezone.make_aware(row.time),
            neighbourhood=hood,
        )
    run = refresh_run(municipality=municipality)
    assert run.status == "done" and run.themes > 0, run.message
    return wijken
