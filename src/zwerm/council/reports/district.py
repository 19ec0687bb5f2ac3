"""The content of a district report: what moves in one wijk (or every wijk) over the last weeks, as JSON-ready data.

Built only from sensing's public selectors, which count people, not texts: `district_grid` (people per
wijk and theme), `public_overview` (the whole municipality), `public_theme_series` (people per week, for
the direction of a trend only) and `public_alert_list` (alerts with the people behind them); never from
texts or text counts. `alert_count_by_district` only says how many alerts staff see that the report leaves
out (fewer than 5 known people behind them), so the report explains why it differs from the dashboard.
Every count follows the rule of 5 (see figures.py): counts of fewer than 5 people
read "minder dan 5" or are left out, and a total that would give a small count away reads "meer dan ...".
docs/council-reports.md describes the keys."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zwerm.core import disclosure
from zwerm.sensing import selectors as sensing

from . import figures
from .content import CONTEXT, iso_date

FORMAT = "zwerm-district-report/1"
ALERT_KINDS = ("emerging", "spike", "decline")
MAX_WEEKS = 52


def week_labels(start: datetime.date, end: datetime.date) -> list[str]:
    """The ISO weeks ("2026-W07") from the week of `start` up to and including the week of `end`."""
    monday = sensing.week_start(start)
    labels = []
    while monday <= end:
        labels.append(sensing.week_label(monday))
        monday += datetime.timedelta(weeks=1)
    return labels


def complete_weeks(today: datetime.date, weeks: int) -> list[str]:
    """The `weeks` whole ISO weeks before the week of `today`, oldest first (for a trend: no half week)."""
    monday = sensing.week_start(today)
    return [sensing.week_label(monday - datetime.timedelta(weeks=n)) for n in range(weeks, 0, -1)]


def _exact(parts: list[dict]) -> list[int]:
    return [p["value"] for p in parts if p["value"] is not None]


def _alert(alert) -> dict:
    return {
        "@type": "zwerm:Alert",
        "kind": alert.kind,
        "kindLabel": str(alert.get_kind_display()),
        "theme": alert.theme.label,
        "themeKey": alert.theme.key,
        "week": alert.period,
        "count": figures.people(alert.people),
    }


def _same(a: dict, b: dict) -> bool:
    """Two alerts about the same theme in the same week (in different areas)."""
    return a["themeKey"] == b["themeKey"] and a["week"] == b["week"]


def _theme(theme, people, series: list, alerts: list[dict], cells: list[int]) -> dict:
    """One theme with at least 5 people; its count covered against its alert weeks and its wijken."""
    weeks = _exact([a["count"] for a in alerts if a["themeKey"] == theme.key])
    count = figures.people(people)
    if count["value"] is not None:
        count = figures.covered_total(count["value"], weeks, cells)
    return {
        "@type": "zwerm:Theme",
        "identifier": theme.key,
        "name": theme.label,
        "count": count,
        "trend": figures.trend([f.value for f in series]),
        "mood": figures.mood(theme.mood, theme.mood_n),
    }


def _section(
    *, people_total, rows: list[tuple], series: dict, alerts: list[dict], withheld: int = 0, wijk_totals=()
) -> dict:
    """One area: `rows` are (theme, people Figure, exact wijk counts of the theme) with at least 5 people."""
    # Most people first (by the figure itself, also where only "meer dan ..." is shown).
    ordered = sorted(rows, key=lambda row: (-row[1].value, row[0].label))
    themes = [_theme(t, p, series.get(t.pk, []), alerts, cells) for t, p, cells in ordered]
    total = figures.people(people_total)
    if total["value"] is not None:
        total = figures.covered_total(total["value"], _exact([t["count"] for t in themes]), wijk_totals)
    return {
        "total": total,
        "hasData": people_total.value > 0,
        "themes": themes,
        "alerts": alerts,
        "withheldAlerts": max(withheld - len(alerts), 0),
    }


def district_report_content(*, municipality, district=None, weeks: int) -> dict:
    """The report as data for one wijk, or for every wijk of the municipality (district None), over the
    last `weeks` weeks up to now. In the site's language (Dutch), whatever the request's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build(municipality=municipality, district=district, weeks=weeks)


