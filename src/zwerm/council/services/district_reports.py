"""District reports: what moves in a wijk, from sensing's public figures; frozen once sent to the council."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import DistrictReport
from ..reports.district import MAX_WEEKS, district_report_content
from .checks import require_report_writer
from .sending import report_mark_sent, report_require_unsent, report_update_unsent

DEFAULT_WEEKS = 12  # as on the sensing pages
FROZEN_MESSAGE = gettext_lazy(
    "Deze wijkrapportage is al naar de raad gestuurd en ligt vast. Maak een nieuwe wijkrapportage."
)


def _content(*, municipality, district, weeks: int) -> tuple[dict, datetime.date, datetime.date]:
    content = district_report_content(municipality=municipality, district=district, weeks=weeks)
    period = content["period"]
    start = datetime.datetime.fromisoformat(period["startDate"]).date()
    return content, start, datetime.datetime.fromisoformat(period["endDate"]).date()


def district_report_generate(*, municipality, actor, district=None, weeks: int = DEFAULT_WEEKS) -> DistrictReport:
    """A new district report for one wijk (or every wijk: district None) over the last `weeks` weeks, from
    sensing's figures as they are now. It is not sent yet."""
    require_report_writer(user=actor, municipality=municipality)
    if district is not None and district.municipality_id != municipality.pk:
        raise ValidationError({"district": _("Deze wijk hoort niet bij deze gemeente.")})
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError({"weeks": _("Kies een periode van 1 tot en met %(n)d weken.") % {"n": MAX_WEEKS}})
    content, start, end = _content(municipality=municipality, district=district, weeks=weeks)
    with transaction.atomic():
        return DistrictReport.objects.create(
            municipality=municipality,
            district=district,
            weeks=weeks,
            period_start=start,
            period_end=end,
            content=content,
            generated_by=actor,
        )


def district_report_refresh(*, report: DistrictReport, actor) -> DistrictReport:
    """Bring an unsent district report up to date: the same number of weeks, up to now. A sent one is refused."""
    require_report_writer(user=actor, municipality=report.municipality)
    report_require_unsent(report, frozen_message=FROZEN_MESSAGE)
    content, start, end = _content(municipality=report.municipality, district=report.district, weeks=report.weeks)
    report_update_unsent(
        report,
        frozen_message=FROZEN_MESSAGE,
        content=content,
        period_start=start,
        period_end=end,
        generated_at=timezone.now(),
        generated_by=actor,
    )
    report.refresh_from_db()
    return report


def district_report_send(*, report: DistrictReport, actor) -> DistrictReport:
    """Send the district report to the council: from now on it is frozen and kept as it is."""
    require_report_writer(user=actor, municipality=report.municipality)
    report_mark_sent(report, actor=actor, frozen_message=FROZEN_MESSAGE)
    return report
