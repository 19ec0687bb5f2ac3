"""What the yearly participation report holds: every process with its promise and evaluation, every
challenge with its outcome, initiatives with their response times, and the verordening's deadlines met or
missed. Built from selectors only; figures about people follow the under-5 rule."""

import datetime
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.initiatives.selectors import initiative_response_times
from zwerm.processes import selectors as processes

from ..models import Level
from ..selectors import (
    bylaw_current,
    bylaw_list,
    challenge_deadlines,
    challenge_list,
    evaluation_current,
    promise_current,
    weighed_input_by_decision,
)

FORMAT = "zwerm-participation-report/1"


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return value.isoformat()


def _bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=tz),
        datetime.datetime(year + 1, 1, 1, tzinfo=tz),
    )


def _process_entry(process, start, end, bylaw) -> dict:
    promise = promise_current(process=process)
    evaluation = evaluation_current(process=process)
    decisions = list(processes.decision_list(process=process))
    cited = weighed_input_by_decision(process=process)
    evaluation_due = None
    evaluation_state = None
    if process.closed_at is not None and bylaw is not None:
        evaluation_due = timezone.localdate(process.closed_at) + datetime.timedelta(days=bylaw.evaluation_days)
        if evaluation is not None:
            evaluation_state = "met" if timezone.localdate(evaluation.created_at) <= evaluation_due else "late"
        else:
            evaluation_state = "missed" if timezone.localdate() > evaluation_due else "open"
    return {
        "slug": process.slug,
        "title": process.title,
        "status": process.status,
        "closedOn": _iso(process.closed_at),
        "promise": None
        if promise is None
        else {
            "decisionKind": promise.rule.name,
            "level": promise.level,
            "levelLabel": str(Level(promise.level).label),
            "minimumLevel": promise.rule.minimum_level,
            "belowMinimum": promise.is_below_minimum,
            "reason": promise.below_minimum_reason,
            "fixed": promise.fixed,
            "open": promise.open,
            "decides": promise.decides,
            "decidesOn": _iso(promise.decides_on),
            "feedback": promise.feedback,
        },
        "decisions": len(decisions),
        "decisionsThisYear": sum(1 for d in decisions if start.date() <= d.decided_on < end.date()),
        "decisionsCitingInput": sum(1 for d in decisions if d.pk in cited),
        "evaluation": None
        if evaluation is None
        else {
            "on": _iso(evaluation.created_at),
            "kept": evaluation.kept,
            "keptLabel": str(evaluation.get_kept_display()),
            "account": evaluation.account,
            "residentsSaid": evaluation.residents_said,
            "lessons": evaluation.lessons,
            "figures": evaluation.figures,
        },
        "evaluationDue": _iso(evaluation_due),
        "evaluationDeadline": evaluation_state,
    }


def _challenge_entry(challenge) -> dict:
    return {
        "id": challenge.pk,
        "task": challenge.task,
        "challenger": challenge.challenger_name,
        "state": challenge.state,
        "stateLabel": str(challenge.get_state_display()),
        "submittedOn": _iso(challenge.submitted_at),
        "decision": challenge.decision.title if challenge.decision else None,
        "evaluateOn": _iso(challenge.evaluate_on),
        "deadlines": [
            {"key": d.key, "label": d.label, "dueOn": _iso(d.due_on), "doneOn": _iso(d.done_on), "state": d.state}
            for d in challenge_deadlines(challenge)
        ],
    }


def _count(states: list[str]) -> dict:
    return {state: states.count(state) for state in ("met", "late", "missed", "open")}


def report_content(*, municipality, year: int) -> dict:
    """The report for `year` as it is now (a JSON-ready dict)."""
    start, end = _bounds(year)
    bylaw = bylaw_current(municipality=municipality)
    process_rows = [
        _process_entry(p, start, end, bylaw)
        for p in processes.process_list(municipality=municipality)
        if p.created_at < end and (p.closed_at is None or p.closed_at >= start)
    ]
    challenges = [_challenge_entry(c) for c in challenge_list(municipality=municipality, year=year)]
    responses = initiative_response_times(municipality=municipality, published_from=start, published_before=end)
    days = [r.days for r in responses if r.days is not None]
    response_days = bylaw.response_days if bylaw else None
    initiative_states = [
        ("met" if r.days <= response_days else "late")
        if r.days is not None
        else ("missed" if (timezone.now() - r.published_at).days > response_days else "open")
        for r in responses
        if response_days is not None
    ]
    challenge_states = [d["state"] for c in challenges for d in c["deadlines"]]
    evaluation_states = [p["evaluationDeadline"] for p in process_rows if p["evaluationDeadline"]]
    return {
        "format": FORMAT,
        "name": _("Jaarverslag participatie %(year)d") % {"year": year},
        "inLanguage": "nl",
        "year": year,
        "generatedAt": timezone.now().isoformat(timespec="seconds"),
        "publisher": {"name": municipality.name, "identifier": municipality.cbs_code},
        "bylaw": None
        if bylaw is None
        else {
            "title": bylaw.title,
            "version": bylaw.version,
            "validFrom": _iso(bylaw.valid_from),
            "versions": [
                {"version": b.version, "validFrom": _iso(b.valid_from)} for b in bylaw_list(municipality=municipality)
            ],
        },
        "processes": process_rows,
        "challenges": challenges,
        "initiatives": {
            "published": len(responses),
            "answered": len(days),
            "medianDaysToResponse": median(days) if days else None,
            "responseDays": response_days,
            "rows": [
                {"id": r.initiative_id, "title": r.title, "publishedOn": _iso(r.published_at), "days": r.days}
                for r in responses
            ],
        },
        "deadlines": {
            "initiativeResponses": _count(initiative_states),
            "challenges": _count(challenge_states),
            "evaluations": _count(evaluation_states),
        },
    }