def _build(*, municipality, district, weeks: int) -> dict:
    now = timezone.now()
    today = timezone.localdate(now)
    since = now - datetime.timedelta(weeks=weeks)
    trend_weeks = complete_weeks(today, weeks)
    themes = list(sensing.theme_list(municipality=municipality))
    overview = sensing.public_overview(municipality=municipality, weeks=weeks)  # the whole municipality, once
    period_weeks = week_labels(timezone.localdate(since), today)
    found = sensing.public_alert_list(municipality=municipality, weeks=period_weeks, kinds=ALERT_KINDS)
    staff_alerts = sensing.alert_count_by_district(municipality=municipality, weeks=period_weeks, kinds=ALERT_KINDS)

    def alerts_of(district_pk) -> list[dict]:
        return [_alert(a) for a in found if a.district_id == district_pk]

    grid = sensing.district_grid(municipality=municipality, themes=themes, since=since)
    if district is not None:
        grid = [row for row in grid if row["district"].pk == district.pk]
    sections = []
    for row in grid:
        wijk = row["district"]
        section = _section(
            people_total=row["people_total"],
            rows=[(t, p, []) for t, p in zip(themes, row["people"], strict=True) if p.shown],
            series=sensing.public_theme_series(municipality=municipality, weeks=trend_weeks, district=wijk),
            alerts=alerts_of(wijk.pk),
            withheld=staff_alerts.get(wijk.pk, 0),
        )
        sections.append({"@type": "zwerm:District", "identifier": wijk.code, "name": wijk.name, **section})
    whole = (
        _whole(municipality, overview, themes, sections, alerts_of(None), trend_weeks, staff_alerts.get(None, 0))
        if district is None
        else None
    )
    name = (
        _("Wijkrapportage: %(name)s") % {"name": district.name}
        if district is not None
        else _("Wijkrapportage: alle wijken van %(name)s") % {"name": municipality.name}
    )
    refresh = sensing.refresh_latest(municipality=municipality)
    updated = (refresh.finished_at or refresh.created_at) if refresh and refresh.status == "done" else None
    return {
        "@context": CONTEXT,
        "@type": "schema:Report",
        "format": FORMAT,
        "name": name,
        "dateCreated": iso_date(now),
        "inLanguage": settings.LANGUAGE_CODE,
        "publisher": {"@type": "schema:Organization", "name": municipality.name, "identifier": municipality.cbs_code},
        "about": {"@type": "zwerm:District", "identifier": district.code, "name": district.name}
        if district is not None
        else {"@type": "zwerm:Municipality", "identifier": municipality.cbs_code, "name": municipality.name},
        "period": {"startDate": iso_date(since), "endDate": iso_date(now), "weeks": weeks, "trendWeeks": trend_weeks},
        "source": {"dateModified": iso_date(updated)},
        "hasData": any(s["hasData"] for s in sections) or bool(whole and whole["hasData"]),
        "municipality": whole,
        "districts": sections,
        "comingUp": _coming_up(municipality, overview),
        "privacy": _(
            "Deze rapportage telt mensen, geen teksten. Er staan geen teksten van inwoners in en geen "
            "persoonsgegevens. Groepen van minder dan %(n)d mensen staan er als 'minder dan %(n)d' of staan er "
            "niet in. Een totaal dat anders een kleine groep zou verraden, staat er als 'meer dan ...'."
        )
        % {"n": disclosure.threshold()},
    }


def _coming_up(municipality, overview: dict) -> list[dict]:
    """Themes expected to rise in the coming weeks (forecasts are for the whole municipality), with why, and no
    number: the forecasts count texts, this report counts people. Only themes that 5 or more people wrote about
    in the period (`overview`: sensing's public overview of the period), so a rise never points at a small group."""
    shown = {row["theme"].pk for row in overview["themes"] if row["count"].shown}
    return [
        {
            "@type": "zwerm:Expectation",
            "theme": row["theme"].label,
            "themeKey": row["theme"].key,
            "peakWeek": row["peak"]["week"],
            "why": row["why"],
        }
        for row in sensing.coming_up(municipality=municipality)
        if row["theme"].pk in shown
    ]


def _whole(
    municipality, overview: dict, themes: list, sections: list[dict], alerts: list[dict], trend_weeks, withheld: int
) -> dict:
    """The whole municipality (also contributions without a wijk), covered by the wijk figures shown."""
    cells: dict[str, list[int]] = {}
    for section in sections:
        for row in section["themes"]:
            if row["count"]["value"] is not None:
                cells.setdefault(row["identifier"], []).append(row["count"]["value"])
    for alert in alerts:
        same = _exact([a["count"] for s in sections for a in s["alerts"] if _same(a, alert)])
        if alert["count"]["value"] is not None:
            alert["count"] = figures.covered_total(alert["count"]["value"], same)
    active = {t.pk for t in themes}
    return _section(
        people_total=overview["total"],
        rows=[
            (r["theme"], r["count"], cells.get(r["theme"].key, []))
            for r in overview["themes"]
            if r["theme"].pk in active
        ],
        series=sensing.public_theme_series(municipality=municipality, weeks=trend_weeks),
        alerts=alerts,
        withheld=withheld,
        wijk_totals=_exact([s["total"] for s in sections]),
    )
