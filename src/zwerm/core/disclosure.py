"""The small-number rule, in one place: no public figure is about fewer than the threshold (5) people.

Every public output (pages, API, open data, council and district reports, exports, e-mails to the public)
turns a count of people into a `Figure` here, and asks this module for totals, shares and orderings:

- `people(n)`: exact from the threshold on, otherwise value None and "minder dan 5";
- `total(n, parts, ...)`: a total next to parts of it; when the parts that are not shown add up to
  1..threshold-1, total minus the shown parts would give that small group away, so the total reads
  "meer dan <shown>" (value None);
- `share(part, whole)`: a percentage only when the whole is at least the threshold (a share of 1 vote is
  that vote); common ground and divisiveness are shares, so they follow the same rule;
- `breakdown(parts, *totals)`: parts of public totals (people per wijk): a part is shown from the threshold on,
  and when a total minus the shown parts would leave 1..threshold-1, the smallest shown part is held back too
  (secondary suppression), so the totals elsewhere stay exact and no small part follows by subtraction;
- `sort_value(n)` / `order_people(field)`: ordering by a count where every hidden count sorts as 0, so
  the order among "minder dan 5" items is the caller's neutral key (newest, name, id), never the count.

The threshold is the setting ZWERM_DISCLOSURE_THRESHOLD (default 5; start-up refuses anything lower).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext as _

from .disclosure_floor import MINIMUM  # the threshold may be raised by a municipality, never lowered below this

K = TypeVar("K", bound=Hashable)


def threshold() -> int:
    """The smallest number of people a public figure may be about."""
    return max(int(getattr(settings, "ZWERM_DISCLOSURE_THRESHOLD", MINIMUM)), MINIMUM)


def is_public(value: int | None) -> bool:
    """Whether a count of people may be published exactly."""
    return value is not None and int(value) >= threshold()


@dataclass(frozen=True)
class Figure:
    """A figure about people as the public sees it: `value` is the exact number, or None when it is held
    back; `display` is the translated text for that case ("28", "minder dan 5", "meer dan 20")."""

    value: int | None
    display: str

    @property
    def shown(self) -> bool:
        return self.value is not None

    @property
    def sentence(self) -> str:
        """The display at the start of a sentence ("Minder dan 5")."""
        return self.display[:1].upper() + self.display[1:]

    def as_dict(self) -> dict:
        """The shape the API, the reports and the JSON exports use."""
        return {"value": self.value, "display": self.display}

    def __str__(self) -> str:
        return self.display


def fewer_than() -> str:
    """The wording for a count below the threshold: "minder dan 5"."""
    return _("minder dan %(n)d") % {"n": threshold()}


def people(value: int | None) -> Figure:
    """A count of people: exact from the threshold on, otherwise only "minder dan 5" (value None)."""
    n = int(value or 0)
    if n >= threshold():
        return Figure(n, str(n))
    return Figure(None, fewer_than())


@dataclass(frozen=True)
class PeopleCount:
    """A count of people that a selector keeps exactly, for ordering and for "is there anything", but that is
    published only as its `figure` (and `str()`, its display): exact from the threshold on, unless
    `suppressed` (held back because a smaller group could be worked out by subtraction, see `total`)."""

    value: int
    suppressed: bool = False

    @property
    def shown(self) -> bool:
        return is_public(self.value) and not self.suppressed

    @property
    def figure(self) -> Figure:
        if self.shown:
            return Figure(int(self.value), str(self.value))
        return withheld() if is_public(self.value) else people(self.value)

    def __str__(self) -> str:
        return self.figure.display


def withheld() -> Figure:
    """A figure that is kept back entirely, also when it is large ("niet getoond")."""
    return Figure(None, _("niet getoond"))


def hidden_remainder(value: int, parts: Iterable[int]) -> int:
    """What `value` minus the parts that are shown exactly leaves: the hidden parts together."""
    return int(value) - sum(int(p) for p in parts if is_public(p))


def parts_safe(value: int, parts: Iterable[int]) -> bool:
    """Whether the parts of `value` may be shown next to it: no hidden remainder of 1..threshold-1."""
    remainder = hidden_remainder(value, parts)
    return not 0 < remainder < threshold()


def total(value: int | None, *partitions: Iterable[int]) -> Figure:
    """A total shown next to parts of it (the wijken of a dialogue, the components of a process...).

    Each partition is every part the public sees next to the total, hidden ones included (or an
    incomplete list: what is missing counts as hidden). When the hidden remainder of any partition is
    1..threshold-1, the total reads "meer dan <sum of the shown parts>" (value None)."""
    n = int(value or 0)
    if n < threshold():
        return people(n)
    for parts in partitions:
        parts = [int(p) for p in parts]
        remainder = hidden_remainder(n, parts)
        if 0 < remainder < threshold():
            return Figure(None, _("meer dan %(n)d") % {"n": n - remainder})
    return Figure(n, str(n))


def insufficient() -> Figure:
    """A part held back in a breakdown ("onvoldoende gegevens"): the same words whether it is below the
    threshold or held back so that a total cannot give a small part away (telling them apart would)."""
    return Figure(None, _("onvoldoende gegevens"))


def breakdown(parts: Mapping[K, int], *totals: int | None) -> dict[K, Figure]:
    """A Figure for every part of `totals` (people per wijk next to a dialogue's participants, voters per
    wijk next to a budget's voters): exact from the threshold on, else held back as `insufficient()`.

    `totals` are every figure published anywhere (pages, API, open data) about the same people of which
    these are parts; people outside every part (no wijk given) count as hidden. When a total minus the
    shown parts leaves 1..threshold-1 people, the smallest shown part is held back as well (the first in
    the mapping's order among equals), until no total does: those totals may then be shown exactly."""
    values = {key: int(value or 0) for key, value in parts.items()}
    shown = [key for key, value in values.items() if is_public(value)]

    def unsafe() -> bool:
        kept = sum(values[key] for key in shown)
        return any(total is not None and 0 < int(total) - kept < threshold() for total in totals)

    while shown and unsafe():
        smallest = min(shown, key=lambda key: values[key])  # min keeps the first among equals
        shown.remove(smallest)
    return {key: Figure(values[key], str(values[key])) if key in shown else insufficient() for key in values}


def share(part: int, whole: int) -> int | None:
    """`part` of `whole` as a whole percentage, or None when fewer than the threshold stand behind the
    whole: with 1 vote, "100% eens" is that one vote."""
    if whole <= 0 or whole < threshold():
        return None
    return round(100 * part / whole)


def share_fraction(part: float, whole: int) -> float | None:
    """Like `share`, as a fraction 0..1 (for an engine's own ratio), or None below the threshold."""
    if whole <= 0 or whole < threshold():
        return None
    return float(part) / whole


def sort_value(value: int | None) -> int:
    """The count to order by: the count itself when it is shown, 0 when it is not, so that hidden counts
    sort as equal and their order is the caller's neutral tie-breaker."""
    n = int(value or 0)
    return n if n >= threshold() else 0


def order_people(field: str, *, at: int | None = None) -> Case:
    """`sort_value` as a database expression over a count field or annotation (order_by(order_people(
    "support_count").desc(), "-published_at", "-pk")). `at` fixes the threshold for an index expression (a
    migration cannot follow a setting); the query matches that index while the setting stays at it."""
    limit = threshold() if at is None else at
    return Case(When(**{f"{field}__gte": limit}, then=F(field)), default=Value(0), output_field=IntegerField())
