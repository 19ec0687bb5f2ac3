"""Background work for initiatives: e-mails after a status change, a reaction or a moderation step.

Tasks take ids, never objects, and are queued after commit (zwerm.core.tasks.enqueue_on_commit)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from zwerm.core.mail import send_mass_mail

from .models import Comment, ModerationAction, StatusChange


def _send(subject: str, template: str, context: dict, recipients) -> int:
    emails = {u.email for u in recipients if u.email}
    body = render_to_string(template, context)
    return send_mass_mail([(subject, body, None, [email]) for email in sorted(emails)])


@task()
def status_change_notify(status_change_id: int) -> int:
    """Tell the author and the followers the new status and the municipality's reason."""
    change = StatusChange.objects.select_related("initiative__author", "initiative__municipality").get(
        pk=status_change_id
    )
    initiative = change.initiative
    recipients = [initiative.author] + [f.user for f in initiative.followers.select_related("user")]
    recipients = [u for u in recipients if u.pk != change.actor_id]
    with translation.override("nl"):
        subject = _("Nieuwe status voor '%(title)s': %(status)s") % {
            "title": initiative.public_title,
            "status": change.get_to_status_display(),
        }
        return _send(
            subject, "initiatives/email/status_change.txt", {"change": change, "initiative": initiative}, recipients
        )


@task()
def comment_notify(comment_id: int) -> int:
    """Tell the initiative's author, its followers and the author of the comment replied to."""
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
        return _send(subject, "initiatives/email/moderation.txt", {"action": action}, [author])
