"""Adding, hiding, restoring and removing attachments (images and PDF documents).

Who may add an attachment to what is the target app's rule: it checks that, then calls `attachment_add`
(initiatives: the author while the initiative is submitted; budgets: the budget's managers). Moderators
hide and restore here, with a reason that is kept. Files are written before the row and removed after the
transaction that removed the row commits, so a row never names a missing file; a failed transaction leaves
at worst a file nobody names."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.models import Municipality
from zwerm.core.redaction import redact
from zwerm.core.text import clean_text
from zwerm.core.uploads import upload_scan

from .images import ImageRefused, is_pdf, make_safe_image
from .models import ALT_TEXT_MAX, REASON_MAX, Attachment, AttachmentModeration
from .registry import targets
from .selectors import attachment_list

PDF_CONTENT_TYPE = "application/pdf"


@dataclass(frozen=True)
class TargetRef:
    """What an attachment belongs to: a registered target kind and the id of the thing."""

    kind: str
    object_id: int


def attachment_storage() -> Storage:
    return storages["attachments"]


def _refusal(reason: str) -> str:
    return {
        ImageRefused.NOT_AN_IMAGE: _("Dit bestand is geen foto of afbeelding die we kunnen lezen."),
        ImageRefused.UNSUPPORTED: _("Gebruik een foto als JPEG, PNG of WebP."),
        ImageRefused.TOO_MANY_PIXELS: _("Deze afbeelding is te groot (te veel pixels). Maak hem kleiner."),
        ImageRefused.TOO_SMALL: _("Deze afbeelding is te klein om te tonen."),
    }[reason]


def _check_size(upload, limit: int) -> None:
    # The size the upload handler counted while the file arrived (not read again here).
    if upload.size is None or upload.size > limit:
        message = _("Het bestand is te groot: hoogstens %(size)s.") % {"size": filesizeformat(limit)}
        raise ValidationError({"file": ValidationError(message, code="too_large")})


def _scan(upload) -> None:
    # The virus scanner of ZWERM_VIRUS_SCANNER (zwerm.core.uploads), on the file as it came, before anything is
    # stored: a PDF is stored as it is, and an image's original is what was sent.
    try:
        upload_scan(file=upload)
    except ValidationError as error:
        raise ValidationError({"file": error}) from None


def _check_room(target: TargetRef, municipality: Municipality) -> None:
    if target.kind not in targets:
        raise ValueError(f"no attachment target {target.kind!r} registered")
    count = Attachment.objects.filter(
        municipality=municipality, target_kind=target.kind, target_id=target.object_id
    ).count()
    if count >= settings.ZWERM_ATTACHMENTS_PER_ITEM:
        message = _("Er kunnen hoogstens %(n)d bijlagen bij.") % {"n": settings.ZWERM_ATTACHMENTS_PER_ITEM}
        raise ValidationError({"file": ValidationError(message, code="full")})


def _clean_alt(alt_text: str, *, image: bool) -> str:
    label = _("de beschrijving van de foto") if image else _("de naam van het document")
    try:
        text = clean_text(alt_text, field_label=label, max_length=ALT_TEXT_MAX, single_line=True)
    except ValidationError as error:
        raise ValidationError({"alt_text": error.error_list}) from None
    # Public at once: phone numbers, e-mail and postal addresses (and names after "groet", "ik ben") masked.
    return redact(text).text


def _save(storage: Storage, municipality: Municipality, stem: str, suffix: str, data: bytes) -> str:
    return storage.save(f"{municipality.pk}/{stem}{suffix}", ContentFile(data))


def attachment_add(
    *,
    municipality: Municipality,
    target: TargetRef,
    uploader,
    upload,
    alt_text: str,
    field_names: Mapping[str, str] | None = None,
) -> Attachment:
    """Store an uploaded image (re-encoded, resized, without metadata) or PDF for `target`.

    The caller has checked that `uploader` may add to `target`. Refuses, with a message for the uploader:
    a file over the size limit, anything that is not a JPEG, PNG, WebP or PDF by its content, an image
    with too many pixels, a missing description, and more than ZWERM_ATTACHMENTS_PER_ITEM per target.
    Errors name the field they are about: "file" or "alt_text", or the caller's form field for each in
    `field_names` (e.g. {"file": "photo", "alt_text": "photo_alt"})."""
    try:
        return _store(municipality=municipality, target=target, uploader=uploader, upload=upload, alt_text=alt_text)
    except ValidationError as error:
        if field_names and hasattr(error, "error_dict"):
            raise ValidationError(
                {field_names.get(field, field): errors for field, errors in error.error_dict.items()}
            ) from None
        raise


def _store(*, municipality: Municipality, target: TargetRef, uploader, upload, alt_text: str) -> Attachment:
    _check_room(target, municipality)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    storage = attachment_storage()
    stem = uuid.uuid4().hex  # never the uploader's file name
    if is_pdf(head):
        _check_size(upload, settings.ZWERM_DOCUMENT_MAX_BYTES)
        _scan(upload)
        alt = _clean_alt(alt_text, image=False)
        row = Attachment(kind=Attachment.Kind.DOCUMENT, content_type=PDF_CONTENT_TYPE, size=upload.size)
        row.file_name = storage.save(f"{municipality.pk}/{stem}.pdf", upload)
    else:
        _check_size(upload, settings.ZWERM_IMAGE_MAX_BYTES)
        _scan(upload)
        alt = _clean_alt(alt_text, image=True)
        try:
            safe = make_safe_image(
                upload, max_side=settings.ZWERM_IMAGE_MAX_SIDE, max_pixels=settings.ZWERM_IMAGE_MAX_PIXELS
            )
        except ImageRefused as refused:
            raise ValidationError({"file": ValidationError(_refusal(refused.reason), code=refused.reason)}) from None
        row = Attachment(
            kind=Attachment.Kind.IMAGE,
            content_type=safe.full.content_type,
            size=len(safe.full.data),
            width=safe.full.width,
            height=safe.full.height,
            card_width=safe.card.width,
            card_height=safe.card.height,
        )
        row.file_name = _save(storage, municipality, stem, f".{safe.full.extension}", safe.full.data)
        row.card_name = _save(storage, municipality, stem, f"-kaart.{safe.card.extension}", safe.card.data)
    row.municipality = municipality
    row.target_kind, row.target_id = target.kind, target.object_id
    row.uploader = uploader
    row.alt_text = alt
    written = [name for name in (row.file_name, row.card_name) if name]
    try:
        with transaction.atomic():
            row.position = Attachment.objects.filter(
                municipality=municipality, target_kind=target.kind, target_id=target.object_id
            ).count()
            row.save()
    except Exception:
        for name in written:
            storage.delete(name)
        raise
    return row


def _delete_files_on_commit(names: list[str]) -> None:
    storage = attachment_storage()

    def delete() -> None:
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete)


def attachments_delete(*, rows) -> int:
    """Remove attachments and, once that commits, their files. For target apps (a removed photo, a
    withdrawn item) and for erasure; the caller has checked who may."""
    rows = list(rows)
    names = [name for row in rows for name in (row.file_name, row.card_name)]
    with transaction.atomic():
        deleted = Attachment.objects.filter(pk__in=[row.pk for row in rows]).delete()[1].get(Attachment._meta.label, 0)
        _delete_files_on_commit(names)
    return deleted


def attachments_remove(*, municipality: Municipality, target: TargetRef, attachment_ids) -> int:
    """Remove those of `target`'s attachments (hidden ones too) whose ids are given, and their files; an id of
    another target's attachment is ignored. The caller has checked who may."""
    wanted = {int(pk) for pk in attachment_ids}
    rows = [
        row
        for row in attachment_list(
            municipality=municipality, kind=target.kind, object_id=target.object_id, with_hidden=True
        )
        if row.pk in wanted
    ]
    return attachments_delete(rows=rows)


