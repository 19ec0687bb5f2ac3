"""What other residents do with a published initiative: support, join, follow, comment."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from zwerm.core.masking import public_copy
from zwerm.core.tasks import enqueue_on_commit
from zwerm.core.text import clean_text
from zwerm.sensing.services import text_ingest_later

from ..models import COMMENT_MAX, Comment, Follow, Initiative, Participation, Support
from ..tasks import comment_mask, comment_notify
from .checks import require_open, require_resident


def _bump(initiative: Initiative, field: str, delta: int) -> None:
    Initiative.objects.filter(pk=initiative.pk).update(**{field: F(field) + delta})
    initiative.refresh_from_db(fields=[field])


def initiative_support(*, initiative: Initiative, resident) -> Support:
    """Add the resident's support: once per resident, never for one's own initiative."""
    require_resident(user=resident, municipality=initiative.municipality)
    require_open(initiative)
    if initiative.author_id == resident.pk:
        raise ValidationError(_("Je kunt je eigen initiatief niet steunen."))
    try:
        with transaction.atomic():
            support = Support.objects.create(initiative=initiative, resident=resident)
            _bump(initiative, "support_count", 1)
    except IntegrityError:
        # The unique constraint is the real guard; two clicks at once end here too.
        raise ValidationError(_("Je steunt dit initiatief al.")) from None
    return support


def initiative_unsupport(*, initiative: Initiative, resident) -> None:
    with transaction.atomic():
        deleted, _rows = Support.objects.filter(initiative=initiative, resident=resident).delete()
        if not deleted:
            raise ValidationError(_("Je steunde dit initiatief nog niet."))
        _bump(initiative, "support_count", -1)


def initiative_join(*, initiative: Initiative, resident) -> Participation:
    """The resident wants to help make it happen; they follow it from then on."""
    require_resident(user=resident, municipality=initiative.municipality)
    require_open(initiative)
    try:
        with transaction.atomic():
            participation = Participation.objects.create(initiative=initiative, resident=resident)
            Follow.objects.get_or_create(initiative=initiative, user=resident)
    except IntegrityError:
        raise ValidationError(_("Je doet al mee met dit initiatief.")) from None
    return participation


def initiative_leave(*, initiative: Initiative, resident) -> None:
    deleted, _rows = Participation.objects.filter(initiative=initiative, resident=resident).delete()
    if not deleted:
        raise ValidationError(_("Je deed nog niet mee met dit initiatief."))


def initiative_follow(*, initiative: Initiative, user) -> Follow:
    """Follow an initiative to get an e-mail when its status changes or someone reacts."""
    require_resident(user=user, municipality=initiative.municipality)
    if not initiative.is_public:
        raise ValidationError(_("Je kunt alleen een openbaar initiatief volgen."))
    follow, created = Follow.objects.get_or_create(initiative=initiative, user=user)
    if not created:
        raise ValidationError(_("Je volgt dit initiatief al."))
    return follow


def initiative_unfollow(*, initiative: Initiative, user) -> None:
    Follow.objects.filter(initiative=initiative, user=user).delete()


def comment_create(*, initiative: Initiative, author, body: str, parent: Comment | None = None) -> Comment:
    """A reaction, or a reply to one (one level deep). Personal data is masked in the public text."""
    require_resident(user=author, municipality=initiative.municipality)
    require_open(initiative)
    body = clean_text(body, field_label=_("je reactie"), max_length=COMMENT_MAX)
    if parent is not None:
        if parent.initiative_id != initiative.pk:
            raise ValidationError(_("Je kunt alleen reageren op een reactie bij dit initiatief."))
        if parent.parent_id is not None:
            parent = parent.parent  # replies stay one level deep: answer the thread's first comment
        if parent.is_hidden:
            raise ValidationError(_("Deze reactie is verborgen; je kunt er niet op reageren."))
    public = public_copy(body)
    with transaction.atomic():
        comment = Comment.objects.create(
            municipality=initiative.municipality,
            initiative=initiative,
            author=author,
            parent=parent,
            body=body,
            public_body=public.texts[0],
            masked_kinds=public.kinds,
            masking_pending=public.pending,
        )
        _bump(initiative, "comment_count", 1)
        if public.pending:  # queued before the e-mails
            enqueue_on_commit(comment_mask, comment_id=comment.pk)
        enqueue_on_commit(comment_notify, comment_id=comment.pk)
        text_ingest_later(channel="comment", source_id=comment.pk, municipality_id=comment.municipality_id)
    return comment
