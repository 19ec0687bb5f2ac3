"""Updates to followers ("closing the loop"), and following a process with or without a weekly digest."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zwerm.accounts.selectors import user_roles
from zwerm.attachments.services import TargetRef, attachment_add
from zwerm.core.tasks import enqueue_on_commit

from ..attachments import UPDATE_TARGET_KIND
from ..models import TEXT_MAX, Process, ProcessFollow, Update
from ..tasks import update_notify
from .checks import cleaned, require_manager


def update_post(*, process: Process, actor, title: str, body: str, attachment=None, attachment_alt: str = "") -> Update:
    """Post news; followers without a digest get an e-mail right away, the others in their weekly digest.
    `attachment`: a photo or PDF with its description (`attachment_alt`), checked and made safe by
    zwerm.attachments (virus scanner included); a refusal names the field and nothing is posted."""
    require_manager(process=process, user=actor)
    if process.status == Process.Status.DRAFT:
        raise ValidationError(_("Open het traject eerst; een bericht is voor volgers en deelnemers."))
    values = cleaned((("title", _("de titel"), title, 200, True), ("body", _("het bericht"), body, TEXT_MAX, True)))
    with transaction.atomic():
        update = Update.objects.create(process=process, author=actor, **values)
        if attachment is not None:
            _attach(update=update, actor=actor, upload=attachment, alt_text=attachment_alt)
        enqueue_on_commit(update_notify, update_id=update.pk)
    return update


def _attach(*, update: Update, actor, upload, alt_text: str) -> None:
    attachment_add(
        municipality=update.process.municipality,
        target=TargetRef(UPDATE_TARGET_KIND, update.pk),
        uploader=actor,
        upload=upload,
        alt_text=alt_text,
        field_names={"file": "attachment", "alt_text": "attachment_alt"},
    )


def process_follow(*, process: Process, user, digest: bool = False) -> ProcessFollow:
    """Follow a public process; `digest` collects updates in one e-mail a week. Following again
    changes the digest choice."""
    municipality = process.municipality
    # Residents, council members and staff of this municipality may follow; anyone else is not known here.
    if not (user.is_authenticated and user_roles(user=user, municipality=municipality)):
        raise PermissionDenied(_("Meld je aan bij %(name)s om dit traject te volgen.") % {"name": municipality.name})
    if process.status == Process.Status.DRAFT:
        raise ValidationError(_("Je kunt alleen een openbaar traject volgen."))
    try:
        with transaction.atomic():
            follow, created = ProcessFollow.objects.get_or_create(
                process=process, user=user, defaults={"digest": digest}
            )
            if not created and follow.digest != digest:
                follow.digest = digest
                follow.save(update_fields=["digest"])
    except IntegrityError:
        follow = ProcessFollow.objects.get(process=process, user=user)
    return follow


def process_unfollow(*, process: Process, user) -> None:
    deleted, _rows = ProcessFollow.objects.filter(process=process, user=user).delete()
    if not deleted:
        raise ValidationError(_("Je volgde dit traject nog niet."))
