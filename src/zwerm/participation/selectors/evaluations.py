"""Reads for evaluations, and the figures an evaluation sets against the promise (no figure below 5 people)."""

from collections import Counter

from django.utils import timezone

from zwerm.accounts.selectors import member_district_ids
from zwerm.core import disclosure
from zwerm.places.selectors import district_list
from zwerm.processes import selectors as processes
from zwerm.processes.registry import components

from ..models import Evaluation
from .promises import weighed_input_by_decision


def evaluation_current(*, process) -> Evaluation | None:
    return Evaluation.objects.filter(process=process).order_by("-created_at", "-pk").first()


def evaluation_list(*, municipality, year: int | None = None):
    qs = Evaluation.objects.filter(process__municipality=municipality).select_related("process", "promise__rule")
    if year is not None:
        qs = qs.filter(created_at__year=year)
    return qs.order_by("-created_at", "-pk")


def _shown(value: int) -> int | None:
    return disclosure.people(value).value


def reach_by_district(*, process, participant_ids: set[int]) -> dict:
    """People per wijk among the components' participants. The split is given only when every wijk with
    participants has at least 5 and the people without a wijk are 0 or at least 5 (otherwise the total
    minus the wijken shown would give a small group away; zwerm.core.disclosure)."""
    districts = member_district_ids(municipality=process.municipality, user_ids=participant_ids)
    counts = Counter(d for d in districts.values() if d is not None)
    names = {d.pk: d.name for d in district_list(municipality=process.municipality)}
    split_shown = (
        bool(counts)
        and all(disclosure.is_public(n) for n in counts.values())
        and disclosure.parts_safe(len(participant_ids), counts.values())
    )
    return {
        "people": _shown(len(participant_ids)),
        "districts_reached": len(counts) if split_shown else None,
        "per_district": [{"wijk": names.get(d, ""), "people": n} for d, n in sorted(counts.items())]
        if split_shown
        else [],
    }


def evaluation_figures(*, process) -> dict:
    """What happened in the process, as evaluation figures (JSON-ready, no personal data)."""
    record = processes.process_record(process=process)
    participant_ids: set[int] = set()
    channels = []
    for p in record.placements:
        kind = components.get(p.placement.kind) if p.placement.kind in components else None
        if kind is not None and hasattr(kind, "participant_ids"):
            participant_ids.update(kind.participant_ids(p.placement))
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
        "reach": reach_by_district(process=process, participant_ids=participant_ids),
        "channels": channels,
        "decisions": len(decisions),
        "decisions_citing_input": sum(1 for d in decisions if d.pk in cited),
        "decisions_with_values": sum(1 for d in decisions if d.assessments.all()),
        "advice_requests": len(record.advice_requests),
        "advice_late": late_advice,
        "followers": _shown(record.participation.followers),
    }
