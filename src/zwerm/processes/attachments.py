"""Photos and PDF documents with a process update (bericht): the process lead adds one while posting; they are
shown with the update wherever the process is visible (zwerm.attachments serves them after that check)."""

from django.urls import reverse

from zwerm.attachments.registry import Target
from zwerm.attachments.selectors import attachment_rows_for

from .models import Update

UPDATE_TARGET_KIND = "process_update"


def _visible(request, object_id: int) -> bool:
    from .selectors import process_is_visible

    update = (
        Update.objects.filter(pk=object_id, process__municipality=request.municipality)
        .select_related("process")
        .first()
    )
    return update is not None and process_is_visible(process=update.process, user=request.user)


def _url(object_id: int) -> str:
    update = Update.objects.select_related("process").get(pk=object_id)
    return reverse("processes:detail", args=[update.process.slug])


UPDATE_TARGET = Target(kind=UPDATE_TARGET_KIND, visible=_visible, url=_url, in_office=True)


def with_attachments(updates):
    """The updates, each with `.attachments_shown`: its visible attachments (one query for all)."""
    updates = list(updates)
    if not updates:
        return updates
    found = attachment_rows_for(
        municipality=updates[0].process.municipality, kind=UPDATE_TARGET_KIND, object_ids=[u.pk for u in updates]
    )
    for update in updates:
        update.attachments_shown = found.get(update.pk, [])
    return updates
