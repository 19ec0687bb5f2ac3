"""Reading the text behind a channel's source id, for ingestion after commit.

Tasks take ids, so the sensing task reads the source itself, through the source app's selectors.
Survey answers are read by `zwerm.sensing.survey_answers` (processes has no selector for them yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from zwerm.core.models import Municipality
from zwerm.dialogues.selectors import statement_get_by_id
from zwerm.initiatives.selectors import comment_get_by_id, initiative_list_for_staff

from ..models import Channel
from ..survey_answers import survey_answer_read


@dataclass(frozen=True)
class SourceText:
    text: str  # raw: redacted before anything is stored
    occurred_at: datetime | None
    neighbourhood: object | None
    district: object | None
    url: str


def _initiative(municipality: Municipality, source_id) -> SourceText | None:
    item = initiative_list_for_staff(municipality=municipality).filter(pk=source_id).first()
    if item is None:
        return None
    # The free "plek" field is left out: it often holds a street and house number, and the buurt says where.
    text = "\n".join(p for p in (item.title, item.body) if p)
    return SourceText(text, item.created_at, item.neighbourhood, item.neighbourhood.district, item.get_absolute_url())


def _comment(municipality: Municipality, source_id) -> SourceText | None:
    item = comment_get_by_id(municipality=municipality, pk=source_id)
    if item is None:
        return None
    hood = item.initiative.neighbourhood
    return SourceText(item.body, item.created_at, hood, hood.district, item.initiative.get_absolute_url())


def _statement(municipality: Municipality, source_id) -> SourceText | None:
    item = statement_get_by_id(municipality=municipality, pk=source_id)
    if item is None:
        return None
    district = item.author.district if item.author_id else None
    url = reverse("dialogues:detail", args=[item.dialogue_id])
    return SourceText(item.text, item.created_at, None, district, url)


def _survey(municipality: Municipality, source_id) -> SourceText | None:
    answer = survey_answer_read(municipality=municipality, source_id=source_id)
    if answer is None:
        return None
    text, answered_at, hood, url = answer
    return SourceText(text, answered_at, hood, hood.district if hood is not None else None, url)


READERS = {
    Channel.INITIATIVE: _initiative,
    Channel.COMMENT: _comment,
    Channel.STATEMENT: _statement,
    Channel.SURVEY: _survey,
}


def source_read(*, municipality: Municipality, channel: str, source_id) -> SourceText | None:
    """The source's text and place, or None when it no longer exists (or the channel has no reader)."""
    reader = READERS.get(channel)
    return reader(municipality, source_id) if reader else None
