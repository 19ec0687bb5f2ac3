"""The moderation queue: flags from residents, hiding with a reason the author sees, restoring."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.tasks import enqueue_on_commit
from zwerm.core.text import clean_text
from zwerm.sensing.services import text_ingest_later
from zwerm.sensing.services.personal_data import text_forget

from ..models import REASON_MAX, Comment, Flag, Initiative, MailDelivery, ModerationAction
from ..tasks import moderation_notify
from .checks import require_resident


def _require_moderator(*, user, municipality) -> None:
    if not user_has_role(user=user, municipality=municipality, roles=(Role.MODERATOR, Role.ADMIN)):
        raise PermissionDenied(_("Alleen een moderator kan dit doen."))


def flag_create(*, reporter, initiative: Initiative, reason: str, comment: Comment | None = None) -> Flag:
    """A resident reports an initiative or comment; a moderator will look at it."""
    require_resident(user=reporter, municipality=initiative.municipality)
    if comment is not None and comment.initiative_id != initiative.pk:
        raise ValidationError(_("Deze reactie hoort niet bij dit initiatief."))
    reason = clean_text(reason, field_label=_("de reden"), max_length=REASON_MAX)
    with transaction.atomic():
        if Flag.objects.filter(
            initiative=initiative, comment=comment, reporter=reporter, resolved_at__isnull=True
        ).exists():
            raise ValidationError(_("Je hebt dit al gemeld. Een moderator kijkt ernaar."))
        return Flag.objects.create(
            municipality=initiative.municipality,
            initiative=initiative,
            comment=comment,
            reporter=reporter,
            reason=reason,
        )


def _target(initiative: Initiative, comment: Comment | None):
    return comment if comment is not None else initiative


def _channel(comment: Comment | None) -> str:
    return "comment" if comment is not None else "initiative"


def moderation_hide(
    *, moderator, initiative: Initiative, reason: str, comment: Comment | None = None
) -> ModerationAction:
    """Hide an initiative or comment from the public; the author sees the reason."""
    _require_moderator(user=moderator, municipality=initiative.municipality)
    reason = clean_text(reason, field_label=_("de reden"), max_length=REASON_MAX)
    target = _target(initiative, comment)
    if target.is_hidden:
        raise ValidationError(_("Dit is al verborgen."))
    with transaction.atomic():
        type(target).objects.filter(pk=target.pk).update(hidden_reason=reason)
        target.hidden_reason = reason
        action = ModerationAction.objects.create(
            municipality=initiative.municipality,
            initiative=initiative,
            comment=comment,
            action=ModerationAction.Action.HIDE,
            reason=reason,
            moderator=moderator,
        )
        Flag.objects.filter(initiative=initiative, comment=comment, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
        MailDelivery.objects.create(moderation_action=action)  # the moderator sees whether the mail went out
        # A hidden text no longer counts in sensing's figures (the public picture changes at once).
        text_forget(municipality_id=initiative.municipality_id, channel=_channel(comment), source_ids=[target.pk])
        enqueue_on_commit(moderation_notify, action_id=action.pk)
    return action


def moderation_restore(
    *, moderator, initiative: Initiative, reason: str, comment: Comment | None = None
) -> ModerationAction:
    _require_moderator(user=moderator, municipality=initiative.municipality)
    reason = clean_text(reason, field_label=_("de reden"), max_length=REASON_MAX)
    target = _target(initiative, comment)
    if not target.is_hidden:
        raise ValidationError(_("Dit is niet verborgen."))
    with transaction.atomic():
        type(target).objects.filter(pk=target.pk).update(hidden_reason="")
        target.hidden_reason = ""
        action = ModerationAction.objects.create(
            municipality=initiative.municipality,
            initiative=initiative,
            comment=comment,
            action=ModerationAction.Action.RESTORE,
            reason=reason,
            moderator=moderator,
        )
        MailDelivery.objects.create(moderation_action=action)  # the moderator sees whether the mail went out
        text_ingest_later(channel=_channel(comment), source_id=target.pk, municipality_id=initiative.municipality_id)
        enqueue_on_commit(moderation_notify, action_id=action.pk)
    return action


def flag_dismiss(*, moderator, flag: Flag, reason: str) -> ModerationAction:
    """The moderator finds nothing wrong: the flags on that item leave the queue."""
    _require_moderator(user=moderator, municipality=flag.municipality)
    reason = clean_text(reason, field_label=_("de reden"), max_length=REASON_MAX)
    with transaction.atomic():
        Flag.objects.filter(initiative=flag.initiative, comment=flag.comment, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
        return ModerationAction.objects.create(
            municipality=flag.municipality,
            initiative=flag.initiative,
            comment=flag.comment,
            action=ModerationAction.Action.DISMISS,
            reason=reason,
            moderator=moderator,
        )
