"""Reads of advice requests (with their state) and the decision log."""

from __future__ import annotations

from django.db.models import Case, CharField, Count, Exists, OuterRef, Prefetch, QuerySet, Value, When
from django.utils import timezone

from zwerm.core.models import Municipality

from ..models import (
    Advice,
    AdviceRequest,
    Decision,
    Process,
    ValueAssessment,
)
from .processes import ADVICE_ANSWERED, ADVICE_LATE, ADVICE_OPEN

# --- advice -----------------------------------------------------------------------------------------


def _with_state(qs: QuerySet[AdviceRequest]) -> QuerySet[AdviceRequest]:
    today = timezone.localdate()
    return qs.annotate(
        has_advice=Exists(Advice.objects.filter(request=OuterRef("pk"))),
    ).annotate(
        state=Case(
            When(has_advice=True, then=Value(ADVICE_ANSWERED)),
            When(deadline__lt=today, then=Value(ADVICE_LATE)),
            default=Value(ADVICE_OPEN),
            output_field=CharField(),
        )
    )


def advice_request_list(
    *, municipality: Municipality, specialist=None, state: str | None = None, process: Process | None = None
) -> QuerySet[AdviceRequest]:
    """Advice requests with `state` annotated ("open", "late" or "answered") and their advice prefetched
    (oldest version first). Filter by specialist, state and process."""
    qs = _with_state(AdviceRequest.objects.filter(process__municipality=municipality))
    if specialist is not None:
        qs = qs.filter(specialist=specialist)
    if process is not None:
        qs = qs.filter(process=process)
    if state:
        qs = qs.filter(state=state)
    return qs.select_related("process", "specialist", "requested_by").prefetch_related(
        Prefetch("advice", queryset=Advice.objects.select_related("author").order_by("version"))
    )


def advice_request_get(*, municipality: Municipality, pk: int) -> AdviceRequest | None:
    return advice_request_list(municipality=municipality).filter(pk=pk).first()


def advice_latest(request: AdviceRequest) -> Advice | None:
    """The newest advice version of a request (uses the prefetched advice when present)."""
    versions = list(request.advice.all())
    return max(versions, key=lambda a: a.version) if versions else None


def advice_list_for_process(*, process: Process) -> QuerySet[Advice]:
    """Every advice version given within this process (for the decision form)."""
    return (
        Advice.objects.filter(request__process=process)
        .select_related("request", "author")
        .order_by("request__deadline", "request_id", "-version")
    )


# --- decisions --------------------------------------------------------------------------------------


def decision_list(*, process: Process) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(process=process)
        .select_related("corrects", "author")
        .prefetch_related(
            Prefetch(
                "assessments", queryset=ValueAssessment.objects.select_related("value").order_by("value__position")
            ),
            Prefetch("advice", queryset=Advice.objects.select_related("request__specialist")),
            "corrections",
        )
        .order_by("decided_on", "pk")
    )


def advice_request_waiting_counts(*, municipality: Municipality, specialist=None, processes=None) -> dict[str, int]:
    """How many advice requests wait for an answer, as {"open": n, "late": n} (the staff start page):
    those asked of `specialist`, or those asked within `processes` (a queryset of processes)."""
    qs = _with_state(AdviceRequest.objects.filter(process__municipality=municipality))
    if specialist is not None:
        qs = qs.filter(specialist=specialist)
    if processes is not None:
        qs = qs.filter(process__in=processes)
    counts = dict(qs.exclude(state=ADVICE_ANSWERED).values_list("state").annotate(n=Count("pk")))
    return {ADVICE_OPEN: counts.get(ADVICE_OPEN, 0), ADVICE_LATE: counts.get(ADVICE_LATE, 0)}
