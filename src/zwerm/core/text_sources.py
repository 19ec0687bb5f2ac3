"""Where sensing reads residents' texts and who wrote them: one registered source per channel.

As with `personal_data`, the core never knows the apps and sensing imports none of them. Each app
whose residents write texts registers a source per channel in its AppConfig.ready():

    from zwerm.core.text_sources import registry
    registry.register(TextSource(channel="comment", read=..., authors=...))

Sensing asks the registry to read a text back after the app handed it over (the app calls
`sensing.services.text_ingest_later` after its own write), to count the people behind a figure, and,
on an erasure, which texts to forget. A channel without a source (imports from Signalen or Fixi, the
API) has texts but no known people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .personal_data import Erasure


@dataclass(frozen=True)
class SourceText:
    """One text as its app holds it: raw (sensing redacts it before anything is stored), with place and link."""

    text: str
    occurred_at: datetime | None
    neighbourhood: Any | None
    district: Any | None
    url: str


# read(municipality, source_id) -> the text, or None when it is gone.
Reader = Callable[[Any, str], SourceText | None]
# authors(municipality, source_ids) -> source id -> a key for the person behind it ("user:<id>",
# "participant:<id>"); texts whose person is unknown (anonymised, erased) are left out. Never published.
Authors = Callable[[Any, Sequence[str]], dict[str, str]]
# erased(erasure) -> municipality id -> source ids of the texts this erasure removes at their source.
Erased = Callable[[Erasure], dict[int, list[str]]]
# existing(source_ids) -> the source ids whose text still exists (texts of the others are forgotten).
Existing = Callable[[Sequence[str]], set[str]]


@dataclass(frozen=True)
class TextSource:
    channel: str  # the value stored on sensing's Text.channel, e.g. "initiative"
    read: Reader
    authors: Authors
    # Only for sources that do not tell sensing themselves when they remove a text (`text_forget`):
    erased: Erased | None = None
    existing: Existing | None = None


@dataclass
class TextSourceRegistry:
    _sources: dict[str, TextSource] = field(default_factory=dict)

    def register(self, source: TextSource) -> None:
        if source.channel in self._sources:
            raise ValueError(f"text source {source.channel!r} is already registered")
        self._sources[source.channel] = source

    def get(self, channel: str) -> TextSource | None:
        return self._sources.get(str(channel))

    def sources(self) -> list[TextSource]:
        return list(self._sources.values())

    def channels(self) -> list[str]:
        """The channels whose texts have known people behind them."""
        return list(self._sources)

    def __contains__(self, channel: str) -> bool:
        return str(channel) in self._sources


registry = TextSourceRegistry()
