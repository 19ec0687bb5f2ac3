"""Figures for district reports: never a count of people below 5, and no total that gives a small count away.

Plain functions over whole numbers, so the rules can be tested on their own."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zwerm.core import disclosure

RISING, FALLING, STEADY, UNKNOWN = "rising", "falling", "steady", "unknown"
TREND_LABELS = {
    RISING: gettext_lazy("neemt toe"),
    FALLING: gettext_lazy("neemt af"),
    STEADY: gettext_lazy("blijft gelijk"),
    UNKNOWN: gettext_lazy("periode te kort om te zeggen"),
}
TREND_FACTOR = 1.25  # the second half of the period at least 25 % above (below) the first
TREND_MIN_DIFFERENCE = 2  # and at least this many more (fewer): 1 -> 2 is no trend
MOOD_NEUTRAL = 0.1  # the engine's own bound between neutral and negative or positive


def count(value: int) -> dict:
    """A count: exact from the threshold (5) on, otherwise only "minder dan 5" (value null)."""
    return disclosure.people(value).as_dict()


def covered_total(total: int, *partitions: Sequence[int]) -> dict:
    """A total next to parts of it that are shown exactly (the themes of a wijk, the wijken of a theme...).

    When the parts left out of one partition add up to 1-4, total minus the shown parts would give that
    small count away: the total then reads "meer dan <sum of the shown parts>" (value null)."""
    return disclosure.total(total, *partitions).as_dict()


def trend(series: Sequence[int]) -> dict:
    """Whether a weekly series rises or falls: the second half of the weeks against the first half.

    Only the direction is given; the halves themselves may be small counts."""
    n = len(series)
    if n < 2:
        direction = UNKNOWN
    else:
        half = n // 2
        first, last = sum(series[:half]), sum(series[n - half :])
        if last >= first * TREND_FACTOR and last - first >= TREND_MIN_DIFFERENCE:
            direction = RISING
        elif first >= last * TREND_FACTOR and first - last >= TREND_MIN_DIFFERENCE:
            direction = FALLING
        else:
            direction = STEADY
    return {"direction": direction, "label": str(TREND_LABELS[direction])}


def people(figure) -> dict:
    """A count of people from sensing (a `Figure`): exact only when sensing itself would publish it and
    it is 5 or more; a figure sensing holds back reads "niet getoond"."""
    value = int(figure.value)
    if getattr(figure, "shown", True) and disclosure.is_public(value):
        return {"value": value, "display": str(value)}
    if disclosure.is_public(value):
        return disclosure.withheld().as_dict()
    return count(value)


def mood(value: float | None, basis: int) -> dict | None:
    """A theme's mood (-1..+1) in words, only when at least 5 contributions carry a mood."""
    if value is None or not disclosure.is_public(basis):
        return None
    if value < -MOOD_NEUTRAL:
        label = _("eerder negatief")
    elif value > MOOD_NEUTRAL:
        label = _("eerder positief")
    else:
        label = _("neutraal")
    return {"value": round(float(value), 2), "label": label}
