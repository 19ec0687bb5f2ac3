"""Reach per wijk: the people who took part in a process's components, counted once, per wijk.

Every component that can tell who took part counts: survey respondents, dialogue participants (with an
account through their membership, without one through the wijk they gave), supporters and joiners of a
hosted initiative, voters of a budget (the register of voters, never what they voted). Meetings only give a
head count, so they count as a channel but not per wijk. No figure is shown below 5 people
(zwerm.core.disclosure)."""

from collections import Counter
from dataclasses import dataclass, field

from zwerm.accounts.selectors import member_district_ids
from zwerm.core import disclosure
from zwerm.places.selectors import district_list
from zwerm.processes import selectors as processes
from zwerm.processes.registry import components


@dataclass(frozen=True)
class Reach:
    """People (accounts once, across every channel; anonymous participants each once) and their wijken."""

    people: int = 0
    per_district: Counter = field(default_factory=Counter)  # wijk id -> people

    @property
    def districts_with_enough_people(self) -> int:
        """Wijken where at least 5 people took part (fewer is not a figure the mirror may use)."""
        return sum(1 for n in self.per_district.values() if disclosure.is_public(n))


def reach_count(*, municipality, participant_ids, anonymous_districts=()) -> Reach:
    """Count accounts through their membership's wijk, and anonymous participants through the wijk they gave."""
    ids = set(participant_ids)
    districts = member_district_ids(municipality=municipality, user_ids=ids)
    counts = Counter(d for d in districts.values() if d is not None)
    anonymous = list(anonymous_districts)
    counts.update(d for d in anonymous if d is not None)
    return Reach(people=len(ids) + len(anonymous), per_district=counts)


def process_reach(*, process) -> Reach:
    """Everyone who took part in any of the process's components that can tell."""
    ids: set[int] = set()
    anonymous: list[int | None] = []
    for placement in processes.placement_list(process=process):
        if placement.kind not in components:
            continue
        kind = components.get(placement.kind)
        if hasattr(kind, "participant_ids"):
            ids.update(kind.participant_ids(placement))
        if hasattr(kind, "anonymous_districts"):
            anonymous.extend(kind.anonymous_districts(placement))
    return reach_count(municipality=process.municipality, participant_ids=ids, anonymous_districts=anonymous)


def reach_public(*, municipality, reach: Reach) -> dict:
    """The reach as the public sees it. The split per wijk is given only when every wijk with participants has
    at least 5 and the people without a wijk are 0 or at least 5 (otherwise the total minus the wijken shown
    would give a small group away)."""
    counts = reach.per_district
    split_shown = (
        bool(counts)
        and all(disclosure.is_public(n) for n in counts.values())
        and disclosure.parts_safe(reach.people, counts.values())
    )
    names = {d.pk: d.name for d in district_list(municipality=municipality)} if split_shown else {}
    return {
        "people": disclosure.people(reach.people).value,
        "districts_reached": len(counts) if split_shown else None,
        "per_district": [{"wijk": names.get(d, ""), "people": n} for d, n in sorted(counts.items())]
        if split_shown
        else [],
    }
