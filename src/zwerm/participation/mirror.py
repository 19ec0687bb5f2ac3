"""The organisation's mirror (zelfscan): how responsive, transparent, connected and value-driven the
municipality is, per quarter with the trend against the quarter before, built from what the platform records.

Figures per team need at least 5 items (no person is singled out); a figure with too little behind it is null."""

import datetime
import re
from collections import defaultdict
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core import disclosure
from zwerm.council.selectors import question_list, report_list
from zwerm.initiatives.selectors import initiative_response_times
from zwerm.processes import selectors as processes

from .selectors import challenge_list, mirror_results, weighed_decision_ids
from .selectors.reach import process_reach

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


def _running(process, bounds) -> bool:
    start, end = bounds
    return process.created_at < end and (process.closed_at is None or process.closed_at >= start)


def _team_figures(requests: list, used_advice: set[int]) -> dict:
    """Advice figures over a group of requests: null for a figure with fewer than 5 items behind it."""
    on_time, waiting, used = 0, [], []
    for r in requests:
        latest = processes.advice_latest(r)
        answered_on = timezone.localdate(latest.created_at) if latest else None
        on_time += answered_on is not None and answered_on <= r.deadline
        if answered_on is not None:
            waiting.append((answered_on - timezone.localdate(r.created_at)).days)
            used.append(any(a.pk in used_advice for a in r.advice.all()))
    return {
        "advice_on_time_share": _share(on_time, len(requests), MIN_ITEMS),
        "advice_days_waiting": _median(waiting, MIN_ITEMS),
        "advice_used_share": _share(sum(used), len(used), MIN_ITEMS),
    }


def _lead_figures(decisions: list, with_values: set[int], citing: set[int], processes_led: list, reached) -> dict:
    """Figures over the decisions and processes of one process lead (5 items at least per figure)."""
    multi = [reached[p.pk] >= 2 for p in processes_led]
    return {
        "decisions_with_values_share": _share(sum(d.pk in with_values for d in decisions), len(decisions), MIN_ITEMS),
        "decisions_citing_input_share": _share(sum(d.pk in citing for d in decisions), len(decisions), MIN_ITEMS),
        "multi_district_share": _share(sum(multi), len(multi), MIN_ITEMS),
    }


def _figures(municipality, bounds) -> dict:
    """Every indicator's value for one quarter, for the organisation, per team and per process lead."""
    start, end = bounds
    responses = initiative_response_times(municipality=municipality, published_from=start, published_before=end)
    answered = [r.days for r in responses if r.days is not None]

    challenges = [c for c in challenge_list(municipality=municipality) if _in(c.submitted_at, bounds)]
    receipt_days = []
    for c in challenges:
        received = [e.created_at for e in c.events.all() if e.step == "received"]
        if received:
            receipt_days.append((received[0] - c.submitted_at).days)

    all_processes = list(processes.process_list(municipality=municipality))
    lead_names = {p.lead_id: p.lead.display_name for p in all_processes}
    decisions = [d for d in processes.decision_list_public(municipality=municipality) if _in(d.decided_on, bounds)]
    with_values = {d.pk for d in decisions if any(a.weighed for a in d.assessments.all())}
    citing = weighed_decision_ids(decision_ids=[d.pk for d in decisions])
    assessments = [a for d in decisions for a in d.assessments.all()]
    used_advice = {a.pk for d in processes.decision_list_public(municipality=municipality) for a in d.advice.all()}

    requests = [r for r in processes.advice_request_list(municipality=municipality) if _in(r.deadline, bounds)]
    per_team: dict[str, list] = defaultdict(list)
    for r in requests:
        per_team[r.team or _("zonder team")].append(r)

    running = [p for p in all_processes if p.created_at < end]
    # Connectedness: the processes residents could take part in this quarter (not a challenge's assessment).
    open_to_residents = [p for p in all_processes if p.listed and _running(p, bounds)]
    reaches = {p.pk: process_reach(process=p) for p in open_to_residents}
    reached = {pk: r.districts_with_enough_people for pk, r in reaches.items()}
    districts: set[int] = set()
    for reach in reaches.values():
        districts.update(d for d, n in reach.per_district.items() if disclosure.is_public(n))

    per_lead_decisions: dict[str, list] = defaultdict(list)
    for d in decisions:
        per_lead_decisions[lead_names.get(d.process.lead_id) or _("procesambtenaar")].append(d)
    per_lead_processes: dict[str, list] = defaultdict(list)
    for p in open_to_residents:
        per_lead_processes[lead_names.get(p.lead_id) or _("procesambtenaar")].append(p)

    stakeholder_total = sum(sum(processes.stakeholder_counts(process=p).values()) for p in running)
    reports_sent, question_days = 0, []
    for p in running:
        reports_sent += sum(1 for r in report_list(process=p) if r.sent_at and _in(r.sent_at, bounds))
        question_days += [
            (q.answered_at - q.created_at).days
            for q in question_list(process=p)
            if q.answered_at and _in(q.created_at, bounds)
        ]
    advice = _team_figures(requests, used_advice)
    return {
        "initiative_response_days": _median(answered),
        "initiatives_answered_share": _share(len(answered), len(responses)),
        "challenge_receipt_days": _median(receipt_days),
        "decisions_with_values_share": _share(len(with_values), len(decisions)),
        "decisions_citing_input_share": _share(len(citing), len(decisions)),
        "decision_corrections": sum(1 for d in decisions if d.corrects_id),
        "values_weighed_share": _share(sum(1 for a in assessments if a.weighed), len(assessments)),
        "stakeholders_per_process": round(stakeholder_total / len(running), 1) if running else None,
        "districts_reached": len(districts) if open_to_residents else None,
        "multi_district_share": _share(sum(1 for n in reached.values() if n >= 2), len(reached)),
        "advice_on_time_share": advice["advice_on_time_share"],
        "advice_days_waiting": advice["advice_days_waiting"],
        "advice_used_share": advice["advice_used_share"],
        "council_reports_sent": reports_sent,
        "council_question_days": _median(question_days),
        "_teams": {team: _team_figures(found, used_advice) for team, found in per_team.items()},
        "_leads": {
            lead: _lead_figures(
                per_lead_decisions.get(lead, []), with_values, citing, per_lead_processes.get(lead, []), reached
            )
            for lead in set(per_lead_decisions) | set(per_lead_processes)
        },
    }


