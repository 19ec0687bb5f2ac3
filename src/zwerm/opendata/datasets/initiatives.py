"""Published initiatives: the public, masked text, where, how far along, and how much support."""

from __future__ import annotations

import hashlib

from django.db.models import Count, F, Max, Sum
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.initiatives.selectors import InitiativeFilters, initiative_list

from .base import (
    DATE,
    GEOMETRY,
    INTEGER,
    TEXT,
    THEME_GOVERNMENT,
    THEME_SOCIETY,
    URL,
    Column,
    Context,
    Dataset,
    iso_date,
    newest,
    public_count,
)

COLUMNS = (
    Column("id", INTEGER, _("Vast nummer van het initiatief.")),
    Column("url", URL, _("De pagina van het initiatief op dit platform.")),
    Column("soort", TEXT, _("initiative, idea of concern.")),
    Column("soort_omschrijving", TEXT, _("De soort in het Nederlands: initiatief, idee of zorg.")),
    Column("titel", TEXT, _("De titel, met persoonsgegevens onleesbaar gemaakt.")),
    Column("beschrijving", TEXT, _("De beschrijving, met persoonsgegevens onleesbaar gemaakt.")),
    Column("plek", TEXT, _("De plek in eigen woorden, met persoonsgegevens onleesbaar gemaakt; kan leeg zijn.")),
    Column("status", TEXT, _("published, in_progress, realised, not_realised of withdrawn.")),
    Column("status_omschrijving", TEXT, _("De status in het Nederlands.")),
    Column("wijkcode", TEXT, _("CBS-code van de wijk (WKxxxxxx).")),
    Column("wijknaam", TEXT, _("Naam van de wijk.")),
    Column("buurtcode", TEXT, _("CBS-code van de buurt (BUxxxxxxxx).")),
    Column("buurtnaam", TEXT, _("Naam van de buurt.")),
    Column(
        "aantal_steunbetuigingen",
        INTEGER,
        _("Aantal inwoners dat het initiatief steunt; leeg bij minder dan 5."),
    ),
    Column("aantal_reacties", INTEGER, _("Aantal reacties; leeg bij minder dan 5.")),
    Column("ingediend_op", DATE, _("Datum waarop het initiatief is ingediend.")),
    Column("gepubliceerd_op", DATE, _("Datum waarop het initiatief openbaar werd.")),
    Column("laatst_gewijzigd", DATE, _("Datum van de laatste wijziging van tekst of status.")),
)


def _public(municipality: Municipality):
    return initiative_list(municipality=municipality, filters=InitiativeFilters())


def rows(context: Context):
    for item in _public(context.municipality).iterator(chunk_size=500):
        hood = item.neighbourhood
        yield {
            "id": item.pk,
            "url": context.url(item.get_absolute_url()),
            "soort": item.kind,
            "soort_omschrijving": str(item.get_kind_display()),
            "titel": item.shown_title,
            "beschrijving": item.shown_body,
            "plek": item.public_location,
            "status": item.status,
            "status_omschrijving": str(item.get_status_display()),
            "wijkcode": hood.district.code,
            "wijknaam": hood.district.name,
            "buurtcode": hood.code,
            "buurtnaam": hood.name,
            "aantal_steunbetuigingen": public_count(item.support_count),
            "aantal_reacties": public_count(item.comment_count),
            "ingediend_op": iso_date(item.created_at),
            "gepubliceerd_op": iso_date(item.published_at),
            "laatst_gewijzigd": iso_date(item.updated_at),
            GEOMETRY: item.public_point.as_geojson() if item.public_point else None,
        }


def _figures(municipality: Municipality) -> dict:
    # Weighting by pk makes a change in any one initiative change the sum: its counters, and its public
    # text's length (text can change without updated_at, e.g. when an author's account is erased).
    return _public(municipality).aggregate(
        n=Count("pk"),
        pks=Sum("pk"),
        changed=Max("updated_at"),
        published=Max("published_at"),
        supports=Sum(F("support_count") * F("pk")),
        comments=Sum(F("comment_count") * F("pk")),
        text=Sum((Length("public_title") + Length("public_body") + Length("public_location")) * F("pk")),
    )


def modified(municipality: Municipality):
    figures = _figures(municipality)
    return newest(figures["changed"], figures["published"])


def fingerprint(municipality: Municipality) -> str:
    figures = _figures(municipality)
    return hashlib.sha256(repr(sorted(figures.items())).encode()).hexdigest()


DATASET = Dataset(
    key="initiatieven",
    title=_("Initiatieven, ideeën en zorgen"),
    description=_(
        "Alle openbare initiatieven, ideeën en zorgen van inwoners: de tekst zoals iedereen die op het platform "
        "ziet (telefoonnummers, e-mailadressen en andere persoonsgegevens onleesbaar gemaakt), de wijk en buurt, "
        "de status en het aantal steunbetuigingen. Zonder namen van indieners."
    ),
    columns=COLUMNS,
    rows=rows,
    modified=modified,
    fingerprint=fingerprint,
    themes=(THEME_SOCIETY, THEME_GOVERNMENT),
    keywords=("participatie", "initiatieven", "inwoners"),
    has_points=True,
)
