"""Counting people, not texts, behind every public figure (never a figure about fewer than 5 people).

Who wrote a text is read from its source app at the moment of counting and never stored in sensing:
the author of an initiative or a comment, the participant behind a dialogue statement (a resident's
account, or an anonymous participant), the resident who answered a survey. One resident counts once
per figure, whatever they wrote and through which channel. Because nothing is kept here, a figure
always follows what the source app says now: an anonymised contribution counts under the shared
placeholder account (which can only lower a figure), an erased or retained one as unknown.

Texts without a known person (reports imported from Signalen or Fixi exports, reports sent through
the API, contributions whose person is gone) might all come from one person, who might also be one
of the known writers. Together they therefore count as at most one person, and only when no known
person stands behind the figure: they never lift a figure to 5 on their own. A published figure is
thus a lower bound of the people behind it, and can never reveal a group smaller than 5. It also
means that texts from channels without people (`PERSON_CHANNELS` lists those with) never decide
whether a figure shows nor what it shows, so public figures need not read them at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from zwerm.core.models import Municipality
from zwerm.dialogues.selectors import statement_author_keys
from zwerm.initiatives.selectors import comment_author_ids, initiative_author_ids
from zwerm.processes.selectors import survey_respondent_ids

from .models import Channel
from .survey_answers import survey_answer_parse

CHUNK = 500  # source ids per query (SQLite allows 999 parameters)
PERSON_CHANNELS = (Channel.INITIATIVE, Channel.COMMENT, Channel.STATEMENT, Channel.SURVEY)


def _chunks(ids: list[int]):
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _as_int(value) -> int | None:
    text = str(value)
    return int(text) if text.isdecimal() else None


def _users(found: dict[int, int | None]) -> dict[int, str]:
    return {pk: f"user:{user_id}" for pk, user_id in found.items() if user_id is not None}


def person_keys(*, municipality: Municipality, texts: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """Text pk -> a key for the person who wrote it ("user:<id>" or "participant:<id>"), for the texts
    (pk, channel, source_id) whose person is known; every other text is left out."""
    wanted: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))  # channel -> source -> pks
    for pk, channel, source_id in texts:
        if channel == Channel.SURVEY:
            parsed = survey_answer_parse(source_id)
            source = parsed[0] if parsed else None
        else:
            source = _as_int(source_id)
        if source is not None:
            wanted[channel][source].append(pk)
    readers = {
        Channel.INITIATIVE: lambda ids: _users(initiative_author_ids(municipality=municipality, pks=ids)),
        Channel.COMMENT: lambda ids: _users(comment_author_ids(municipality=municipality, pks=ids)),
        Channel.STATEMENT: lambda ids: statement_author_keys(municipality=municipality, pks=ids),
        Channel.SURVEY: lambda ids: _users(survey_respondent_ids(municipality=municipality, response_ids=ids)),
    }
    keys: dict[int, str] = {}
    for channel, read in readers.items():
        sources = wanted.get(channel)
        if not sources:
            continue
        for ids in _chunks(sorted(sources)):
            for source, person in read(ids).items():
                for pk in sources.get(source, ()):
                    keys[pk] = person
    return keys


@dataclass
class Tally:
    """The people behind one figure: distinct known persons, plus whether unknown ones wrote too."""

    known: set[str] = field(default_factory=set)
    unknown: bool = False
    texts: int = 0

    def add(self, person: str | None) -> None:
        self.texts += 1
        if person is None:
            self.unknown = True
        else:
            self.known.add(person)

    @property
    def people(self) -> int:
        """The lower bound published: known persons, and texts of unknown persons as one at most."""
        return max(len(self.known), 1 if self.unknown else 0)
