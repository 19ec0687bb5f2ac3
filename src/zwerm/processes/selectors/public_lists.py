"""Reads across every public (not draft) process of a municipality at once, for open data and the page on
how the values were weighed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from zwerm.core.models import Municipality
from zwerm.values.selectors import value_list

from ..models import Decision, Phase, Process, ValueAssessment

if TYPE_CHECKING:
    from zwerm.values.models import Value


def phase_list_public(*, municipality: Municipality) -> QuerySet[Phase]:
    """The phases of all running and closed processes, in process and phase order, each annotated with
    `last_change` (the time of its newest phase change)."""
    return (
        Phase.objects.filter(process__municipality=municipality)
        .exclude(process__status=Process.Status.DRAFT)
        .select_related("process")
        .annotate(last_change=Max("changes__created_at"))
        .order_by("process_id", "position", "pk")
    )


def decision_list_public(*, municipality: Municipality) -> QuerySet[Decision]:
    """The decision logs of all running and closed processes, with the value assessments (in the
    values' order) and the corrections prefetched; oldest first per process."""
    return (
        Decision.objects.filter(process__municipality=municipality)
        .exclude(process__status=Process.Status.DRAFT)
        .select_related("process", "corrects")
        .prefetch_related(
            Prefetch(
                "assessments", queryset=ValueAssessment.objects.select_related("value").order_by("value__position")
            ),
            "corrections",
            "advice",
        )
        .order_by("process_id", "decided_on", "pk")
    )


@dataclass(frozen=True)
class ValueWeighing:
    """How often one value was weighed in the decisions of public processes, and how often it was not."""

    value: Value
    weighed: int
    not_weighed: int

    @property
    def total(self) -> int:
        return self.weighed + self.not_weighed


def value_weighing_list(*, municipality: Municipality) -> list[ValueWeighing]:
    """Per value of the municipality (retired ones too, when they were ever assessed), in the values' order:
    in how many decisions of running and closed processes it was weighed and in how many it was not."""
    rows_found = (
        ValueAssessment.objects.filter(decision__process__municipality=municipality)
        .exclude(decision__process__status=Process.Status.DRAFT)
        .values("value_id")
        .annotate(yes=Count("pk", filter=Q(weighed=True)), no=Count("pk", filter=Q(weighed=False)))
        .values_list("value_id", "yes", "no")
        .order_by()
    )
    counts = {value_id: (yes, no) for value_id, yes, no in rows_found}
    rows = []
    for value in value_list(municipality=municipality, include_retired=True):
        yes, no = counts.get(value.pk, (0, 0))
        if value.retired_at is None or yes or no:
            rows.append(ValueWeighing(value=value, weighed=yes, not_weighed=no))
    return rows
