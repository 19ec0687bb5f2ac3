"""Reads for yearly reports: all of them for staff, the sent (frozen) ones for everyone."""

from django.db.models import QuerySet

from ..models import YearlyReport


def yearly_report_list(*, municipality, sent_only: bool = True) -> QuerySet[YearlyReport]:
    qs = YearlyReport.objects.filter(municipality=municipality)
    if sent_only:
        qs = qs.filter(sent_at__isnull=False)
    return qs.order_by("-year")


def yearly_report_get(*, municipality, year: int, sent_only: bool = True) -> YearlyReport | None:
    return yearly_report_list(municipality=municipality, sent_only=sent_only).filter(year=year).first()
