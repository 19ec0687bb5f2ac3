"""Reads for sensing, always scoped to one municipality.

Public figures count people, not texts (see people.py), and never show a figure about fewer than 5
people. Text counts (`cells`, `total` of `district_grid`, `theme_series`, alerts' `count`) are for staff
pages only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from zwerm.core import disclosure
from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list
from zwerm.sensing.engine.trends import week_label, week_start

from .models import Alert, ApiToken, Refresh, ReportImport, Text, Theme, TrendPoint
from .people import Tally, person_channels, person_keys
from .wording import forecast_why

SPARK_WEEKS = 12
SPIKES_SHOWN = 5  # how many recent spikes the public page lists (a length, not a threshold)
PUBLIC_ALERT_KINDS = (Alert.Kind.SPIKE, Alert.Kind.EMERGING)


# A number of people published only from the disclosure threshold on: core.disclosure's, the one rule.
Figure = disclosure.PeopleCount


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


@dataclass(frozen=True)
class StaffPeople:
    """People behind staff figures over some weeks (`Tally.staff_people`), with their texts beside."""

    weekly: dict[tuple[int | None, int | None], list[Tally]]  # (theme, wijk or None for all) -> per week
    total: dict[tuple[int | None, int | None], Tally]  # (theme or None for all, wijk or None) -> the weeks

    def series(self, theme_id: int, district_id: int | None = None) -> list[int]:
        return [t.staff_people for t in self.weekly.get((theme_id, district_id), [])]

    def people(self, theme_id: int | None, district_id: int | None = None) -> int:
        return self.total.get((theme_id, district_id), Tally()).staff_people

    def texts(self, theme_id: int | None, district_id: int | None = None) -> int:
        return self.total.get((theme_id, district_id), Tally()).texts


def staff_people(*, municipality: Municipality, weeks: list[str], theme: Theme | None = None) -> StaffPeople:
    """The people who wrote, per theme x wijk (and all wijken) x week over `weeks` (ISO weeks, oldest
    first), for staff pages: texts of every channel, a known person once per figure."""
    qs = Text.objects.filter(municipality=municipality, occurred_at__gte=_week_monday(weeks[0])) if weeks else None
    if qs is None:
        return StaffPeople({}, {})
    if theme is not None:
        qs = qs.filter(theme=theme)
    facts = _facts(qs)
    people = text_person_keys(municipality=municipality, facts=facts)
    index = {w: i for i, w in enumerate(weeks)}
    weekly: dict[tuple[int | None, int | None], list[Tally]] = {}
    total: dict[tuple[int | None, int | None], Tally] = defaultdict(Tally)
    for pk, _channel, _source, theme_id, district_id, at in facts:
        i = index.get(_week_of(at))
        if i is None:
            continue
        person = people.get(pk)
        for key in {(theme_id, None), (theme_id, district_id), (None, district_id), (None, None)}:
            total[key].add(person)
        for key in {(theme_id, None), (theme_id, district_id)}:
            weekly.setdefault(key, [Tally() for _w in weeks])[i].add(person)
    return StaffPeople(weekly, dict(total))


def alert_people(*, municipality: Municipality, alerts) -> list[Alert]:
    """`alerts` (a list, for staff), each with `people`: who wrote its texts in its theme, wijk (or all
    wijken) and week, counted as `Tally.staff_people`."""
    alerts = list(alerts)
    if not alerts:
        return alerts
    first = min(_week_monday(a.period) for a in alerts)
    wanted = {a.theme_id for a in alerts}
    facts = _facts(Text.objects.filter(municipality=municipality, theme_id__in=wanted, occurred_at__gte=first))
    people = text_person_keys(municipality=municipality, facts=facts)
    cells: dict[tuple, Tally] = defaultdict(Tally)
    for pk, _channel, _source, theme_id, district_id, at in facts:
        week, person = _week_of(at), people.get(pk)
        cells[(theme_id, None, week)].add(person)
        if district_id is not None:
            cells[(theme_id, district_id, week)].add(person)
    for alert in alerts:
        alert.people = cells.get((alert.theme_id, alert.district_id, alert.period), Tally()).staff_people
    return alerts


def theme_overview(*, municipality: Municipality, weeks: list[str], counted: StaffPeople | None = None) -> list[dict]:
    """Per active theme: weekly text counts (`series`), recent alerts, and the people behind it
    (`people` over the weeks, `people_series` per week, `texts` beside), for the staff dashboard."""
    series = theme_series(municipality=municipality, weeks=weeks)
    counted = counted or staff_people(municipality=municipality, weeks=weeks)
    alerts = dict(
        Alert.objects.filter(municipality=municipality, period__in=weeks[-4:])
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    )
    return [
        {
            "theme": t,
            "series": series.get(t.pk, [0] * len(weeks)),
            "recent_alerts": alerts.get(t.pk, 0),
            "people": counted.people(t.pk),
            "people_series": counted.series(t.pk) or [0] * len(weeks),
            "texts": counted.texts(t.pk),
        }
        for t in theme_list(municipality=municipality)
    ]


def _facts(texts: QuerySet[Text]) -> list[tuple]:
    """(pk, channel, source_id, theme_id, district_id, occurred_at) per text: no text, no person."""
    return list(texts.order_by().values_list("pk", "channel", "source_id", "theme_id", "district_id", "occurred_at"))


def _public_texts(municipality: Municipality) -> QuerySet[Text]:
    """The texts public figures are counted from: those of channels with people (see people.py: the
    others cannot change whether a figure shows, nor what it shows)."""
    return Text.objects.filter(municipality=municipality, channel__in=person_channels())


def text_person_keys(*, municipality: Municipality, facts) -> dict[int, str]:
    """Text pk -> a key for its person, for rows that start with (pk, channel, source_id, ...) and whose
    person is known. Never published: only for counting people (add each text to a `Tally`)."""
    return person_keys(municipality=municipality, texts=((row[0], row[1], row[2]) for row in facts))


RISE_RATIO = 1.25  # a theme is "coming up" when its next 4 weeks are expected this much above the last 4
RISE_MIN = 3.0  # ... and at least this many texts a week are expected


def coming_up(*, municipality: Municipality, weeks: int = 4) -> list[dict]:
    """Active themes expected to rise in the coming `weeks` weeks (stored by the last refresh): the
    expected weekly mean at least RISE_RATIO times (and 2 more than) the mean of the last 4 weeks, most
    rise first. Each row: theme, forecast (as stored), expected (mean), recent (mean), peak (week row), why
    (in words, in the active language)."""
    rows = []
    for theme in theme_list(municipality=municipality):
        forecast = theme.forecast or {}
        coming = (forecast.get("weeks") or [])[:weeks]
        if not coming:
            continue
        expected = sum(r["expected"] for r in coming) / len(coming)
        recent = float(forecast.get("recent") or 0.0)
        if expected >= RISE_MIN and expected >= RISE_RATIO * recent and expected >= recent + 2:
            peak = max(coming, key=lambda r: r["expected"])
            rows.append(
                {
                    "theme": theme,
                    "forecast": forecast,
                    "expected": expected,
                    "recent": recent,
                    "peak": peak,
                    "why": forecast_why(forecast),
                }
            )
    rows.sort(key=lambda row: -(row["expected"] - row["recent"]))
    return rows


def theme_area_forecasts(*, municipality: Municipality, theme: Theme, weeks: int = 4) -> list[dict]:
    """Per wijk with its own forecast for `theme` (stored by the last refresh; wijken with few texts have none):
    the wijk, the stored forecast, its coming `weeks` week rows and the expected weekly mean over them, busiest
    wijk first. Texts, not people: for staff only."""
    areas = (theme.forecast or {}).get("areas") or {}
    rows = []
    for district in district_list(municipality=municipality):
        forecast = areas.get(district.code)
        coming = (forecast or {}).get("weeks", [])[:weeks]
        if coming:
            expected = sum(r["expected"] for r in coming) / len(coming)
            rows.append({"district": district, "forecast": forecast, "coming": coming, "expected": expected})
    rows.sort(key=lambda row: (-row["expected"], row["district"].name))
    return rows


def district_grid(*, municipality: Municipality, themes: list[Theme], since=None) -> list[dict]:
    """Per wijk: texts per theme (`cells`, columns in the order of `themes`) and in all (`total`), for staff;
    and the people behind them as Figures (`people`, `people_total`), the only figures to publish."""
    texts = Text.objects.filter(municipality=municipality, district__isnull=False)
    public = _public_texts(municipality).filter(district__isnull=False)
    if since is not None:
        texts, public = texts.filter(occurred_at__gte=since), public.filter(occurred_at__gte=since)
    counts: dict[tuple[int, int | None], int] = {}
    for district_id, theme_id, n in texts.values_list("district_id", "theme_id").annotate(n=Count("pk")).order_by():
        counts[(district_id, theme_id)] = n
    facts = _facts(public)
    people = text_person_keys(municipality=municipality, facts=facts)
    cells: dict[tuple[int, int | None], Tally] = defaultdict(Tally)
    totals: dict[int, Tally] = defaultdict(Tally)
    for pk, _channel, _source, theme_id, district_id, _at in facts:
        cells[(district_id, theme_id)].add(people.get(pk))
        totals[district_id].add(people.get(pk))
    rows = []
    for district in district_list(municipality=municipality):
        rows.append(
            {
                "district": district,
                "cells": [counts.get((district.pk, t.pk), 0) for t in themes],
                "total": sum(n for (d, _t), n in counts.items() if d == district.pk),
                "people": [Figure(cells.get((district.pk, t.pk), Tally()).people) for t in themes],
                "people_total": Figure(totals.get(district.pk, Tally()).people),
            }
        )
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


def _week_of(moment) -> str:
    return week_label(week_start(timezone.localtime(moment)))


def _week_monday(label: str) -> datetime:
    year, week = (int(part) for part in label.split("-W"))
    return timezone.make_aware(datetime.combine(date.fromisocalendar(year, week, 1), time.min))


def _public_alerts(municipality, facts, people: dict[int, str], *, weeks, kinds, limit: int | None) -> list[Alert]:
    """The newest alerts of `kinds` in `weeks` with at least the disclosure threshold of people behind them
    (their theme, wijk or all wijken, and week, counted over `facts`); each with its `people` Figure."""
    candidates = list(
        alert_list(municipality=municipality).filter(
            kind__in=kinds, period__in=list(weeks), count__gte=disclosure.threshold()
        )
    )
    if not candidates:
        return []
    wanted = {a.theme_id for a in candidates}
    cells: dict[tuple, Tally] = defaultdict(Tally)
    for pk, _channel, _source, theme_id, district_id, at in facts:
        if theme_id in wanted:
            week, person = _week_of(at), people.get(pk)
            cells[(theme_id, None, week)].add(person)
            if district_id is not None:
                cells[(theme_id, district_id, week)].add(person)
    shown = []
    for alert in candidates:
        alert.people = Figure(cells.get((alert.theme_id, alert.district_id, alert.period), Tally()).people)
        if alert.people.shown:
            shown.append(alert)
            if len(shown) == limit:
                break
    return shown


def public_alert_list(*, municipality: Municipality, weeks: list[str], kinds=PUBLIC_ALERT_KINDS) -> list[Alert]:
    """The alerts of `kinds` in `weeks` (ISO weeks, oldest first) that at least the disclosure threshold people stand
    behind, newest first, each with its `people` Figure: the publishable counterpart of `alert_list`."""
    if not weeks:
        return []
    facts = _facts(_public_texts(municipality).filter(occurred_at__gte=_week_monday(weeks[0])))
    people = text_person_keys(municipality=municipality, facts=facts)
    return _public_alerts(municipality, facts, people, weeks=weeks, kinds=kinds, limit=None)


def public_overview(*, municipality: Municipality, weeks: int = SPARK_WEEKS) -> dict:
    """What may be published about the last `weeks` weeks, all counted in people (Figures):
    - themes: the active themes with at least the disclosure threshold people, most people first ("count" = "people");
    - districts: every wijk with its people (below the disclosure threshold the Figure is not shown);
    - total: everyone who wrote; held back (suppressed) while a wijk with 1 to 4 known people is hidden,
      as the total minus the shown wijken would give that wijk away;
    - spikes: up to 5 recent spikes or emerging themes with at least the disclosure threshold people behind them."""
    since = timezone.now() - timedelta(weeks=weeks)
    facts = _facts(_public_texts(municipality).filter(occurred_at__gte=since))
    people = text_person_keys(municipality=municipality, facts=facts)
    active = list(theme_list(municipality=municipality))
    active_ids = {t.pk for t in active}
    by_theme: dict[int, Tally] = defaultdict(Tally)
    by_district: dict[int | None, Tally] = defaultdict(Tally)
    by_theme_district: dict[tuple[int, int | None], Tally] = defaultdict(Tally)
    total = Tally()
    for pk, _channel, _source, theme_id, district_id, _at in facts:
        person = people.get(pk)
        total.add(person)
        by_district[district_id].add(person)
        if theme_id in active_ids:
            by_theme[theme_id].add(person)
            by_theme_district[(theme_id, district_id)].add(person)
    themes = []
    for theme in active:
        figure = Figure(by_theme[theme.pk].people) if theme.pk in by_theme else None
        if figure is not None and figure.shown:
            themes.append({"theme": theme, "count": figure, "people": figure})
    themes.sort(key=lambda row: -row["count"].value)
    districts = []
    district_rows = list(district_list(municipality=municipality))
    for district in district_rows:
        figure = Figure(by_district[district.pk].people if district.pk in by_district else 0)
        districts.append({"district": district, "count": figure, "people": figure})
    theme_districts = {
        row["theme"].pk: _theme_district_figures(row["count"].value, row["theme"].pk, district_rows, by_theme_district)
        for row in themes
    }
    # Texts without a known person add nothing to the total once someone is known, so only parts
    # (wijken, and texts without a wijk) with 1 to 4 known people could be worked out from it.
    small_part = any(0 < len(part.known) < disclosure.threshold() for part in by_district.values())
    return {
        "themes": themes,
        "districts": districts,
        "theme_districts": theme_districts,
        "total": Figure(total.people, suppressed=small_part),
        "weeks": weeks,
        "hidden_districts": sum(1 for row in districts if not row["count"].shown),
        "spikes": _public_alerts(
            municipality,
            facts,
            people,
            weeks={_week_of(at) for *_rest, at in facts},
            kinds=PUBLIC_ALERT_KINDS,
            limit=SPIKES_SHOWN,
        ),
    }


def _theme_district_figures(
    theme_total: int, theme_id: int, districts: list, cells: dict
) -> dict[int, disclosure.Figure]:
    """People per wijk for one published theme (district pk -> Figure). The theme's total is on the same page,
    so `disclosure.breakdown` holds back the smallest shown wijk too while the total minus the wijken shown
    would single out 1 to 4 people (hidden wijken together with the texts without a wijk)."""
    counts = {d.pk: cells[(theme_id, d.pk)].people if (theme_id, d.pk) in cells else 0 for d in districts}
    return disclosure.breakdown(counts, theme_total)


def public_theme_series(*, municipality: Municipality, weeks: list[str], district=None) -> dict[int, list[Figure]]:
    """Theme pk -> people per week over `weeks` (ISO weeks, oldest first), all areas (district None) or
    one wijk, as Figures: the publishable counterpart of `theme_series`."""
    if not weeks:
        return {}
    qs = _public_texts(municipality).filter(theme__active=True, occurred_at__gte=_week_monday(weeks[0]))
    if district is not None:
        qs = qs.filter(district=district)
    facts = _facts(qs)
    people = text_person_keys(municipality=municipality, facts=facts)
    index = {w: i for i, w in enumerate(weeks)}
    cells: dict[int, list[Tally]] = {}
    for pk, _channel, _source, theme_id, _district, at in facts:
        i = index.get(_week_of(at))
        if i is not None:
            cells.setdefault(theme_id, [Tally() for _w in weeks])[i].add(people.get(pk))
    return {theme_id: [Figure(t.people) for t in row] for theme_id, row in cells.items()}


def text_facts(*, municipality: Municipality) -> QuerySet:
    """Per text with an active theme and a time: (pk, channel, source_id, theme_id, district_id, occurred_at,
    updated_at) as tuples, no text. For aggregated open data, which counts people, never shows texts."""
    return (
        Text.objects.filter(municipality=municipality, theme__active=True, occurred_at__isnull=False)
        .order_by()
        .values_list("pk", "channel", "source_id", "theme_id", "district_id", "occurred_at", "updated_at")
    )


def alert_recent_count(*, municipality: Municipality, weeks: int = 4) -> int:
    """Alerts about the last `weeks` weeks (the staff start page; the dashboard shows them)."""
    recent = week_axis(municipality=municipality, weeks=weeks)
    return Alert.objects.filter(municipality=municipality, period__in=recent).count()


PUBLIC_PICTURE_SECONDS = 7 * 24 * 3600  # kept until replaced: every change to the texts replaces or drops it


def public_picture_key(municipality_id: int, language: str) -> str:
    return f"zwerm:sensing:picture:{municipality_id}:{language}:{disclosure.threshold()}"


def public_overview_cached(*, municipality: Municipality) -> dict:
    """`public_overview` as the background work stored it (`services.public_picture_store`: after each refresh,
    and after texts come in, coalesced), the same for every visitor: computing it reads every text of the last
    weeks (seconds at 500,000 texts). A text that may no longer count (hidden, removed) drops the stored picture
    at once. Computed here only when the cache has none (and then stored). Per language (alert wording)."""
    key = public_picture_key(municipality.pk, get_language())
    overview = cache.get(key)
    if overview is None:
        overview = public_overview(municipality=municipality)
        cache.set(key, overview, PUBLIC_PICTURE_SECONDS)
    return overview


def alert_count_by_district(*, municipality: Municipality, weeks: list[str], kinds) -> dict[int | None, int]:
    """How many alerts of `kinds` in `weeks` staff see, per wijk (None: all wijken together). A public
    page or report that shows fewer (public_alert_list keeps only alerts with at least the disclosure
    threshold of people behind them) can say how many it leaves out, and why."""
    rows = (
        Alert.objects.filter(municipality=municipality, kind__in=list(kinds), period__in=list(weeks))
        .values_list("district_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)
