"""Participation processes (trajecten) and their phases: what is asked, where it stands, and when."""

from __future__ import annotations

from itertools import groupby

from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.processes.selectors import phase_current, phase_list_public, process_list

from .base import (
    BOOLEAN,
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
    staff_text,
)

PROCESS_COLUMNS = (
    Column("id", INTEGER, _("Vast nummer van het traject.")),
    Column("url", URL, _("De pagina van het traject op dit platform.")),
    Column("titel", TEXT, _("De titel van het traject.")),
    Column("vraag", TEXT, _("De vraag die het traject wil beantwoorden.")),
    Column("beschrijving", TEXT, _("De beschrijving; persoonsgegevens onleesbaar gemaakt.")),
    Column("status", TEXT, _("active (loopt) of closed (afgerond).")),
    Column("status_omschrijving", TEXT, _("De status in het Nederlands.")),
    Column("wijkcode", TEXT, _("CBS-code van de wijk waar het traject over gaat; leeg: de hele gemeente.")),
    Column("wijknaam", TEXT, _("Naam van die wijk.")),
    Column("huidige_fase", TEXT, _("De eerste fase die nog niet is afgesloten; leeg als alle fasen klaar zijn.")),
    Column("aantal_fasen", INTEGER, _("Aantal fasen.")),
    Column("aantal_volgers", INTEGER, _("Aantal volgers; leeg bij minder dan 5.")),
    Column("aangemaakt_op", DATE, _("Datum waarop het traject is aangemaakt.")),
    Column("afgerond_op", DATE, _("Datum waarop het traject is afgerond; leeg zolang het loopt.")),
    Column("laatst_gewijzigd", DATE, _("Datum van de laatste wijziging aan het traject of zijn fasen.")),
)

PHASE_COLUMNS = (
    Column("traject_id", INTEGER, _("Nummer van het traject (kolom id in trajecten).")),
    Column("traject_titel", TEXT, _("Titel van het traject.")),
    Column("volgorde", INTEGER, _("Plaats van de fase in het traject, vanaf 1.")),
    Column("naam", TEXT, _("Naam van de fase.")),
    Column("beschrijving", TEXT, _("Beschrijving; persoonsgegevens onleesbaar gemaakt.")),
    Column("begint_op", DATE, _("Geplande begindatum; kan leeg zijn.")),
    Column("eindigt_op", DATE, _("Geplande einddatum; kan leeg zijn.")),
    Column("afgesloten_op", DATE, _("Datum waarop de fase is afgesloten; leeg als de fase nog open is.")),
    Column("is_huidige_fase", BOOLEAN, _("true voor de fase waarin het traject nu is.")),
    Column("laatst_gewijzigd", DATE, _("Datum van de laatste wijziging aan de fase.")),
)


def _phases_by_process(municipality: Municipality) -> dict[int, list]:
    phases = phase_list_public(municipality=municipality)
    return {pk: list(group) for pk, group in groupby(phases, key=lambda p: p.process_id)}


def process_rows(context: Context):
    phases = _phases_by_process(context.municipality)
    for process in process_list(municipality=context.municipality).order_by("created_at", "pk"):
        own = phases.get(process.pk, [])
        current = phase_current(phases=own)
        district = process.district
        yield {
            "id": process.pk,
            "url": context.url(process.get_absolute_url()),
            "titel": staff_text(process.title),
            "vraag": staff_text(process.question),
            "beschrijving": staff_text(process.description),
            "status": process.status,
            "status_omschrijving": str(process.get_status_display()),
            "wijkcode": district.code if district else None,
            "wijknaam": district.name if district else None,
            "huidige_fase": staff_text(current.title) if current else None,
            "aantal_fasen": len(own),
            "aantal_volgers": public_count(process.follower_count),
            "aangemaakt_op": iso_date(process.created_at),
            "afgerond_op": iso_date(process.closed_at),
            "laatst_gewijzigd": iso_date(_process_modified(process, own)),
            GEOMETRY: process.public_point.as_geojson() if process.public_point else None,
        }


def _process_modified(process, phases):
    return newest(process.created_at, process.closed_at, *(p.last_change for p in phases))


def phase_rows(context: Context):
    for _pk, group in _phases_by_process(context.municipality).items():
        current = phase_current(phases=group)
        for position, phase in enumerate(group, start=1):
            yield {
                "traject_id": phase.process_id,
                "traject_titel": staff_text(phase.process.title),
                "volgorde": position,
                "naam": staff_text(phase.title),
                "beschrijving": staff_text(phase.description),
                "begint_op": iso_date(phase.starts_on),
                "eindigt_op": iso_date(phase.ends_on),
                "afgesloten_op": iso_date(phase.closed_at),
                "is_huidige_fase": current is not None and phase.pk == current.pk,
                "laatst_gewijzigd": iso_date(newest(phase.last_change, phase.closed_at)),
            }


def processes_modified(municipality: Municipality):
    phases = _phases_by_process(municipality)
    return newest(*(_process_modified(p, phases.get(p.pk, [])) for p in process_list(municipality=municipality)))


def phases_modified(municipality: Municipality):
    return newest(*(newest(p.last_change, p.closed_at) for p in phase_list_public(municipality=municipality)))


PROCESSES = Dataset(
    key="trajecten",
    title=_("Participatietrajecten"),
    description=_(
        "De participatietrajecten van de gemeente die openbaar zijn: titel, vraag, beschrijving, status, "
        "de fase waarin ze zijn en de belangrijkste data. Trajecten in voorbereiding staan er niet in."
    ),
    columns=PROCESS_COLUMNS,
    rows=process_rows,
    modified=processes_modified,
    themes=(THEME_GOVERNMENT, THEME_SOCIETY),
    keywords=("participatie", "participatietraject"),
    has_points=True,
)

PHASES = Dataset(
    key="trajectfasen",
    title=_("Fasen van participatietrajecten"),
    description=_(
        "Per openbaar participatietraject de fasen in volgorde, met geplande data, wanneer ze zijn afgesloten "
        "en welke fase nu loopt."
    ),
    columns=PHASE_COLUMNS,
    rows=phase_rows,
    modified=phases_modified,
    themes=(THEME_GOVERNMENT,),
    keywords=("participatie", "participatietraject", "fasen"),
)
