"""Reads across every public (not draft) process of a municipality at once, for open data."""

from __future__ import annotations

from django.db.models import Max, Prefetch, QuerySet

from zwerm.core.models import Municipality

from ..models import Decision, Phase, Process, ValueAssessment


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
