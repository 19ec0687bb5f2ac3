"""Reads of promises and of the input decisions weighed."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from zwerm.processes.registry import components

from ..models import Promise, WeighedInput


def promise_current(*, process) -> Promise | None:
    """The promise that holds now: the newest one recorded for the process."""
    return Promise.objects.filter(process=process).select_related("rule__bylaw").order_by("-created_at", "-pk").first()


def promise_history(*, process) -> QuerySet[Promise]:
    return Promise.objects.filter(process=process).select_related("rule__bylaw").order_by("-created_at", "-pk")


@dataclass(frozen=True)
class Citation:
    label: str  # the component's title
    kind_label: str  # "Dialoog", "Vragenlijst", ...
    url: str
    how: str


def weighed_input_by_decision(*, process) -> dict[int, list[Citation]]:
    """Per decision id of the process: the input it cites, each with a link to where residents gave it."""
    cited: dict[int, list[Citation]] = defaultdict(list)
    rows = WeighedInput.objects.filter(decision__process=process).select_related("placement").order_by("pk")
    for row in rows:
        placement = row.placement
        kind = components.get(placement.kind) if placement.kind in components else None
        cited[row.decision_id].append(
            Citation(
                label=placement.title,
                kind_label=str(kind.label) if kind else placement.kind,
                url=kind.url(placement) if kind else "",
                how=row.how,
            )
        )
    return dict(cited)


def weighed_input_count(*, decision_ids) -> int:
    return WeighedInput.objects.filter(decision_id__in=list(decision_ids)).count()


def weighed_decision_ids(*, decision_ids) -> set[int]:
    """Which of these decisions cite input they weighed."""
    return set(WeighedInput.objects.filter(decision_id__in=list(decision_ids)).values_list("decision_id", flat=True))
