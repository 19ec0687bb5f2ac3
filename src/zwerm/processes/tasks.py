"""Background work for processes: e-mails about updates and advice, and the weekly digest.

Tasks take ids, never objects, and are queued after commit (zwerm.core.tasks.enqueue_on_commit)."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from zwerm.core.mail import send_mass_mail

from .models import Advice, AdviceRequest, Placement, ProcessFollow, Update
from .registry import components


def _absolute(process, path: str) -> str:
    host = process.municipality.hosts.order_by("pk").values_list("hostname", flat=True).first()
    return f"https://{host}{path}" if host else path


def _participant_ids(process) -> set[int]:
    """Users who took part in the process's components (for types that can tell)."""
    ids: set[int] = set()
    for placement in Placement.objects.filter(process=process):
        if placement.kind in components:
            participant_ids = getattr(components.get(placement.kind), "participant_ids", None)
            if participant_ids is not None:
                ids.update(participant_ids(placement))
    return ids


@task()
def update_notify(update_id: int) -> int:
    """E-mail an update right away to followers who did not choose the weekly digest, and to the
    residents who took part in the process's components; digest followers get it in their digest."""
    update = Update.objects.select_related("process__municipality").get(pk=update_id)
    process = update.process
    follows = ProcessFollow.objects.filter(process=process)
    digest_ids = set(follows.filter(digest=True).values_list("user_id", flat=True))
    user_ids = set(follows.filter(digest=False).values_list("user_id", flat=True)) | _participant_ids(process)
    user_ids -= digest_ids | {update.author_id}
    emails = sorted({e for e in get_user_model().objects.filter(pk__in=user_ids).values_list("email", flat=True) if e})
    if not emails:
        return 0
    with translation.override("nl"):
        subject = _("Nieuws over '%(title)s': %(update)s") % {"title": process.title, "update": update.title}
        body = render_to_string(
            "processes/email/update.txt",
            {"update": update, "process": process, "url": _absolute(process, process.get_absolute_url())},
        )
    return send_mass_mail([(subject, body, None, [email]) for email in emails])


@task()
def process_digest_send(municipality_id: int | None = None) -> int:
    """One e-mail per follower who chose the digest, with every update since their last digest."""
    follows = ProcessFollow.objects.filter(digest=True).select_related("user", "process__municipality")
    if municipality_id is not None:
        follows = follows.filter(process__municipality_id=municipality_id)
    now = timezone.now()
    per_user = defaultdict(list)
    for follow in follows:
        since = follow.last_digest_at or follow.created_at
        updates = list(Update.objects.filter(process=follow.process, created_at__gt=since).order_by("created_at"))
        if updates:
            per_user[follow.user].append((follow, updates))
    messages = []
    with translation.override("nl"):
        for user, items in per_user.items():
            if not user.email:
                continue
            subject = _("Weekoverzicht van de trajecten die je volgt")
            body = render_to_string(
                "processes/email/digest.txt",
                {
                    "items": [
                        {
                            "process": f.process,
                            "updates": ups,
                            "url": _absolute(f.process, f.process.get_absolute_url()),
                        }
                        for f, ups in items
                    ]
                },
            )
            messages.append((subject, body, None, [user.email]))
    sent = send_mass_mail(messages) if messages else 0
    with transaction.atomic():
        ProcessFollow.objects.filter(pk__in=[f.pk for items in per_user.values() for f, _u in items]).update(
            last_digest_at=now
        )
    return sent


@task()
def advice_request_notify(advice_request_id: int) -> int:
    """Tell the specialist a question is waiting for their advice."""
    request = AdviceRequest.objects.select_related("process__municipality", "specialist").get(pk=advice_request_id)
    if not request.specialist.email:
        return 0
    with translation.override("nl"):
        subject = _("Adviesaanvraag voor '%(title)s'") % {"title": request.process.title}
        body = render_to_string(
            "processes/email/advice_request.txt",
            {"request": request, "url": _absolute(request.process, reverse("processes:my_advice"))},
        )
    return send_mass_mail([(subject, body, None, [request.specialist.email])])


@task()
def advice_given_notify(advice_id: int) -> int:
    """Tell the one who asked that the advice is in."""
    advice = Advice.objects.select_related("request__process__municipality", "request__requested_by").get(pk=advice_id)
    asker = advice.request.requested_by
    if not asker.email or asker.pk == advice.author_id:
        return 0
    with translation.override("nl"):
        subject = _("Advies ontvangen voor '%(title)s'") % {"title": advice.request.process.title}
        body = render_to_string("processes/email/advice_given.txt", {"advice": advice})
    return send_mass_mail([(subject, body, None, [asker.email])])