def attachment_alt_text_set(*, attachment: Attachment, alt_text: str) -> Attachment:
    """A new description for an image or document (the caller checked who may)."""
    attachment.alt_text = _clean_alt(alt_text, image=attachment.is_image)
    Attachment.objects.filter(pk=attachment.pk).update(alt_text=attachment.alt_text)
    return attachment


def _require_moderator(*, user, municipality) -> None:
    if not user_has_role(user=user, municipality=municipality, roles=(Role.MODERATOR, Role.ADMIN)):
        raise PermissionDenied(_("Alleen een moderator kan dit doen."))


def _moderate(*, moderator, attachment: Attachment, reason: str, hide: bool) -> AttachmentModeration:
    _require_moderator(user=moderator, municipality=attachment.municipality)
    reason = clean_text(reason, field_label=_("de reden"), max_length=REASON_MAX)
    with transaction.atomic():
        locked = Attachment.objects.select_for_update().get(pk=attachment.pk)
        if hide and locked.is_hidden:
            raise ValidationError(_("Deze bijlage is al verborgen."))
        if not hide and not locked.is_hidden:
            raise ValidationError(_("Deze bijlage is niet verborgen."))
        attachment.hidden_reason = reason if hide else ""
        Attachment.objects.filter(pk=locked.pk).update(hidden_reason=attachment.hidden_reason)
        return AttachmentModeration.objects.create(
            municipality=attachment.municipality,
            attachment=attachment,
            target_kind=attachment.target_kind,
            target_id=attachment.target_id,
            action=AttachmentModeration.Action.HIDE if hide else AttachmentModeration.Action.RESTORE,
            reason=reason,
            moderator=moderator,
        )


def attachment_hide(*, moderator, attachment: Attachment, reason: str) -> AttachmentModeration:
    """Take an image or document off the public pages; the reason is kept and shown to the uploader."""
    return _moderate(moderator=moderator, attachment=attachment, reason=reason, hide=True)


def attachment_restore(*, moderator, attachment: Attachment, reason: str) -> AttachmentModeration:
    return _moderate(moderator=moderator, attachment=attachment, reason=reason, hide=False)
