"""Reading the text behind a channel's source id, for ingestion after commit.

Tasks take ids, so the sensing task reads the source itself, through the source registered for the
channel in `zwerm.core.text_sources` (sensing imports no domain app)."""

from __future__ import annotations

from zwerm.core.models import Municipality
from zwerm.core.text_sources import SourceText
from zwerm.core.text_sources import registry as text_sources

__all__ = ["SourceText", "source_read"]


def source_read(*, municipality: Municipality, channel: str, source_id) -> SourceText | None:
    """The source's text and place, or None when it no longer exists (or the channel has no source)."""
    source = text_sources.get(channel)
    return source.read(municipality, str(source_id)) if source is not None else None
