"""Synthetic municipal texts with known themes, for tests, benchmarks and demos (no real people).

Each text combines a theme's subject and problem with a place, a time phrase and random
everyday words, so texts of one theme share vocabulary without being copies of each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from zwerm.sensing.engine.importer import TextRow

THEMES = {
    "afval": (
        ["de container", "het afval", "de vuilniszakken", "het grofvuil", "de glasbak", "de papierbak"],
        [
            "puilt uit",
            "wordt niet opgehaald",
            "stinkt vreselijk",
            "trekt ratten en meeuwen aan",
            "staat al dagen naast de container",
            "is weer niet geleegd",
        ],
    ),
    "verlichting": (
        ["de lantaarnpaal", "de straatverlichting", "de lamp bij het fietspad", "de verlichting"],
        [
            "is kapot",
            "brandt niet meer",
            "knippert de hele nacht",
            "is al weken uit",
            "geeft te weinig licht",
            "is stuk en het is er donker",
        ],
    ),
    "parkeren": (
        ["het parkeren", "de parkeerplaatsen", "foutparkeerders", "de parkeervergunning"],
        [
            "is een ramp in de straat",
            "zijn altijd bezet",
            "blokkeren de stoep",
            "kost veel te veel",
            "staan op de invalidenplek",
            "zorgen voor gevaarlijke situaties",
        ],
    ),
    "groen": (
        ["de bomen", "het gras", "het plantsoen", "de struiken", "het park", "de bloembakken"],
        [
            "worden niet onderhouden",
            "zijn te hoog gegroeid",
            "moeten gesnoeid worden",
            "zijn verdroogd",
            "liggen vol bladeren",
            "verdienen meer aandacht",
        ],
    ),
    "verkeer": (
        ["het verkeer", "de auto's", "het vrachtverkeer", "de scooters", "de kruising"],
        [
            "rijdt veel te hard",
            "is gevaarlijk voor kinderen",
            "zorgt voor files",
            "negeert de drempels",
            "is onoverzichtelijk",
            "veroorzaakt bijna-ongelukken",
        ],
    ),
    "overlast": (
        ["de jongeren", "de buren", "het feest", "de hangplek", "de herrie"],
        [
            "maken lawaai tot laat",
            "zorgen voor overlast",
            "laten rommel achter",
            "houden de buurt wakker",
            "intimideren voorbijgangers",
            "blijven maar doorgaan",
        ],
    ),
    "speeltuin": (
        ["de speeltuin", "het klimrek", "de schommel", "de zandbak", "het speelveld"],
        [
            "is kapot",
            "is onveilig voor kinderen",
            "ligt vol glas",
            "moet vernieuwd worden",
            "wordt niet schoongemaakt",
            "mist een hek",
        ],
    ),
    "stoep": (
        ["de stoep", "het trottoir", "de stoeptegels", "het voetpad", "de tegels"],
        [
            "ligt scheef",
            "is gevaarlijk voor ouderen",
            "heeft grote gaten",
            "is opgebroken",
            "is een struikelpartij",
            "moet hersteld worden",
        ],
    ),
    "riolering": (
        ["het riool", "de put", "de afvoer", "de straat na regen"],
        ["loopt over", "is verstopt", "stinkt", "staat blank", "borrelt", "lekt"],
    ),
    "fietsen": (
        ["de fietsenstalling", "de fietsen", "de fietsenrekken", "het fietspad", "de weesfietsen"],
        ["staan overal", "is vol", "zijn gesloopt", "blokkeren de doorgang", "moeten weggehaald worden", "is te smal"],
    ),
}
PLACES = [
    "in de Lindenlaan",
    "bij de school",
    "op het plein",
    "achter de supermarkt",
    "in de Dorpsstraat",
    "bij het station",
    "aan de Kerkweg",
    "bij de bibliotheek",
    "in het Julianapark",
    "bij de sporthal",
    "aan de Molenweg",
    "bij het winkelcentrum",
    "in de Beukenstraat",
    "op de hoek",
    "bij de bushalte",
]
TIMES = [
    "al weken",
    "sinds vorige maand",
    "elke avond",
    "vanochtend weer",
    "al maanden",
    "steeds vaker",
    "gisteren opnieuw",
    "in het weekend",
    "",
]
OPENERS = ["", "Beste gemeente,", "Hallo,", "Graag aandacht voor het volgende:", "Melding:", "Goedemiddag,"]
CLOSERS = [
    "",
    "Graag actie.",
    "Wilt u hier iets aan doen?",
    "Dank alvast.",
    "Dit moet echt anders.",
    "Wanneer wordt dit opgelost?",
    "Met vriendelijke groet.",
]
_EVERYDAY_WORDS = (
    "buurt wijk straat huis bewoners mensen kinderen ouders avond ochtend week dag maand jaar tijd "
    "gemeente melding probleem situatie oplossing vraag antwoord keer beetje echt gewoon eigenlijk "
    "weer nog steeds ook vaak soms altijd nooit graag snel langzaam groot klein nieuw oud mooi lelijk "
    "rustig druk hond kat auto fiets bus trein regen zon wind koud warm school werk winkel markt"
)
EVERYDAY = tuple(_EVERYDAY_WORDS.split())
AREAS = ["Centrum", "Noord", "Oost", "Zuid", "West", "Haven", "Dorp", "Park"]


@dataclass(frozen=True)
class SyntheticSet:
    rows: tuple[TextRow, ...]
    themes: tuple[str, ...]  # true theme per row


def synthetic_rows(
    n: int,
    *,
    seed: int = 0,
    start: datetime = datetime(2026, 1, 5),
    weeks: int = 20,
    spike: tuple[str, str, int, int] | None = None,
) -> SyntheticSet:
    """`n` texts spread over `weeks` weeks and eight areas; `spike=(theme, area, week, extra)` adds
    `extra` texts of that theme in that area and week."""
    rng = np.random.default_rng(seed)
    names = list(THEMES)
    rows, truth = [], []

    def one(theme: str, area: str, moment: datetime) -> None:
        subjects, problems = THEMES[theme]
        words = " ".join(rng.choice(EVERYDAY, size=int(rng.integers(2, 7))))
        parts = [
            rng.choice(OPENERS),
            f"{rng.choice(subjects).capitalize()} {rng.choice(PLACES)}",
            f"{rng.choice(problems)} {rng.choice(TIMES)}.".replace(" .", "."),
            words + ".",
            rng.choice(CLOSERS),
        ]
        i = len(rows)
        rows.append(TextRow(i + 1, f"s{i + 1}", " ".join(p for p in parts if p), moment, area, theme))
        truth.append(theme)

    popularity = rng.dirichlet(np.full(len(names), 3.0))
    for _ in range(n):
        moment = start + timedelta(minutes=int(rng.integers(0, weeks * 7 * 24 * 60)))
        one(names[rng.choice(len(names), p=popularity)], AREAS[int(rng.integers(len(AREAS)))], moment)
    if spike:
        theme, area, week, extra = spike
        for _ in range(extra):
            one(theme, area, start + timedelta(weeks=week, minutes=int(rng.integers(0, 7 * 24 * 60))))
    return SyntheticSet(tuple(rows), tuple(truth))
