"""Reads of processes, their phases, components, stakeholders and updates; scoped to one municipality."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role, user_has_second_factor
from zwerm.core.models import Municipality

from ..models import (
    Advice,
    AdviceRequest,
    Meeting,
    Phase,
    Placement,
    Process,
    ProcessFollow,
    Stakeholder,
    Survey,
    SurveyResponse,
    Update,
)

ADVICE_OPEN = "open"
ADVICE_LATE = "late"
ADVICE_ANSWERED = "answered"
ADVICE_STATES = (ADVICE_OPEN, ADVICE_LATE, ADVICE_ANSWERED)

MANAGER_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)


# --- processes -------------------------------------------------------------------------------------


def _base(municipality: Municipality) -> QuerySet[Process]:
    return Process.objects.filter(municipality=municipality).select_related("lead", "district")


def process_list(*, municipality: Municipality, user=None, listed_only: bool = False) -> QuerySet[Process]:
    """Processes the public may see (running and closed); process leads and admins also see drafts.
    `listed_only` leaves out processes run inside another procedure (a challenge's assessment)."""
    qs = _base(municipality)
    if listed_only:
        qs = qs.filter(listed=True)
    if not (user is not None and user_has_role(user=user, municipality=municipality, roles=MANAGER_ROLES)):
        qs = qs.exclude(status=Process.Status.DRAFT)
    return qs.annotate(
        follower_count=Count("followers", distinct=True),
        phase_count=Count("phases", distinct=True),
        phases_closed=Count("phases", filter=Q(phases__closed_at__isnull=False), distinct=True),
        decision_count=Count("decisions", distinct=True),
    ).order_by("status", "-created_at")


def process_get(*, municipality: Municipality, slug: str) -> Process | None:
    """The process with this slug in this municipality, whatever its status (callers check visibility)."""
    return _base(municipality).filter(slug=slug).first()


def process_is_visible(*, process: Process, user=None) -> bool:
    """Drafts are seen by process leads and admins only, with their second factor; everything else is public."""
    if process.status != Process.Status.DRAFT:
        return True
    if not user_has_second_factor(user=user):
        return False  # a session from an e-mail link holds no staff rights
    return user_has_role(user=user, municipality=process.municipality, roles=MANAGER_ROLES)


def process_list_for_council(*, municipality: Municipality) -> QuerySet[Process]:
    """Every process (drafts too) with the figures the council dashboard shows, without personal data."""
    today = timezone.localdate()
    answered = Exists(Advice.objects.filter(request=OuterRef("pk")))
    open_requests = AdviceRequest.objects.filter(process=OuterRef("pk")).annotate(answered=answered)
    return (
        _base(municipality)
        .annotate(
            follower_count=Count("followers", distinct=True),
            decision_count=Count("decisions", distinct=True),
            phase_count=Count("phases", distinct=True),
            open_phase_count=Count("phases", filter=Q(phases__closed_at__isnull=True), distinct=True),
            advice_request_count=Count("advice_requests", distinct=True),
            late_advice_exists=Exists(open_requests.filter(answered=False, deadline__lt=today)),
        )
        .order_by("status", "title")
    )


def process_follow_get(*, process: Process, user) -> ProcessFollow | None:
    if user is None or not user.is_authenticated:
        return None
    return ProcessFollow.objects.filter(process=process, user=user).first()


def process_list_led_by(*, municipality: Municipality, user) -> QuerySet[Process]:
    """The processes this user leads (admins: all), for the staff workspace."""
    qs = _base(municipality)
    if not user_has_role(user=user, municipality=municipality, roles=Role.ADMIN):
        qs = qs.filter(lead=user)
    return qs.order_by("status", "-created_at")


def process_can_manage(*, process: Process, user) -> bool:
    """The process lead of this process, or an admin of its municipality."""
    if user is None or not user.is_authenticated:
        return False
    municipality = process.municipality
    if user_has_role(user=user, municipality=municipality, roles=Role.ADMIN):
        return True
    return process.lead_id == user.pk and user_has_role(user=user, municipality=municipality, roles=Role.PROCESS_LEAD)


# --- phases, placements, stakeholders ------------------------------------------------------------------


def phase_list(*, process: Process) -> QuerySet[Phase]:
    return Phase.objects.filter(process=process).order_by("position", "pk")


def phase_current(*, phases) -> Phase | None:
    """The first phase (in order) that is not closed."""
    return next((p for p in phases if p.closed_at is None), None)


def placement_list(*, process: Process) -> QuerySet[Placement]:
    return Placement.objects.filter(process=process).prefetch_related("active_phases").order_by("created_at", "pk")


def placement_for(*, kind: str, object_id: int) -> Placement | None:
    """The placement hosting this component, if any."""
    return Placement.objects.select_related("process__municipality").filter(kind=kind, object_id=object_id).first()


def placement_is_active(placement: Placement | None) -> bool:
    """Open for taking part: the process runs and the component is active in the current phase."""
    if placement is None:
        return False
    process = placement.process
    if process.status != Process.Status.ACTIVE:
        return False
    current = phase_current(phases=phase_list(process=process))
    return current is not None and placement.active_phases.filter(pk=current.pk).exists()


def stakeholder_list(*, process: Process) -> QuerySet[Stakeholder]:
    """Stakeholders with contact details: for staff only (views check the role)."""
    return Stakeholder.objects.filter(process=process).prefetch_related("related_to").order_by("kind", "name")


def stakeholder_counts(*, process: Process) -> dict[str, int]:
    """Number of stakeholders per kind; every kind present (0 when none), no names or contacts."""
    counts = dict(Stakeholder.objects.filter(process=process).values_list("kind").annotate(n=Count("pk")))
    return {kind: counts.get(kind, 0) for kind in Stakeholder.Kind.values}


def update_list(*, process: Process) -> QuerySet[Update]:
    return Update.objects.filter(process=process).select_related("author").order_by("-created_at", "-pk")


# --- people to choose from ----------------------------------------------------------------------------


def _users_with_role(*, municipality: Municipality, role: str):
    from django.contrib.auth import get_user_model

    from zwerm.accounts.selectors import role_assignment_list

    holders = role_assignment_list(municipality=municipality).filter(role=role).values("user_id")
    return get_user_model().objects.filter(pk__in=holders).order_by("display_name", "email")


def process_lead_choices(*, municipality: Municipality):
    """Users who hold the process-lead role here."""
    return _users_with_role(municipality=municipality, role=Role.PROCESS_LEAD)


def specialist_choices(*, municipality: Municipality):
    """Users who hold the specialist role here."""
    return _users_with_role(municipality=municipality, role=Role.SPECIALIST)


def meeting_get(*, process: Process, pk: int):
    if not Placement.objects.filter(process=process, kind="meeting", object_id=pk).exists():
        return None
    return Meeting.objects.filter(municipality_id=process.municipality_id, pk=pk).first()


def survey_get(*, process: Process, pk: int):
    if not Placement.objects.filter(process=process, kind="survey", object_id=pk).exists():
        return None
    return Survey.objects.filter(municipality_id=process.municipality_id, pk=pk).first()


def survey_public_answers(*, survey) -> list[list[str]]:
    """Per question, the answers with personal data masked, without who gave them."""
    per_question: list[list[str]] = [[] for _q in survey.questions]
    for answers in SurveyResponse.objects.filter(survey=survey).order_by("pk").values_list("public_answers", flat=True):
        for i, answer in enumerate(answers[: len(per_question)]):
            if answer:
                per_question[i].append(answer)
    return per_question


def survey_has_responded(*, survey, user) -> bool:
    return user.is_authenticated and SurveyResponse.objects.filter(survey=survey, respondent=user).exists()


def process_list_running(*, municipality: Municipality) -> QuerySet[Process]:
    """Running processes, newest first (the home page invites people to follow one)."""
    return _base(municipality).filter(status=Process.Status.ACTIVE, listed=True).order_by("-created_at")