# key -> (label, unit, whether higher is better)
INDICATORS = {
    "initiative_response_days": (_("Dagen tot de eerste openbare reactie op een initiatief (mediaan)"), "dagen", False),
    "initiatives_answered_share": (_("Initiatieven beantwoord met een reden"), "%", True),
    "challenge_receipt_days": (_("Dagen tot de ontvangstbevestiging van een uitdaging (mediaan)"), "dagen", False),
    "decisions_with_values_share": (_("Besluiten met redenen en afgewogen waarden"), "%", True),
    "decisions_citing_input_share": (_("Besluiten die noemen welke inbreng ze wogen"), "%", True),
    "decision_corrections": (_("Correcties in het besluitenlog"), "aantal", None),
    "values_weighed_share": (_("Waardenafwegingen waarin de waarde is meegewogen"), "%", True),
    "stakeholders_per_process": (_("Betrokkenen per traject (gemiddeld)"), "aantal", True),
    "districts_reached": (_("Wijken bereikt (minstens 5 deelnemers in een traject)"), "aantal", True),
    "multi_district_share": (_("Trajecten met inwoners uit meer dan één wijk (elk minstens 5)"), "%", True),
    "advice_on_time_share": (_("Adviesaanvragen beantwoord binnen de termijn"), "%", True),
    "advice_days_waiting": (_("Dagen wachten op advies (mediaan)"), "dagen", False),
    "advice_used_share": (_("Adviezen die in een besluit zijn meegenomen"), "%", True),
    "council_reports_sent": (_("Rapportages aan de raad verstuurd"), "aantal", True),
    "council_question_days": (_("Dagen tot antwoord op raadsvragen (mediaan)"), "dagen", False),
}
# The figures per team and per process lead (each only from 5 items: about how work runs, not about a person).
TEAM_INDICATORS = ("advice_on_time_share", "advice_days_waiting", "advice_used_share")
LEAD_INDICATORS = ("decisions_with_values_share", "decisions_citing_input_share", "multi_district_share")


def _trend(now, before, better_up) -> str | None:
    if now is None or before is None:
        return None
    if now == before:
        return "same"
    return "up" if now > before else "down"


def _indicator(key: str, value, previous) -> dict:
    label, unit, better_up = INDICATORS[key]
    trend = _trend(value, previous, better_up)
    return {
        "key": key,
        "label": str(label),
        "value": value,
        "unit": unit,
        "trend": trend,
        "previous": previous,
        "better": None if better_up is None or trend in (None, "same") else (trend == "up") == better_up,
    }


def _groups(now: dict, before: dict, keys: tuple[str, ...], name: str) -> list[dict]:
    """Per team or process lead: only groups with at least one figure shown, only figures with 5 items."""
    rows = []
    for group in sorted(now):
        figures = [_indicator(k, now[group][k], before.get(group, {}).get(k)) for k in keys]
        if any(f["value"] is not None for f in figures):
            rows.append({name: group, "indicators": figures})
    return rows


def mirror_content(*, municipality, quarter: tuple[int, int] | None = None) -> dict:
    """{"period", "indicators": [{"key", "label", "value", "unit", "trend"}], ...} for the quarter."""
    quarter = quarter or _quarter_of(timezone.localdate())
    previous = _previous(quarter)
    now, before = _figures(municipality, _bounds(quarter)), _figures(municipality, _bounds(previous))
    indicators = [_indicator(key, now.get(key), before.get(key)) for key in INDICATORS]
    return {
        "format": FORMAT,
        "period": f"{quarter[0]}-Q{quarter[1]}",
        "previousPeriod": f"{previous[0]}-Q{previous[1]}",
        "municipality": {"name": municipality.name, "identifier": municipality.cbs_code},
        "generatedAt": timezone.now().isoformat(timespec="seconds"),
        "indicators": indicators,
        "adviceOnTimePerTeam": [
            {"team": team, "value": f["advice_on_time_share"]}
            for team, f in sorted(now["_teams"].items())
            if f["advice_on_time_share"] is not None
        ],
        # Per process lead only from 5 decisions: the figure is about how a process is run, not a verdict on a person.
        "decisionsWithValuesPerProcessLead": [
            {"processLead": lead, "value": f["decisions_with_values_share"]}
            for lead, f in sorted(now["_leads"].items())
            if f["decisions_with_values_share"] is not None
        ],
        "perTeam": _groups(now["_teams"], before["_teams"], TEAM_INDICATORS, "team"),
        "perProcessLead": _groups(now["_leads"], before["_leads"], LEAD_INDICATORS, "processLead"),
        "selfAssessment": mirror_results(municipality=municipality, quarter=f"{quarter[0]}-Q{quarter[1]}"),
        "minimumItems": MIN_ITEMS,
    }
