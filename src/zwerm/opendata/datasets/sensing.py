"""What moves in the municipality: people writing about each theme, per wijk and month, as counts only.

Counts are of distinct people where the platform knows who wrote (initiatives, comments, dialogue
statements); an imported report or a survey answer counts as one person each. Only counts of at least 5
people are in the file. The split over the wijken of one theme and month is published only when every
wijk with contributions reaches 5: were only the small wijken left out, their counts could be worked
out by subtracting the other wijken from the total (see `suppress`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Municipality
from zwerm.dialogues.selectors import statement_author_keys
from zwerm.initiatives.selectors import comment_author_ids, initiative_author_ids
from zwerm.places.selectors import district_list
from zwerm.sensing.selectors import text_facts, theme_list

from .base import INTEGER, MIN_PUBLIC, TEXT, THEME_REGIONS, THEME_SOCIETY, Column, Context, Dataset, newest

LEVEL_MUNICIPALITY = "gemeente"
LEVEL_DISTRICT = "wijk"
CHUNK = 500  # ids per query when looking up authors

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
    """Show the total from MIN_PUBLIC people on, and the wijken only all together: when one wijk with
    contributions has fewer than MIN_PUBLIC people, every wijk of this theme and month is left out.

    Hiding just the small wijk is not enough: the total minus the shown wijken gives its count away,
    and hiding one more wijk still narrows it down (two hidden wijken of at most 4 that add up to 8
    are both 4). With all wijken left out, nothing about a single wijk can be worked out."""
    total.shown = total.count >= MIN_PUBLIC
    split = total.shown and all(c.count >= MIN_PUBLIC for c in districts)
    for cell in districts:
        cell.shown = split


def _chunks(ids: list[int]):
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _as_int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _person_keys(municipality: Municipality, facts: list[tuple]) -> dict[int, str]:
    """Text pk -> a key for the person behind it (a user, a dialogue participant, or the text itself)."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for _pk, channel, source_id, *_rest in facts:
        source = _as_int(source_id)
        if source is not None and channel in ("initiative", "comment", "statement"):
            wanted[channel].append(source)
    found: dict[str, dict[int, str]] = defaultdict(dict)
    for ids in _chunks(sorted(set(wanted["initiative"]))):
        found["initiative"].update(
            (k, f"user:{v}") for k, v in initiative_author_ids(municipality=municipality, pks=ids).items()
        )
    for ids in _chunks(sorted(set(wanted["comment"]))):
        found["comment"].update(
            (k, f"user:{v}") for k, v in comment_author_ids(municipality=municipality, pks=ids).items()
        )
    for ids in _chunks(sorted(set(wanted["statement"]))):
        found["statement"].update(statement_author_keys(municipality=municipality, pks=ids))
    keys = {}
    for pk, channel, source_id, *_rest in facts:
        keys[pk] = found[channel].get(_as_int(source_id)) or f"text:{pk}"
    return keys


def rows(context: Context):
    municipality = context.municipality
    facts = list(text_facts(municipality=municipality))
    people = _person_keys(municipality, facts)
    per_total: dict[tuple[int, str], set] = defaultdict(set)
    per_district: dict[tuple[int, str], dict[int | None, set]] = defaultdict(lambda: defaultdict(set))
    for pk, _channel, _source, theme_id, district_id, occurred_at, _updated in facts:
        month = timezone.localtime(occurred_at).strftime("%Y-%m")
        per_total[(theme_id, month)].add(people[pk])
        per_district[(theme_id, month)][district_id].add(people[pk])
    themes = {t.pk: t for t in theme_list(municipality=municipality)}
    districts = {d.pk: d for d in district_list(municipality=municipality)}
    order = sorted(per_total, key=lambda k: (k[1], themes[k[0]].key if k[0] in themes else "", k[0]))
    for theme_id, month in order:
        theme = themes.get(theme_id)
        if theme is None:
            continue
        by_district = per_district[(theme_id, month)]
        total = Cell("", len(per_total[(theme_id, month)]))
        cells = [Cell(str(pk), len(who)) for pk, who in by_district.items() if pk is not None and pk in districts]
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
        "reacties, stellingen en meldingen. Alleen aantallen, geen teksten. Aantallen onder de 5 mensen worden "
        "niet gepubliceerd."
    ),
    columns=COLUMNS,
    rows=rows,
    modified=modified,
    themes=(THEME_SOCIETY, THEME_REGIONS),
    keywords=("signalen", "thema's", "wijken"),
    spatial_districts=True,
)
