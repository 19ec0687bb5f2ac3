"""Reads for sensing, always scoped to one municipality. Public figures never show counts below 5."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list
from zwerm.sensing.engine.trends import week_label, week_start

from .models import MIN_PUBLIC, Alert, ApiToken, Refresh, ReportImport, Text, Theme, TrendPoint

SPARK_WEEKS = 12


@dataclass(frozen=True)
class Figure:
    """A count that is only published when at least MIN_PUBLIC texts stand behind it."""

    value: int

    @property
    def shown(self) -> bool:
        return self.value >= MIN_PUBLIC

    def __str__(self) -> str:
        return str(self.value) if self.shown else "minder dan 5"


def refresh_latest(*, municipality: Municipality) -> Refresh | None:
    return Refresh.objects.filter(municipality=municipality).defer("model").order_by("-created_at", "-pk").first()


def week_axis(*, municipality: Municipality, weeks: int = SPARK_WEEKS) -> list[str]:
    """The last `weeks` ISO weeks up to the newest week with data (or this week)."""
    newest = Text.objects.filter(municipality=municipality, occurred_at__isnull=False).order_by("-occurred_at").first()
    end = week_start(timezone.localtime(newest.occurred_at) if newest else timezone.localtime())
    return [week_label(end - timedelta(weeks=weeks - 1 - i)) for i in range(weeks)]


def theme_list(*, municipality: Municipality, active: bool = True) -> QuerySet[Theme]:
    qs = Theme.objects.filter(municipality=municipality)
    return qs.filter(active=True) if active else qs


def theme_get(*, municipality: Municipality, pk) -> Theme | None:
    return Theme.objects.filter(municipality=municipality, pk=pk).first()


def theme_series(*, municipality: Municipality, weeks: list[str], district=None) -> dict[int, list[int]]:
    """Theme pk -> weekly counts over `weeks`, all areas (district None) or one wijk."""
    points = TrendPoint.objects.filter(municipality=municipality, period__in=weeks, district=district)
    index = {w: i for i, w in enumerate(weeks)}
    out: dict[int, list[int]] = {}
    for theme_id, period, count in points.values_list("theme_id", "period", "count"):
        out.setdefault(theme_id, [0] * len(weeks))[index[period]] = count
    return out


def theme_overview(*, municipality: Municipality, weeks: list[str]) -> list[dict]:
    series = theme_series(municipality=municipality, weeks=weeks)
    alerts = dict(
        Alert.objects.filter(municipality=municipality, period__in=weeks[-4:])
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    )
    return [
        {"theme": t, "series": series.get(t.pk, [0] * len(weeks)), "recent_alerts": alerts.get(t.pk, 0)}
        for t in theme_list(municipality=municipality)
    ]


def district_grid(*, municipality: Municipality, themes: list[Theme], since=None) -> list[dict]:
    """Per wijk: texts per theme (columns in the order of `themes`) and in total."""
    qs = Text.objects.filter(municipality=municipality, district__isnull=False)
    if since is not None:
        qs = qs.filter(occurred_at__gte=since)
    counts: dict[tuple[int, int | None], int] = {}
    for district_id, theme_id, n in qs.values_list("district_id", "theme_id").annotate(n=Count("pk")).order_by():
        counts[(district_id, theme_id)] = n
    rows = []
    for district in district_list(municipality=municipality):
        cells = [counts.get((district.pk, t.pk), 0) for t in themes]
        total = sum(n for (d, _t), n in counts.items() if d == district.pk)
        rows.append({"district": district, "cells": cells, "total": total})
    return rows


def alert_list(*, municipality: Municipality) -> QuerySet[Alert]:
    return Alert.objects.filter(municipality=municipality).select_related("theme", "district")


def text_list(
    *, municipality: Municipality, theme: Theme | None = None, district=None, channel: str = ""
) -> QuerySet[Text]:
    qs = Text.objects.filter(municipality=municipality).select_related("theme", "neighbourhood", "district")
    if theme is not None:
        qs = qs.filter(theme=theme)
    if district is not None:
        qs = qs.filter(district=district)
    if channel:
        qs = qs.filter(channel=channel)
    return qs.order_by("-occurred_at", "-pk")


def channel_counts(*, municipality: Municipality) -> list[tuple[str, int]]:
    return list(
        Text.objects.filter(municipality=municipality)
        .values_list("channel")
        .annotate(n=Count("pk"))
        .order_by("channel")
    )


def trend_rows(*, municipality: Municipality) -> QuerySet[TrendPoint]:
    """Every stored trend point, for the CSV export."""
    return (
        TrendPoint.objects.filter(municipality=municipality)
        .select_related("theme", "district")
        .order_by("theme__key", "district__code", "period")
    )


def import_list(*, municipality: Municipality) -> QuerySet[ReportImport]:
    return ReportImport.objects.filter(municipality=municipality)


def import_get(*, municipality: Municipality, pk) -> ReportImport | None:
    return ReportImport.objects.filter(municipality=municipality, pk=pk).first()


def token_list(*, municipality: Municipality) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(municipality=municipality, revoked_at__isnull=True)


def public_overview(*, municipality: Municipality, weeks: int = SPARK_WEEKS) -> dict:
    """Aggregated figures only: themes and wijken with at least MIN_PUBLIC texts in the last `weeks` weeks."""
    since = timezone.now() - timedelta(weeks=weeks)
    recent = Text.objects.filter(municipality=municipality, occurred_at__gte=since)
    by_theme = dict(
        recent.filter(theme__active=True)
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("theme_id", "n")
    )
    themes = [
        {"theme": t, "count": Figure(by_theme.get(t.pk, 0))}
        for t in theme_list(municipality=municipality)
        if by_theme.get(t.pk, 0) >= MIN_PUBLIC
    ]
    themes.sort(key=lambda row: -row["count"].value)
    by_district = dict(
        recent.filter(district__isnull=False)
        .values_list("district_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("district_id", "n")
    )
    districts = [
        {"district": d, "count": Figure(by_district.get(d.pk, 0))} for d in district_list(municipality=municipality)
    ]
    total = recent.count()
    return {
        "themes": themes,
        "districts": districts,
        "total": Figure(total),
        "weeks": weeks,
        "hidden_districts": sum(1 for row in districts if not row["count"].shown),
        "spikes": alert_list(municipality=municipality).filter(
            Q(count__gte=MIN_PUBLIC), kind__in=["spike", "emerging"]
        )[:5],
    }


def text_facts(*, municipality: Municipality) -> QuerySet:
    """Per text with an active theme and a time: (pk, channel, source_id, theme_id, district_id, occurred_at,
    updated_at) as tuples, no text. For aggregated open data, which counts people, never shows texts."""
    return (
        Text.objects.filter(municipality=municipality, theme__active=True, occurred_at__isnull=False)
        .order_by()
        .values_list("pk", "channel", "source_id", "theme_id", "district_id", "occurred_at", "updated_at")
    )
