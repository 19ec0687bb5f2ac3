"""What an alert says, in words a civil servant reads ("17 teksten in week 49, verwacht 1–5"), with the exact
statistics apart for who wants them (issue #12.4). Every page that shows an alert to staff words it here.

The engine keeps its own English explanation for the command line and the JSON report; this module reads the
stored numbers (count, expected, p, q, ratio) and words them in the interface language; the expected band is
the 10-90 % range of a Poisson count with the expected mean (issue #14: "34 meldingen, verwacht 6–11")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import formats
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy import stats

_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})$")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class AlertWording:
    summary: str  # one sentence: what happened, against what is normal
    statistics: list[str]  # the exact figures, each a short line, for a <details>


def week_words(period: str) -> str:
    """'2026-W49' -> 'week 49 (30 november – 6 december 2026)'; anything else unchanged."""
    match = _WEEK.match(period or "")
    if not match:
        return period
    year, week = int(match["year"]), int(match["week"])
    try:
        monday = datetime.date.fromisocalendar(year, week, 1)
    except ValueError:
        return period
    sunday = monday + datetime.timedelta(days=6)
    first = date_format(monday, "j F" if monday.year == sunday.year else "j F Y")
    return _("week %(week)d (%(first)s – %(last)s)") % {
        "week": week,
        "first": first,
        "last": date_format(sunday, "j F Y"),
    }


def expected_band(expected: float) -> tuple[int, int]:
    """The 10-90 % range of counts around an expected count (Poisson), e.g. 7.8 -> (4, 12)."""
    if expected <= 0:
        return 0, 0
    return int(stats.poisson.ppf(0.1, expected)), int(stats.poisson.ppf(0.9, expected))


def _normal(expected: float) -> str:
    if expected < 0.5:
        return _("normaal (bijna) geen")
    low, high = expected_band(expected)
    return _("verwacht %(low)s–%(high)s") % {
        "low": formats.number_format(low, force_grouping=True),
        "high": formats.number_format(high, force_grouping=True),
    }


def _decimal(value: float, places: int = 1) -> str:
    return formats.number_format(round(value, places), decimal_pos=places, force_grouping=True)


def _probability(value: float) -> str:
    """0.0000000239 -> '2,4 × 10⁻⁸'; values from 0.001 up as a plain decimal ('0,012')."""
    if value >= 0.001:
        return formats.number_format(round(value, 3), decimal_pos=3)
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{formats.number_format(float(mantissa), decimal_pos=1)} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def alert_wording(alert) -> AlertWording:
    """The words for a sensing Alert (or anything with kind, count, expected, period, p_value, q_value, ratio);
    with `people` (an int, see `selectors.alert_people`) the people who wrote lead, their texts beside."""
    texts = ngettext("%(n)d tekst", "%(n)d teksten", alert.count) % {"n": alert.count}
    people = getattr(alert, "people", None)
    if isinstance(people, int):
        # People first, their texts beside (issue #14.3): one resident writing five times is one person.
        texts = ngettext("%(n)d persoon", "%(n)d mensen", people) % {"n": people} + " (" + texts + ")"
    when = week_words(alert.period)
    normal = _normal(alert.expected)
    if alert.kind == "emerging":
        summary = _("Nieuw onderwerp: %(texts)s in %(when)s, %(normal)s.")
    elif alert.kind == "decline":
        summary = _("Minder dan gewoonlijk: %(texts)s in %(when)s, %(normal)s.")
    else:
        summary = _("Meer dan gewoonlijk: %(texts)s in %(when)s, %(normal)s.")
    summary = summary % {"texts": texts, "when": when, "normal": normal}
    statistics = [
        _("Verwacht volgens het model: %(e)s teksten.") % {"e": _decimal(alert.expected)},
    ]
    if alert.ratio:
        statistics.append(_("Verhouding tot het verwachte aantal: %(r)s keer.") % {"r": _decimal(alert.ratio, 2)})
    statistics += [
        _("Kans op minstens zo'n afwijking bij toeval (p-waarde): %(p)s.") % {"p": _probability(alert.p_value)},
        _("Na correctie voor het aantal getoetste weken en thema's (q-waarde): %(q)s.")
        % {"q": _probability(alert.q_value)},
    ]
    return AlertWording(summary=summary, statistics=statistics)


def forecast_why(forecast: dict) -> str:
    """Why a theme is expected where it is: last year's season, this year's trend, or its usual level."""
    reasons = []
    season = float(forecast.get("season") or 1.0)
    trend = float(forecast.get("trend") or 1.0)
    if "season" in forecast.get("reason", ""):
        if season >= 1:
            reasons.append(_("vorige jaren was het rond deze weken ook drukker"))
        else:
            reasons.append(_("vorige jaren was het rond deze weken rustiger"))
    if "trend" in forecast.get("reason", ""):
        reasons.append(_("de laatste weken stijgend") if trend >= 1 else _("de laatste weken dalend"))
    if not reasons:
        return _("het gewone niveau van de laatste weken")
    return _(" en ").join(reasons)


def forecast_band(row: dict) -> str:
    """One forecast week in words: 'verwacht 6–11 (rond de 8)'."""
    return _("verwacht %(low)s–%(high)s (rond de %(n)s)") % {
        "low": formats.number_format(round(row["low"]), force_grouping=True),
        "high": formats.number_format(round(row["high"]), force_grouping=True),
        "n": formats.number_format(round(row["expected"]), force_grouping=True),
    }
