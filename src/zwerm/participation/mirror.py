"""The organisation's mirror (zelfscan): how responsive, transparent, connected and value-driven the
municipality is, per quarter with the trend against the quarter before, built from what the platform records.

Figures per team need at least 5 items (no person is singled out); a figure with too little behind it is null."""

import datetime
import re
from collections import defaultdict
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.council.selectors import question_list, report_list
from zwerm.initiatives.selectors import initiative_response_times
from zwerm.processes import selectors as processes

from .selectors import challenge_list, mirror_results

MIN_ITEMS = 5
FORMAT = "zwerm-participation-mirror/1"


def parse_quarter(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-Q([1-4])", text.strip())
    if not match:
        raise ValueError("--quarter must look like 2026-Q3")
    return int(match.group(1)), int(match.group(2))


def quarter_label(day: datetime.date) -> str:
    year, q = _quarter_of(day)
    return f"{year}-Q{q}"


def _quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _previous(quarter: tuple[int, int]) -> tuple[int, int]:
    year, q = quarter
    return (year - 1, 4) if q == 1 else (year, q - 1)


def _bounds(quarter: tuple[int, int]) -> tuple[datetime.datetime, datetime.datetime]:
    year, q = quarter
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 3 * (q - 1) + 1, 1, tzinfo=tz)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=tz) if q == 4 else datetime.datetime(year, 3 * q + 1, 1, tzinfo=tz)
    return start, end


def _share(part: int, whole: int, minimum: int = 1) -> float | None:
    return round(100 * part / whole, 1) if whole >= minimum else None


def _median(values: list, minimum: int = 1) -> float | None:
    return float(median(values)) if len(values) >= minimum else None


def _in(moment, bounds) -> bool:
    start, end = bounds
    if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
        return start.date() <= moment < end.date()
    return start <= moment < end


def _figures(municipality, bounds) -> dict:
    """Every indicator's value for one quarter."""
    start, end = bounds
    responses = initiative_response_times(municipality=municipality, published_from=start, published_before=end)
    answered = [r.days for r in responses if r.days is not None]

    challenges = [c for c in challenge_list(municipality=municipality) if _in(c.submitted_at, bounds)]
    receipt_days = []
    for c in challenges:
        received = [e.created_at for e in c.events.all() if e.step == "received"]
        if received:
            receipt_days.append((received[0] - c.submitted_at).days)

    decisions = [d for d in processes.decision_list_public(municipality=municipality) if _in(d.decided_on, bounds)]
    with_values = [d for d in decisions if any(a.weighed for a in d.assessments.all())]
    lead_names = {p.lead_id: p.lead.display_name for p in processes.process_list(municipality=municipality)}
    per_lead: dict[str, list[bool]] = defaultdict(list)
    for d in decisions:
        per_lead[lead_names.get(d.process.lead_id) or _("procesambtenaar")].append(d in with_values)
    assessments = [a for d in decisions for a in d.assessments.all()]

    requests = [r for r in processes.advice_request_list(municipality=municipality) if _in(r.deadline, bounds)]
    on_time, waiting = 0, []
    per_team: dict[str, list[bool]] = defaultdict(list)
    for r in requests:
        latest = processes.advice_latest(r)
        answered_on = timezone.localdate(latest.created_at) if latest else None
        in_time = answered_on is not None and answered_on <= r.deadline
        on_time += in_time
        if answered_on is not None:
            waiting.append((answered_on - timezone.localdate(r.created_at)).days)
        per_team[r.team or _("zonder team")].append(in_time)

    running = [p for p in processes.process_list(municipality=municipality) if p.created_at < end]
    stakeholder_total = sum(sum(processes.stakeholder_counts(process=p).values()) for p in running)
    reports_sent, question_days = 0, []
    for p in running:
        reports_sent += sum(1 for r in report_list(process=p) if r.sent_at and _in(r.sent_at, bounds))
        question_days += [
            (q.answered_at - q.created_at).days
            for q in question_list(process=p)
            if q.answered_at and _in(q.created_at, bounds)
        ]
    return {
        "initiative_response_days": _median(answered),
        "initiatives_answered_share": _share(len(answered), len(responses)),
        "challenge_receipt_days": _median(receipt_days),
        "decisions_with_values_share": _share(len(with_values), len(decisions)),
        "decision_corrections": sum(1 for d in decisions if d.corrects_id),
        "values_weighed_share": _share(sum(1 for a in assessments if a.weighed), len(assessments)),
        "stakeholders_per_process": round(stakeholder_total / len(running), 1) if running else None,
        "advice_on_time_share": _share(on_time, len(requests), MIN_ITEMS),
        "advice_days_waiting": _median(waiting, MIN_ITEMS),
        "council_reports_sent": reports_sent,
        "council_question_days": _median(question_days),
        "_leads": {
            lead: _share(sum(flags), len(flags), MIN_ITEMS)
            for lead, flags in per_lead.items()
            if len(flags) >= MIN_ITEMS
        },
        "_teams": {
            team: _share(sum(flags), len(flags), MIN_ITEMS)
            for team, flags in per_team.items()
            if len(flags) >= MIN_ITEMS
        },
    }


