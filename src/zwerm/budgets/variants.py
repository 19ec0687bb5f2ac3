"""How the Method of Equal Shares is completed: the variants staff can choose, named for residents.

A variant is one of the engine's completions (``rules.COMPLETIONS``) with or without the greedy
fill-up afterwards. docs/budgets-count.md says which real count each one reproduces.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CountVariant:
    key: str
    completion: str
    fill_up: bool
    label: str | Promise


VARIANTS = (
    CountVariant(
        "add1",
        "add1",
        True,
        _(
            "Deel per stemmer stap voor stap verhogen tot er geen project meer bij past; "
            "wat overblijft naar de projecten met de meeste stemmen (zoals pabutools)"
        ),
    ),
    CountVariant(
        "add1-no-fill-up",
        "add1",
        False,
        _(
            "Deel per stemmer stap voor stap verhogen tot er geen project meer bij past; "
            "wat overblijft, blijft over (zoals Assen in 2024)"
        ),
    ),
    CountVariant(
        "add1-until-over",
        "add1-until-over",
        True,
        _(
            "Deel per stemmer stap voor stap verhogen zolang de gekozen projecten binnen het budget blijven; "
            "wat overblijft naar de projecten met de meeste stemmen"
        ),
    ),
    CountVariant(
        "add1-until-over-no-fill-up",
        "add1-until-over",
        False,
        _(
            "Deel per stemmer stap voor stap verhogen zolang de gekozen projecten binnen het budget blijven; "
            "wat overblijft, blijft over"
        ),
    ),
    CountVariant(
        "greedy",
        "greedy",
        True,
        _("Eén ronde gelijke delen; wat overblijft naar de projecten met de meeste stemmen"),
    ),
    CountVariant("none", "none", False, _("Eén ronde gelijke delen; wat overblijft, blijft over")),
)
DEFAULT_VARIANT = "add1"
_BY_KEY = {v.key: v for v in VARIANTS}


def variant_choices() -> list[tuple[str, str | Promise]]:
    return [(v.key, v.label) for v in VARIANTS]


def variant_get(key: str) -> CountVariant | None:
    return _BY_KEY.get(key)


def variant_for(completion: str, fill_up: bool) -> CountVariant:
    """The variant of a stored budget or count. ``greedy`` without the fill-up is ``none``."""
    completion = completion or "add1"
    if completion == "none" or (completion == "greedy" and not fill_up):
        return _BY_KEY["none"]
    for v in VARIANTS:
        if v.completion == completion and v.fill_up == fill_up:
            return v
    return _BY_KEY[DEFAULT_VARIANT]
