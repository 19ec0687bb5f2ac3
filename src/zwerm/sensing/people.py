"""Counting people, not texts, behind every public figure (never a figure about fewer than 5 people).

Who wrote a text is read from its source app (through the text source it registered in
`zwerm.core.text_sources`) at the moment of counting and never stored in sensing:
the author of an initiative or a comment, the participant behind a dialogue statement (a resident's
account, or an anonymous participant), the resident who answered a survey. One resident counts once
per figure, whatever they wrote and through which channel. Because nothing is kept here, a figure
always follows what the source app says now: an anonymised contribution counts under the shared
placeholder account (which can only lower a figure), an erased or retained one as unknown.

Texts without a known person (reports imported from Signalen or Fixi exports, reports sent through
the API, contributions whose person is gone) might all come from one person, who might also be one
of the known writers. Together they therefore count as at most one person, and only when no known
person stands behind the figure: they never lift a figure to 5 on their own. A published figure is
thus a lower bound of the people behind it, and can never reveal a group smaller than 5 (staff pages,
which may show small figures, count each text without a known person as one: `Tally.staff_people`). It also
means that texts from channels without people (`person_channels()` lists those with) never decide
whether a figure shows nor what it shows, so public figures need not read them at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from zwerm.core.models import Municipality
from zwerm.core.text_sources import registry as text_sources

CHUNK = 500  # source ids per query (SQLite allows 999 parameters)


def person_channels() -> list[str]:
    """The channels whose texts have known people behind them: those with a registered text source."""
    return text_sources.channels()


def person_keys(*, municipality: Municipality, texts: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """Text pk -> a key for the person who wrote it ("user:<id>" or "participant:<id>"), for the texts
    (pk, channel, source_id) whose person is known; every other text is left out. Each channel's
    source (`zwerm.core.text_sources`) says who wrote its texts."""
    wanted: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # channel -> source -> pks
    for pk, channel, source_id in texts:
        wanted[str(channel)][str(source_id)].append(pk)
    keys: dict[int, str] = {}
    for channel, sources in wanted.items():
        source = text_sources.get(channel)
        if source is None:
            continue
        ids = sorted(sources)
        for i in range(0, len(ids), CHUNK):
            for source_id, person in source.authors(municipality, ids[i : i + CHUNK]).items():
                for pk in sources.get(source_id, ()):
                    keys[pk] = person
    return keys


@dataclass
class Tally:
    """The people behind one figure: distinct known persons, plus whether unknown ones wrote too."""

    known: set[str] = field(default_factory=set)
    unknown: bool = False
    texts: int = 0
    unknown_texts: int = 0

    def add(self, person: str | None) -> None:
        self.texts += 1
        if person is None:
            self.unknown = True
            self.unknown_texts += 1
        else:
            self.known.add(person)

    @property
    def staff_people(self) -> int:
        """What staff pages count: distinct known persons, and each text without a known person (an
        imported melding, an API report) as one person, as nothing tells those writers apart. Never
        published: small figures are shown to staff only."""
        return len(self.known) + self.unknown_texts

    @property
    def people(self) -> int:
        """The lower bound published: known persons, and texts of unknown persons as one at most."""
        return max(len(self.known), 1 if self.unknown else 0)