# key -> (label, unit, whether higher is better)
INDICATORS = {
    "initiative_response_days": (_("Dagen tot de eerste openbare reactie op een initiatief (mediaan)"), "dagen", False),
    "initiatives_answered_share": (_("Initiatieven beantwoord met een reden"), "%", True),
    "challenge_receipt_days": (_("Dagen tot de ontvangstbevestiging van een uitdaging (mediaan)"), "dagen", False),
    "decisions_with_values_share": (_("Besluiten met redenen en afgewogen waarden"), "%", True),
    "decision_corrections": (_("Correcties in het besluitenlog"), "aantal", None),
    "values_weighed_share": (_("Waardenafwegingen waarin de waarde is meegewogen"), "%", True),
    "stakeholders_per_process": (_("Betrokkenen per traject (gemiddeld)"), "aantal", True),
    "advice_on_time_share": (_("Adviesaanvragen beantwoord binnen de termijn"), "%", True),
    "advice_days_waiting": (_("Dagen wachten op advies (mediaan)"), "dagen", False),
    "council_reports_sent": (_("Rapportages aan de raad verstuurd"), "aantal", True),
    "council_question_days": (_("Dagen tot antwoord op raadsvragen (mediaan)"), "dagen", False),
}


def _trend(now, before, better_up) -> str | None:
    if now is None or before is None:
        return None
    if now == before:
        return "same"
    return "up" if now > before else "down"


def mirror_content(*, municipality, quarter: tuple[int, int] | None = None) -> dict:
    """{"period", "indicators": [{"key", "label", "value", "unit", "trend"}], ...} for the quarter."""
    quarter = quarter or _quarter_of(timezone.localdate())
    previous = _previous(quarter)
    now, before = _figures(municipality, _bounds(quarter)), _figures(municipality, _bounds(previous))
    indicators = []
    for key, (label, unit, better_up) in INDICATORS.items():
        trend = _trend(now[key], before[key], better_up)
        indicators.append(
            {
                "key": key,
                "label": str(label),
                "value": now[key],
                "unit": unit,
                "trend": trend,
                "previous": before[key],
                "better": None if better_up is None or trend in (None, "same") else (trend == "up") == better_up,
            }
        )
    return {
        "format": FORMAT,
        "period": f"{quarter[0]}-Q{quarter[1]}",
        "previousPeriod": f"{previous[0]}-Q{previous[1]}",
        "municipality": {"name": municipality.name, "identifier": municipality.cbs_code},
        "generatedAt": timezone.now().isoformat(timespec="seconds"),
        "indicators": indicators,
        "adviceOnTimePerTeam": [{"team": team, "value": share} for team, share in sorted(now["_teams"].items())],
        # Per process lead only from 5 decisions: the figure is about how a process is run, not a verdict on a person.
        "decisionsWithValuesPerProcessLead": [
            {"processLead": lead, "value": share} for lead, share in sorted(now["_leads"].items())
        ],
        "selfAssessment": mirror_results(municipality=municipality, quarter=f"{quarter[0]}-Q{quarter[1]}"),
        "minimumItems": MIN_ITEMS,
    }
