"""Dialogue statements as a text source for sensing (registered with `zwerm.core.text_sources`).

Removed statements are forgotten by this app's own erasure (`text_forget`)."""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import reverse

from zwerm.core.models import Municipality
from zwerm.core.text_sources import SourceText, TextSource

from .selectors import statement_author_keys, statement_get_by_id


def statement_read(municipality: Municipality, source_id: str) -> SourceText | None:
    if not str(source_id).isdecimal():
        return None
    item = statement_get_by_id(municipality=municipality, pk=int(source_id))
    if item is None or item.status == item.Status.REJECTED:  # a rejected statement does not count in sensing
        return None
    district = item.author.district if item.author is not None else None
    url = reverse("dialogues:detail", args=[item.dialogue_id])
    return SourceText(item.text, item.created_at, None, district, url)


def statement_authors(municipality: Municipality, source_ids: Sequence[str]) -> dict[str, str]:
    pks = [int(s) for s in map(str, source_ids) if s.isdecimal()]
    return {str(pk): key for pk, key in statement_author_keys(municipality=municipality, pks=pks).items()}


TEXT_SOURCE = TextSource(channel="statement", read=statement_read, authors=statement_authors)
