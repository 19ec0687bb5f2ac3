"""What moves in the municipality: people writing about each theme, per wijk and month, as counts only.

Counts are of distinct people, counted the way every public sensing figure is (zwerm.sensing.people):
the author of an initiative or comment, the participant behind a statement, the resident who answered a
survey, each once; texts without a known person (imported or API reports) count together as one person
at most, and only where nobody known wrote, so they never make a figure reach 5 on their own. Only
counts of at least 5 people are in the file. The split over the wijken of one theme and month is
published only when every wijk with contributions of known people reaches 5: were only the small wijken
left out, their counts could be worked out by subtracting the other wijken from the total (see
`suppress`). A wijk with only reports of unknown people adds nobody to the total, so it gives nothing
away and is simply not listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list
from zwerm.sensing.selectors import Tally, text_facts, text_person_keys, theme_list

from .base import INTEGER, TEXT, THEME_REGIONS, THEME_SOCIETY, Column, Context, Dataset, newest

LEVEL_MUNICIPALITY = "gemeente"
LEVEL_DISTRICT = "wijk"

COLUMNS = (
    Column("periode", TEXT, _("De maand, als JJJJ-MM.")),
    Column(
        "thema_sleutel", TEXT, _("Vaste sleutel van het thema (T1, T2, ...); blijft gelijk zolang het thema bestaat.")
    ),
    Column("thema", TEXT, _("Naam van het thema, zoals op de pagina Wat speelt er.")),
    Column("niveau", TEXT, _("gemeente (de hele gemeente, ook bijdragen zonder wijk) of wijk.")),
    Column("gebiedscode", TEXT, _("CBS-code van de gemeente (GMxxxx) of van de wijk (WKxxxxxx).")),
    Column("gebiedsnaam", TEXT, _("Naam van de gemeente of de wijk.")),
    Column(
        "aantal_personen",
        INTEGER,
        _(
            "Aantal mensen dat in die maand over het thema schreef, altijd 5 of meer. Een thema, maand of wijk "
            "met minder dan 5 mensen staat er niet in; de wijken van een thema en maand staan er alleen in als "
            "elke wijk met bijdragen minstens 5 mensen telt."
        ),
    ),
)


@dataclass
class Cell:
    code: str  # district pk as text, or "" for the whole municipality
    count: int
    shown: bool = True


def suppress(total: Cell, districts: list[Cell]) -> None:
    """Show the total from the disclosure threshold (5) people on, and the wijken only all together: when one wijk with
    contributions has fewer than the disclosure threshold (5) people, every wijk of this theme and month is left out.

    Hiding just the small wijk is not enough: the total minus the shown wijken gives its count away,
    and hiding one more wijk still narrows it down (two hidden wijken of at most 4 that add up to 8
    are both 4). With all wijken left out, nothing about a single wijk can be worked out."""
    total.shown = disclosure.is_public(total.count)
    split = total.shown and all(disclosure.is_public(c.count) for c in districts)
    for cell in districts:
        cell.shown = split


def rows(context: Context):
    municipality = context.municipality
    facts = list(text_facts(municipality=municipality))
    people = text_person_keys(municipality=municipality, facts=facts)
    per_total: dict[tuple[int, str], Tally] = defaultdict(Tally)
    per_district: dict[tuple[int, str], dict[int | None, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for pk, _channel, _source, theme_id, district_id, occurred_at, _updated in facts:
        month = timezone.localtime(occurred_at).strftime("%Y-%m")
        per_total[(theme_id, month)].add(people.get(pk))
        per_district[(theme_id, month)][district_id].add(people.get(pk))
    themes = {t.pk: t for t in theme_list(municipality=municipality)}
    districts = {d.pk: d for d in district_list(municipality=municipality)}
    order = sorted(per_total, key=lambda k: (k[1], themes[k[0]].key if k[0] in themes else "", k[0]))
    for theme_id, month in order:
        theme = themes.get(theme_id)
        if theme is None:
            continue
        by_district = per_district[(theme_id, month)]
        total = Cell("", per_total[(theme_id, month)].people)
        cells = [
            Cell(str(pk), who.people)
            for pk, who in by_district.items()
            if pk is not None and pk in districts and who.known  # see the module docstring
        ]
        suppress(total, cells)
        if not total.shown:
            continue  # a missing row means: fewer than 5 people, or none
        base = {"periode": month, "thema_sleutel": theme.key, "thema": theme.label}
        yield {
            **base,
            "niveau": LEVEL_MUNICIPALITY,
            "gebiedscode": municipality.cbs_code,
            "gebiedsnaam": municipality.name,
            "aantal_personen": total.count,
        }
        for cell in sorted(cells, key=lambda c: districts[int(c.code)].code):
            if cell.shown:
                district = districts[int(cell.code)]
                yield {
                    **base,
                    "niveau": LEVEL_DISTRICT,
                    "gebiedscode": district.code,
                    "gebiedsnaam": district.name,
                    "aantal_personen": cell.count,
                }


def modified(municipality: Municipality):
    texts = text_facts(municipality=municipality).aggregate(latest=Max("updated_at"))["latest"]
    themes = theme_list(municipality=municipality).aggregate(latest=Max("updated_at"))["latest"]
    return newest(texts, themes) if texts else None


DATASET = Dataset(
    key="signalen",
    title=_("Wat speelt er: thema's per wijk en maand"),
    description=_(
        "Hoeveel mensen per maand over elk thema schreven, voor de hele gemeente en per wijk, uit initiatieven, "
        "reacties, stellingen, antwoorden op vragenlijsten en meldingen. Iemand die vaker schrijft, telt één keer. "
        "Meldingen waarvan we niet weten van wie ze komen, tellen samen hooguit als één persoon. Alleen aantallen, "
        "geen teksten. Aantallen onder de 5 mensen worden niet gepubliceerd."
    ),
    columns=COLUMNS,
    rows=rows,
    modified=modified,
    themes=(THEME_SOCIETY, THEME_REGIONS),
    keywords=("signalen", "thema's", "wijken"),
    spatial_districts=True,
)
