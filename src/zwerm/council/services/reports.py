"""Progress reports: generated from the process record, frozen once sent to the council."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..models import Report
from ..reports.content import report_content
from .checks import require_process_manager
from .sending import report_mark_sent, report_require_unsent, report_update_unsent

FROZEN_MESSAGE = gettext_lazy("Deze rapportage is al naar de raad gestuurd en ligt vast. Maak een nieuwe rapportage.")


def report_generate(*, process, actor) -> Report:
    """A new report from the record as it is now; earlier reports stay as they were."""
    require_process_manager(user=actor, process=process)
    content = report_content(process=process)
    with transaction.atomic():
        return Report.objects.create(process=process, content=content, generated_by=actor)


def report_refresh(*, report: Report, actor) -> Report:
    """Bring a report that has not been sent up to date with the record; a sent report is refused."""
    require_process_manager(user=actor, process=report.process)
    report_require_unsent(report, frozen_message=FROZEN_MESSAGE)
    content = report_content(process=report.process)
    report_update_unsent(
        report, frozen_message=FROZEN_MESSAGE, content=content, generated_at=timezone.now(), generated_by=actor
    )
    report.refresh_from_db()
    return report


def report_send(*, report: Report, actor) -> Report:
    """Send the report to the council: from now on it is frozen and kept as it is."""
    require_process_manager(user=actor, process=report.process)
    report_mark_sent(report, actor=actor, frozen_message=FROZEN_MESSAGE)
    return report
