"""What every open dataset is made of: columns, rows and the conventions shared by all of them."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.core.redaction import redact

# Vocabulary for DCAT: the EU data themes (dcat:theme) used by the datasets.
THEME_GOVERNMENT = "GOVE"  # government and public sector
THEME_SOCIETY = "SOCI"  # population and society
THEME_REGIONS = "REGI"  # regions and cities

# Kinds of column, as the page and the JSON's "kolommen" name them.
TEXT = _("tekst")
INTEGER = _("geheel getal")
DATE = _("datum")
BOOLEAN = _("ja/nee (true/false)")
URL = _("webadres")


@dataclass(frozen=True)
class Column:
    name: str  # Dutch snake_case, the same in CSV and JSON
    kind: str | Promise  # TEXT, INTEGER, DATE, BOOLEAN or URL
    description: str | Promise


@dataclass(frozen=True)
class Context:
    """What a dataset needs to build its rows: the municipality and the site's address for links."""

    municipality: Municipality
    base_url: str  # "https://testdam.example", no trailing slash

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"


@dataclass(frozen=True)
class Dataset:
    key: str  # used in the file name and URL: /open-data/<key>.csv
    title: str | Promise
    description: str | Promise
    columns: tuple[Column, ...]
    rows: Callable[[Context], Iterable[dict]]
    # The newest change we can see (dct:modified, "bijgewerkt op"); None when there is no data yet.
    modified: Callable[[Municipality], datetime.datetime | None]
    themes: tuple[str, ...] = (THEME_GOVERNMENT,)
    keywords: tuple[str, ...] = ()
    # A cheap summary that changes whenever the rows change (for the ETag). Without it the rows are
    # built once in memory and hashed, which is fine for the small datasets.
    fingerprint: Callable[[Municipality], str] | None = None
    spatial_districts: bool = False  # rows are per wijk (dct:spatial also lists the wijken)
    # Rows carry a place (key GEOMETRY: a GeoJSON Point, already rounded, or None): also offered as GeoJSON.
    has_points: bool = False

    @property
    def formats(self) -> tuple[str, ...]:
        return ("csv", "json", "geojson") if self.has_points else ("csv", "json")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


GEOMETRY = "_geometry"  # the row key of a place; never a column (CSV has no decimals, see formats.py)


def public_count(value: int | None) -> int | None:
    """A count of people as published: None (empty) below the disclosure threshold (5)."""
    return disclosure.people(value).value


def staff_text(value: str | None) -> str:
    """Free text written by staff, with personal data masked (as council reports do)."""
    return redact(value or "").text


def iso_date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return value.isoformat()


def iso_datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def newest(*values) -> datetime.datetime | None:
    """The latest of the given moments (dates count as midnight), ignoring None."""
    moments = []
    for value in values:
        if value is None:
            continue
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            value = timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
        moments.append(value)
    return max(moments) if moments else None
