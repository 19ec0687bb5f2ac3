"""Background work for initiatives: e-mails after a status change, a reaction or a moderation step.

Tasks take ids, never objects, and are queued after commit (zwerm.core.tasks.enqueue_on_commit)."""

import logging

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from zwerm.core.mail import send_mass_mail

from .masking import comment_mask_public, initiative_mask_public
from .models import Comment, MailDelivery, ModerationAction, StatusChange

logger = logging.getLogger(__name__)


@task()
def initiative_mask(initiative_id: int) -> bool:
    """Mask the initiative's public text (names included); it shows as "wordt gecontroleerd" until then."""
    return initiative_mask_public(initiative_id=initiative_id)


@task()
def comment_mask(comment_id: int) -> bool:
    """Mask a comment's public text (names included); it shows as "wordt gecontroleerd" until then."""
    return comment_mask_public(comment_id=comment_id)


def _send(subject: str, template: str, context: dict, recipients) -> int:
    emails = {u.email for u in recipients if u.email}
    body = render_to_string(template, context)
    return send_mass_mail([(subject, body, None, [email]) for email in sorted(emails)])


def _delivered(deliveries, send) -> int:
    """Send, and write the outcome where the staff member who made the change sees it. A failing mail server
    marks the delivery failed (and the task fails, so that the operator sees it too)."""
    try:
        sent = send()
    except Exception:
        deliveries.update(state=MailDelivery.State.FAILED)
        logger.exception("e-mail after a staff step could not be sent")
        raise
    deliveries.update(state=MailDelivery.State.SENT if sent else MailDelivery.State.NOBODY)
    return sent


@task()
def status_change_notify(status_change_id: int) -> int:
    """Tell the author and the followers the new status and the municipality's reason."""
    change = StatusChange.objects.select_related("initiative__author", "initiative__municipality").get(
        pk=status_change_id
    )
    initiative = change.initiative
    if initiative.masking_pending:  # workers may take tasks in any order: never mail an unmasked title
        initiative_mask_public(initiative_id=initiative.pk)
        initiative.refresh_from_db()
    recipients = [initiative.author] + [f.user for f in initiative.followers.select_related("user")]
    recipients = [u for u in recipients if u.pk != change.actor_id]
    with translation.override("nl"):
        subject = _("Nieuwe status voor '%(title)s': %(status)s") % {
            "title": initiative.public_title,
            "status": change.get_to_status_display(),
        }
        return _delivered(
            MailDelivery.objects.filter(status_change=change),
            lambda: _send(
                subject, "initiatives/email/status_change.txt", {"change": change, "initiative": initiative}, recipients
            ),
        )


@task()
def comment_notify(comment_id: int) -> int:
    """Tell the initiative's author, its followers and the author of the comment replied to."""
    if Comment.objects.filter(pk=comment_id, masking_pending=True).exists():
        comment_mask_public(comment_id=comment_id)  # workers may take tasks in any order
    comment = Comment.objects.select_related("initiative__author", "parent__author", "author").get(pk=comment_id)
    followers = [f.user for f in comment.initiative.followers.select_related("user")]
    recipients = [comment.initiative.author, *followers] + ([comment.parent.author] if comment.parent else [])
    recipients = [u for u in recipients if u.pk != comment.author_id]
    with translation.override("nl"):
        subject = _("Nieuwe reactie bij '%(title)s'") % {"title": comment.initiative.public_title}
        return _send(subject, "initiatives/email/comment.txt", {"comment": comment}, recipients)


@task()
def moderation_notify(action_id: int) -> int:
    """Tell the author why their initiative or comment was hidden or restored."""
    action = ModerationAction.objects.select_related("initiative__author", "comment__author").get(pk=action_id)
    author = action.comment.author if action.comment else action.initiative.author
    with translation.override("nl"):
        subject = _("Een moderator heeft je bijdrage bekeken")
        return _delivered(
            MailDelivery.objects.filter(moderation_action=action),
            lambda: _send(subject, "initiatives/email/moderation.txt", {"action": action}, [author]),
        )
