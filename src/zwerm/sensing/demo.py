"""Demo sensing for `zwerm demo_data`: ~200 generated Dutch reports over 12 weeks with a spike in one wijk.

Texts are made from the engine's synthetic vocabulary (no real people), ingested through the real
service as reports (meldingen) and followed by a refresh, so the dashboard shows themes and an alert.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from django.utils import timezone

from zwerm.core.models import Municipality
from zwerm.places.selectors import neighbourhood_list
from zwerm.sensing.engine.synthetic import CLOSERS, OPENERS, PLACES, THEMES, TIMES

from .models import Channel
from .services import refresh_run, text_ingest
from .services.ingest import current_models

DEMO_THEMES = ("afval", "verlichting", "verkeer", "groen", "parkeren", "speeltuin")
CATEGORIES = {
    "afval": "Afval",
    "verlichting": "Wegen, verkeer, straatmeubilair",
    "verkeer": "Wegen, verkeer, straatmeubilair",
    "groen": "Groen en water",
    "parkeren": "Overlast in de openbare ruimte",
    "speeltuin": "Wegen, verkeer, straatmeubilair",
}
WEEKS = 12
BASE_PER_WEEK = 14
SPIKE_THEME, SPIKE_EXTRA = "afval", 24


def _plural_subject(subject: str) -> bool:
    """'de auto's', 'foutparkeerders': plural; 'het afval', 'de lamp bij het fietspad': singular."""
    words = subject.split()
    head = words[1] if words[0] in ("de", "het") and len(words) > 1 else words[0]
    return words[0] != "het" and head.endswith(("en", "s"))


def _plural_verb(problem: str) -> bool:
    """'zijn altijd bezet', 'blokkeren de stoep': plural; 'is kapot', 'rijdt te hard': singular."""
    verb = problem.split()[0]
    return verb == "zijn" or (verb.endswith("en") and verb != "is")


def agreeing_pairs(theme: str) -> list[tuple[str, str]]:
    """Subject and problem pairs of a theme whose verb agrees with the subject in number, so that the
    demo never says 'de auto's rijdt'."""
    subjects, problems = THEMES[theme]
    return [(s, p) for s in subjects for p in problems if _plural_subject(s) == _plural_verb(p)]


def demo_text(rng, theme: str) -> str:
    """One generated Dutch text about `theme` (the engine's synthetic vocabulary; no real people)."""
    pairs = agreeing_pairs(theme)
    subject, problem = pairs[int(rng.integers(len(pairs)))]
    parts = [
        rng.choice(OPENERS),
        f"{subject.capitalize()} {rng.choice(PLACES)} {problem} {rng.choice(TIMES)}.",
        rng.choice(CLOSERS),
    ]
    return " ".join(str(p) for p in parts if p).replace(" .", ".")


def last_full_week_start() -> datetime:
    """Monday 09:00 of the last full week: the newest week alerts test, where the demo's spike lies."""
    this_monday = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return this_monday - timedelta(days=this_monday.weekday(), weeks=1)


def spike_district_id(*, municipality: Municipality) -> int | None:
    """The wijk of the demo's spike: that of the first buurt."""
    hoods = list(neighbourhood_list(municipality=municipality))
    return hoods[0].district_id if hoods else None


def build_demo_sensing(*, municipality: Municipality, seed: int = 7) -> None:
    """Ingest the demo reports (spike: waste in the last full week in the first wijk) and run one refresh."""
    rng = np.random.default_rng(seed)
    hoods = list(neighbourhood_list(municipality=municipality))
    if not hoods:
        return
    spike_hoods = [h for h in hoods if h.district_id == spike_district_id(municipality=municipality)]
    # twelve full weeks that ended last Sunday: every text lies in the past, the spike in the last full week
    start = last_full_week_start() - timedelta(weeks=WEEKS - 1)
    models = current_models(municipality=municipality)
    number = 0

    def add(theme: str, hood, week: int) -> None:
        nonlocal number
        number += 1
        moment = start + timedelta(weeks=week, hours=int(rng.integers(0, 6 * 24)))
        text_ingest(
            municipality=municipality,
            channel=Channel.REPORT,
            source_id=f"demo:{number}",
            text=demo_text(rng, theme),
            occurred_at=moment,
            neighbourhood=hood,
            label=CATEGORIES[theme],
            models=models,
        )

    for week in range(WEEKS):
        for _ in range(BASE_PER_WEEK):
            add(str(rng.choice(DEMO_THEMES)), hoods[int(rng.integers(len(hoods)))], week)
    for _ in range(SPIKE_EXTRA):
        add(SPIKE_THEME, spike_hoods[int(rng.integers(len(spike_hoods)))], WEEKS - 1)
    refresh_run(municipality=municipality)
