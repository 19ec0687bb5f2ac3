"""The content of a progress report, built from the process record as plain JSON-ready data.

Keys and `@type`s follow the Open Raadsinformatie vocabulary (schema.org, opengov, argu meeting)
where a term fits and Zwerm's own `zwerm:` terms where none does; docs/council-reports.md documents
the mapping. Reports hold no personal data of residents: no names, no contact details, and counts of
people below 5 are shown as "minder dan 5"."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zwerm.core import disclosure
from zwerm.core.redaction import redact
from zwerm.processes.selectors import process_record

from .. import selectors
from ..models import Frame

FORMAT = "zwerm-council-report/1"

CONTEXT = {
    "schema": "https://schema.org/",
    "opengov": "http://www.w3.org/ns/opengov#",
    "meeting": "https://argu.co/ns/meeting#",
    "zwerm": "urn:zwerm:council:",
    "name": "schema:name",
    "description": "schema:description",
    "text": "schema:text",
    "identifier": "schema:identifier",
    "dateCreated": "schema:dateCreated",
    "datePublished": "schema:datePublished",
    "startDate": "schema:startDate",
    "endDate": "schema:endDate",
    "position": "schema:position",
    "publisher": "schema:publisher",
    "about": "schema:about",
    "citation": "schema:citation",
    "acceptedAnswer": "schema:acceptedAnswer",
}


def _text(value: str) -> str:
    """Free text written by staff, with any e-mail address, phone number or other personal data masked."""
    return redact(value or "").text


def iso_date(value) -> str | None:
    """A date, or a moment in local time to the second, as ISO 8601 (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def people_count(value: int) -> dict:
    """A number of people: exact from 5 on, otherwise only "minder dan 5" (value null)."""
    return disclosure.people(value).as_dict()


def _frame(frame: Frame) -> dict:
    return {
        "@type": "zwerm:Frame",
        "identifier": frame.pk,
        "kind": frame.kind,
        "kindLabel": str(frame.get_kind_display()),
        "description": _text(frame.description),
        "budget": _money(frame.budget),
        "deadline": iso_date(frame.deadline),
        "setBy": frame.set_by,
        "setByLabel": str(frame.get_set_by_display()),
        "citation": {
            "@type": "zwerm:FrameSource",
            "name": _text(frame.source_reference),
            "dateCreated": iso_date(frame.source_date),
        },
        "replaces": frame.replaces_id,
        "dateCreated": iso_date(frame.created_at),
    }


def _state(state: selectors.FrameState) -> dict:
    return {
        "level": state.level,
        "label": state.label,
        "budget": {
            "set": _money(state.budget.budget),
            "spent": _money(state.budget.spent),
            "percent": state.budget.percent,
            "state": state.budget.state,
            "label": state.budget.label,
        },
        "deadline": {
            "date": iso_date(state.deadline.deadline),
            "daysLeft": state.deadline.days_left,
            "state": state.deadline.state,
            "label": state.deadline.label,
        },
        "outsideScope": [{"name": _text(d.title), "date": iso_date(d.decided_on)} for d in state.outside_scope],
    }


ADVICE_LABELS = {"open": gettext_lazy("open"), "late": gettext_lazy("te laat"), "answered": gettext_lazy("beantwoord")}
# The kinds of stakeholder, named here so that this app does not import the processes models.
STAKEHOLDER_LABELS = {
    "resident": gettext_lazy("inwoners"),
    "group": gettext_lazy("bewonersgroepen"),
    "organisation": gettext_lazy("organisaties"),
    "colleague": gettext_lazy("collega's"),
}


def _advice(record) -> dict:
    request, latest = record.request, record.latest_advice
    return {
        "@type": "zwerm:AdviceRequest",
        "identifier": request.pk,
        "question": _text(request.question),
        "team": request.team or _("vakambtenaar"),
        "deadline": iso_date(request.deadline),
        "state": record.state,
        "stateLabel": str(ADVICE_LABELS.get(record.state, record.state)),
        "versions": len(record.versions),
        "advice": None
        if latest is None
        else {
            "@type": "zwerm:Advice",
            "version": latest.version,
            "text": _text(latest.text),
            "basis": _text(latest.basis),
            "conditions": _text(latest.conditions),
            "dateCreated": iso_date(latest.created_at),
        },
    }


def _decision(record) -> dict:
    decision = record.decision
    return {
        "@type": "zwerm:Decision",
        "identifier": decision.pk,
        "name": _text(decision.title),
        "date": iso_date(decision.decided_on),
        "decidedBy": decision.decided_by,
        "decidedByLabel": str(decision.get_decided_by_display()),
        "alternatives": _text(decision.alternatives),
        "reasons": _text(decision.reasons),
        "outsideScope": decision.outside_scope,
        "corrects": decision.corrects_id,
        "correctedBy": [d.pk for d in record.corrected_by],
        "advice": [
            {
                "request": a.request_id,
                "version": a.version,
                "team": a.request.team or _("vakambtenaar"),
                "text": _text(a.text),
            }
            for a in record.advice
        ],
        "values": [
            {
                "@type": "zwerm:ValueAssessment",
                "value": a.value.name,
                "weighed": a.weighed,
                "explanation": _text(a.explanation),
            }
            for a in record.assessments
        ],
    }


def _phase(record) -> dict:
    phase = record.phase
    return {
        "@type": "zwerm:Phase",
        "position": phase.position,
        "name": _text(phase.title),
        "description": _text(phase.description),
        "startDate": iso_date(phase.starts_on),
        "endDate": iso_date(phase.ends_on),
        "closed": record.is_closed,
        "current": record.is_current,
        "changes": [
            {
                "action": c.action,
                "actionLabel": str(c.get_action_display()),
                "reason": _text(c.reason),
                "dateCreated": iso_date(c.created_at),
            }
            for c in record.changes
        ],
    }


# Figures in component summaries that count things, not people: shown exactly.
THING_FIGURES = {"questions", "statements", "projects", "phases"}
FIGURE_LABELS = {
    "participants": gettext_lazy("deelnemers"),
    "responses": gettext_lazy("antwoorden"),
    "questions": gettext_lazy("vragen"),
    "statements": gettext_lazy("stellingen"),
    "votes": gettext_lazy("stemmen"),
    "projects": gettext_lazy("projecten"),
    "voters": gettext_lazy("stemmers"),
}


def _figure(key: str, value: int) -> dict:
    figure = {"value": value, "display": str(value)} if key in THING_FIGURES else people_count(value)
    return {"key": key, "label": str(FIGURE_LABELS.get(key, key)), **figure}


def _component(record) -> dict:
    # Only whole numbers: a summary must not carry text that could name someone.
    figures = [
        _figure(key, value)
        for key, value in record.summary.items()
        if isinstance(value, int) and not isinstance(value, bool)
    ]
    return {
        "@type": "zwerm:Component",
        "kind": record.placement.kind,
        "kindLabel": record.kind_label,
        "name": _text(record.placement.title),
        "active": record.is_active,
        "figures": figures,
    }


def report_content(*, process, today: datetime.date | None = None) -> dict:
    """The report as data: kaders and their state, phases, participation, advice, decisions with values,
    the council's questions and the updates. In the site's language (Dutch), whatever the request's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build(process=process, today=today)


def _build(*, process, today) -> dict:
    record = process_record(process=process)
    state = selectors.frame_state(process=process, today=today)
    history = list(selectors.frame_history(process=process))
    labels = STAKEHOLDER_LABELS
    figures = record.participation
    municipality = process.municipality
    return {
        "@context": CONTEXT,
        "@type": "schema:Report",
        "format": FORMAT,
        "name": _("Voortgangsrapportage: %(title)s") % {"title": process.title},
        "dateCreated": iso_date(timezone.now()),
        "inLanguage": settings.LANGUAGE_CODE,
        "publisher": {"@type": "schema:Organization", "name": municipality.name, "identifier": municipality.cbs_code},
        "about": {
            "@type": "zwerm:Process",
            "identifier": process.slug,
            "name": process.title,
            "question": _text(process.question),
            "description": _text(process.description),
            "status": process.status,
            "statusLabel": str(process.get_status_display()),
            "district": process.district.name if process.district_id else None,
            "currentPhase": _text(record.current_phase.title) if record.current_phase else None,
        },
        "frames": {
            "state": _state(state),
            "current": [_frame(f) for f in state.frames],
            "replaced": [_frame(f) for f in history if f.is_replaced],
        },
        "phases": [_phase(p) for p in record.phases],
        "participation": {
            "followers": people_count(figures.followers),
            "stakeholders": people_count(figures.stakeholders),
            "stakeholdersByKind": [
                {"kind": kind, "label": str(labels.get(kind, kind)), "count": people_count(n)}
                for kind, n in record.stakeholder_counts.items()
            ],
            "participants": figures.participants_public.as_dict(),
            "components": [_component(p) for p in record.placements],
        },
        "figures": {
            "phases": len(record.phases),
            "components": figures.components,
            "adviceRequests": figures.advice_requests,
            "adviceAnswered": figures.advice_answered,
            "adviceLate": sum(1 for r in record.advice_requests if r.state == "late"),
            "decisions": figures.decisions,
            "updates": figures.updates,
        },
        "advice": [_advice(r) for r in record.advice_requests],
        "decisions": [_decision(d) for d in record.decisions],
        "questions": [
            {
                "@type": "schema:Question",
                "text": _text(q.text),
                "dateCreated": iso_date(q.created_at),
                "acceptedAnswer": None
                if q.answered_at is None
                else {"@type": "schema:Answer", "text": _text(q.answer), "dateCreated": iso_date(q.answered_at)},
            }
            for q in selectors.question_list(process=process).order_by("created_at", "pk")
        ],
        "updates": [{"name": _text(u.title), "dateCreated": iso_date(u.created_at)} for u in record.updates],
        "privacy": _(
            "Deze rapportage bevat geen persoonsgegevens van inwoners: geen namen en geen contactgegevens. "
            "Aantallen mensen onder de %(n)d staan er als 'minder dan %(n)d'."
        )
        % {"n": disclosure.threshold()},
    }
