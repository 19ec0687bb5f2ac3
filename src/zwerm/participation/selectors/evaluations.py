"""Reads for evaluations, and the figures an evaluation sets against the promise (no figure below 5 people)."""

from django.utils import timezone

from zwerm.core import disclosure
from zwerm.processes import selectors as processes

from ..models import Evaluation
from .promises import weighed_input_by_decision
from .reach import process_reach, reach_count, reach_public
from .resident_survey import resident_survey_get, resident_survey_results


def evaluation_current(*, process) -> Evaluation | None:
    return Evaluation.objects.filter(process=process).order_by("-created_at", "-pk").first()


def evaluation_list(*, municipality, year: int | None = None):
    qs = Evaluation.objects.filter(process__municipality=municipality).select_related("process", "promise__rule")
    if year is not None:
        qs = qs.filter(created_at__year=year)
    return qs.order_by("-created_at", "-pk")


def _shown(value: int) -> int | None:
    return disclosure.people(value).value


def reach_by_district(*, process, participant_ids: set[int], anonymous_districts=()) -> dict:
    """People per wijk among these participants, as the public sees it (see `reach.reach_public`)."""
    counted = reach_count(
        municipality=process.municipality, participant_ids=participant_ids, anonymous_districts=anonymous_districts
    )
    return reach_public(municipality=process.municipality, reach=counted)


def evaluation_figures(*, process) -> dict:
    """What happened in the process, as evaluation figures (JSON-ready, no personal data)."""
    record = processes.process_record(process=process)
    channels = []
    for p in record.placements:
        channels.append(
            {
                "channel": p.kind_label,
                "title": p.placement.title,
                "participants": _shown(int(p.summary.get("participants") or 0)),
            }
        )
    cited = weighed_input_by_decision(process=process)
    decisions = list(processes.decision_list(process=process))
    today = timezone.localdate()
    late_advice = sum(
        1
        for r in record.advice_requests
        if (r.latest_advice is None and r.request.deadline < today)
        or (r.latest_advice is not None and timezone.localdate(r.latest_advice.created_at) > r.request.deadline)
    )
    return {
        "reach": reach_public(municipality=process.municipality, reach=process_reach(process=process)),
        "channels": channels,
        "decisions": len(decisions),
        "decisions_citing_input": sum(1 for d in decisions if d.pk in cited),
        "decisions_with_values": sum(1 for d in decisions if d.assessments.all()),
        "advice_requests": len(record.advice_requests),
        "advice_late": late_advice,
        "followers": _shown(record.participation.followers),
        "resident_survey": resident_survey_results(survey=resident_survey_get(process=process)),
    }
