"""Staff actions that the municipality must be able to account for, from every app, in one stream.

Apps register a source (a function reading their own append-only history) in `AppConfig.ready()`, as they do
with core.personal_data; privacy exports the stream with the staff access log in the shape of the
"Logboek Dataverwerkingen" standard (privacy.processing_log). Core never imports the apps."""

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StaffAction:
    at: datetime
    actor_id: int | None  # the staff member's account id (never a name or address)
    name: str  # what was done, stable and in English: "initiative.status_change", "role.grant", ...
    object_type: str  # what it was done to: "initiative", "comment", "role"
    object_id: str
    key: str  # unique over all sources, stable between exports: "initiatives.statuschange:12"
    details: dict


Source = Callable[..., Iterable[StaffAction]]  # (*, municipality, since, until) -> actions in order of `at`
_sources: dict[str, Source] = {}


def register(name: str, source: Source) -> None:
    _sources.setdefault(name, source)


def staff_actions(
    *, municipality, since: datetime | None = None, until: datetime | None = None
) -> Iterator[StaffAction]:
    """Every registered source's actions in [since, until), merged in order of time."""
    streams = (iter(source(municipality=municipality, since=since, until=until)) for source in _sources.values())
    return heapq.merge(*streams, key=lambda action: action.at)
