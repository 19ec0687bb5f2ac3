"""Initiatives and comments as text sources for sensing (registered with `zwerm.core.text_sources`).

Removed initiatives and comments are forgotten by this app's own erasure (`text_forget`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from zwerm.core.models import Municipality
from zwerm.core.text_sources import SourceText, TextSource

from .selectors import comment_author_ids, comment_get_by_id, initiative_author_ids, initiative_list_for_staff


def _ids(source_ids: Sequence[str]) -> list[int]:
    return [int(s) for s in map(str, source_ids) if s.isdecimal()]


def _users(found: Mapping[int, int | None]) -> dict[str, str]:
    return {str(pk): f"user:{user_id}" for pk, user_id in found.items() if user_id is not None}


def initiative_read(municipality: Municipality, source_id: str) -> SourceText | None:
    if not str(source_id).isdecimal():
        return None
    item = initiative_list_for_staff(municipality=municipality).filter(pk=int(source_id)).first()
    if item is None or item.is_hidden:  # a hidden initiative does not count in sensing
        return None
    # The free "plek" field is left out: it often holds a street and house number, and the buurt says where.
    text = "\n".join(p for p in (item.title, item.body) if p)
    return SourceText(text, item.created_at, item.neighbourhood, item.neighbourhood.district, item.get_absolute_url())


def initiative_authors(municipality: Municipality, source_ids: Sequence[str]) -> dict[str, str]:
    return _users(initiative_author_ids(municipality=municipality, pks=_ids(source_ids)))


def comment_read(municipality: Municipality, source_id: str) -> SourceText | None:
    if not str(source_id).isdecimal():
        return None
    item = comment_get_by_id(municipality=municipality, pk=int(source_id))
    if item is None or item.is_hidden:  # a hidden comment does not count in sensing
        return None
    hood = item.initiative.neighbourhood
    return SourceText(item.body, item.created_at, hood, hood.district, item.initiative.get_absolute_url())


def comment_authors(municipality: Municipality, source_ids: Sequence[str]) -> dict[str, str]:
    return _users(comment_author_ids(municipality=municipality, pks=_ids(source_ids)))


TEXT_SOURCES = (
    TextSource(channel="initiative", read=initiative_read, authors=initiative_authors),
    TextSource(channel="comment", read=comment_read, authors=comment_authors),
)
