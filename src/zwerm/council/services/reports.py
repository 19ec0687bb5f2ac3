"""Progress reports: generated from the process record, frozen once sent to the council."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..models import Report
from ..reports.content import report_content
from .checks import require_process_manager

FROZEN_MESSAGE = gettext_lazy("Deze rapportage is al naar de raad gestuurd en ligt vast. Maak een nieuwe rapportage.")


def report_generate(*, process, actor) -> Report:
    """A new report from the record as it is now; earlier reports stay as they were."""
    require_process_manager(user=actor, process=process)
    content = report_content(process=process)
    with transaction.atomic():
        return Report.objects.create(process=process, content=content, generated_by=actor)


def _lock_unsent(report: Report) -> Report:
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.sent_at is not None:
        raise ValidationError(str(FROZEN_MESSAGE))
    return locked


def report_refresh(*, report: Report, actor) -> Report:
    """Bring a report that has not been sent up to date with the record; a sent report is refused."""
    require_process_manager(user=actor, process=report.process)
    if report.is_frozen:
        raise ValidationError(str(FROZEN_MESSAGE))
    content = report_content(process=report.process)
    with transaction.atomic():
        _lock_unsent(report)
        Report.objects.filter(pk=report.pk).update(content=content, generated_at=timezone.now(), generated_by=actor)
    report.refresh_from_db()
    return report


def report_send(*, report: Report, actor) -> Report:
    """Send the report to the council: from now on it is frozen and kept as it is."""
    require_process_manager(user=actor, process=report.process)
    if report.is_frozen:
        raise ValidationError(str(FROZEN_MESSAGE))
    with transaction.atomic():
        _lock_unsent(report)
        now = timezone.now()
        Report.objects.filter(pk=report.pk).update(sent_at=now, sent_by=actor)
    report.sent_at, report.sent_by = now, actor
    return report
