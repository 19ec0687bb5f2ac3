"""Reading attachments: those of one target, the first image of many (cards), and one to serve."""

from __future__ import annotations

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from .models import Attachment, AttachmentModeration


def attachment_list(*, municipality: Municipality, kind: str, object_id: int, with_hidden: bool = False) -> list:
    """The attachments of one target in their order; hidden ones only `with_hidden` (moderators, uploader)."""
    qs = Attachment.objects.filter(municipality=municipality, target_kind=kind, target_id=object_id)
    if not with_hidden:
        qs = qs.filter(hidden_reason="")
    return list(qs)


def first_images(*, municipality: Municipality, kind: str, object_ids) -> dict[int, Attachment]:
    """For cards: per target id its first visible image (one query for a whole page of cards)."""
    ids = list(object_ids)
    if not ids:
        return {}
    out: dict[int, Attachment] = {}
    rows = Attachment.objects.filter(
        municipality=municipality, target_kind=kind, target_id__in=ids, kind=Attachment.Kind.IMAGE, hidden_reason=""
    ).order_by("target_id", "position", "pk")
    for row in rows:
        out.setdefault(row.target_id, row)
    return out


def attachment_get(*, municipality: Municipality, pk: int) -> Attachment | None:
    return Attachment.objects.filter(municipality=municipality, pk=pk).first()


def hidden_attachments(*, municipality: Municipality) -> QuerySet[Attachment]:
    """Hidden attachments, for the moderation page (newest first)."""
    return Attachment.objects.filter(municipality=municipality).exclude(hidden_reason="").order_by("-pk")


def attachment_moderation_history(*, attachment: Attachment) -> QuerySet[AttachmentModeration]:
    return AttachmentModeration.objects.filter(attachment=attachment).order_by("created_at", "pk")


def public_image_urls(*, municipality: Municipality, kind: str, object_ids) -> dict[int, list[dict]]:
    """For the API and open data: per target id its visible images (path and alternative text)."""
    out: dict[int, list[dict]] = {}
    rows = Attachment.objects.filter(
        municipality=municipality,
        target_kind=kind,
        target_id__in=list(object_ids),
        kind=Attachment.Kind.IMAGE,
        hidden_reason="",
    ).order_by("target_id", "position", "pk")
    for row in rows:
        out.setdefault(row.target_id, []).append({"url": row.get_absolute_url(), "alt": row.alt_text})
    return out


def attachment_rows_for(*, municipality: Municipality, kind: str, object_ids) -> dict[int, list[Attachment]]:
    """Per target id its visible attachments in order (one query for a page of targets)."""
    out: dict[int, list[Attachment]] = {}
    rows = Attachment.objects.filter(
        municipality=municipality, target_kind=kind, target_id__in=list(object_ids), hidden_reason=""
    ).order_by("target_id", "position", "pk")
    for row in rows:
        out.setdefault(row.target_id, []).append(row)
    return out
