"""Forgetting texts whose source was removed at its author's request (AVG erasure).

Texts in sensing are redacted and carry no author, so an anonymised contribution can stay; a removed
one must not live on here."""

from django.db import transaction

from ..models import Text


def text_forget(*, municipality_id: int, channel: str, source_ids) -> int:
    """Delete the sensing texts read from these sources; returns how many were deleted."""
    ids = [str(source_id) for source_id in source_ids]
    if not ids:
        return 0
    with transaction.atomic():
        deleted, _rows = Text.objects.filter(
            municipality_id=municipality_id, channel=channel, source_id__in=ids
        ).delete()
    return deleted
