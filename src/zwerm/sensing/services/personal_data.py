"""Forgetting texts whose source was removed at its author's request (AVG erasure).

Texts in sensing are redacted and carry no author, so an anonymised contribution can stay; a removed
one must not live on here. Most apps call `text_forget` when they remove a contribution; a text source
that does not (see `zwerm.core.text_sources`) says which of its texts an erasure removes and which are gone."""

from django.db import transaction

from zwerm.core.personal_data import Erasure
from zwerm.core.text_sources import TextSource
from zwerm.core.text_sources import registry as text_sources

from ..models import Text
from .public import public_picture_later


def text_forget(*, municipality_id: int, channel: str, source_ids) -> int:
    """Delete the sensing texts read from these sources; returns how many were deleted."""
    ids = [str(source_id) for source_id in source_ids]
    if not ids:
        return 0
    with transaction.atomic():
        deleted, _rows = Text.objects.filter(
            municipality_id=municipality_id, channel=channel, source_id__in=ids
        ).delete()
        if deleted:
            public_picture_later(municipality_id=municipality_id, removed=True)
    return deleted


def source_texts_forget(*, erasure: Erasure) -> int:
    """Forget the texts that this erasure removes at sources that do not call `text_forget` themselves,
    and every text of such a source that no longer exists there, so the result is the same whichever app
    erases first. Anonymised contributions stay: the text has no author, and the source no longer has one."""
    deleted = 0
    for source in text_sources.sources():
        if source.erased is not None:
            for municipality_id, source_ids in source.erased(erasure).items():
                deleted += text_forget(municipality_id=municipality_id, channel=source.channel, source_ids=source_ids)
        if source.existing is not None:
            deleted += orphaned_texts_forget(source=source)
    return deleted


def orphaned_texts_forget(*, source: TextSource) -> int:
    """Delete the texts of `source`'s channel whose source is gone (the contribution, or its whole container)."""
    assert source.existing is not None
    rows = list(Text.objects.filter(channel=source.channel).values_list("pk", "source_id"))
    existing = source.existing(sorted({source_id for _pk, source_id in rows}))
    gone = [pk for pk, source_id in rows if source_id not in existing]
    if not gone:
        return 0
    with transaction.atomic():
        for municipality_id in set(Text.objects.filter(pk__in=gone).values_list("municipality_id", flat=True)):
            public_picture_later(municipality_id=municipality_id, removed=True)
        return Text.objects.filter(pk__in=gone).delete()[0]
