"""Reads for the privacy retention run: closed processes whose retention period has passed."""

import calendar
from datetime import datetime

from ..models import Process


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the last day of the month where that day does not exist)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def process_list_retention_due(*, now: datetime) -> list[Process]:
    """Closed processes (every municipality) whose "remove personal data N months after closing" has come."""
    closed = Process.objects.filter(
        status=Process.Status.CLOSED, retention_months__isnull=False, closed_at__isnull=False
    ).select_related("municipality")
    return [p for p in closed.order_by("municipality_id", "pk") if add_months(p.closed_at, p.retention_months) <= now]
