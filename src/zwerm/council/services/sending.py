"""What both kinds of report share once made: changes only until sent, and sending freezes them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import SentOnce


def report_require_unsent(report: SentOnce, *, frozen_message) -> None:
    if report.is_frozen:
        raise ValidationError(str(frozen_message))


def report_update_unsent(report: SentOnce, *, frozen_message, **fields) -> None:
    """Write `fields` to a report that is not sent yet. The row lock makes a send at the same moment either
    come first (and this is refused) or wait until this is written."""
    model = type(report)
    with transaction.atomic():
        if model.objects.select_for_update().get(pk=report.pk).sent_at is not None:
            raise ValidationError(str(frozen_message))
        model.objects.filter(pk=report.pk).update(**fields)


def report_mark_sent(report: SentOnce, *, actor, frozen_message) -> None:
    """Freeze the report: from now on it is kept as it is."""
    report_require_unsent(report, frozen_message=frozen_message)
    now = timezone.now()
    report_update_unsent(report, frozen_message=frozen_message, sent_at=now, sent_by=actor)
    report.sent_at, report.sent_by = now, actor
