"""Who may do what in a process: every role against every action, on the services."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.processes import services
from zwerm.processes.models import (
    Advice,
    AdviceRequest,
    Decision,
    Phase,
    Placement,
    Process,
    ProcessFollow,
    Stakeholder,
    SurveyResponse,
    Update,
)
from zwerm.values.models import Value
from zwerm.values.services import value_create

from ..foundation.builders import make_resident
from .conftest import tomorrow, weighings_for

ROLES = [
    "anonymous",
    "resident",
    "process_lead",  # the lead of this process
    "other_process_lead",
    "specialist",  # the specialist the advice was asked of
    "council_member",
    "moderator",
    "admin",
    "foreign_staff",  # an admin of another municipality
]
HERE = {r for r in ROLES if r not in ("anonymous", "foreign_staff")}

MATRIX = {
    "process_create": {"process_lead", "other_process_lead", "admin"},
    "process_update": {"process_lead", "admin"},
    "phase_add": {"process_lead", "admin"},
    "meeting_create": {"process_lead", "admin"},
    "stakeholder_add": {"process_lead", "admin"},
    "advice_request_create": {"process_lead", "admin"},
    "advice_give": {"specialist", "admin"},
    "decision_record": {"process_lead", "admin"},
    "update_post": {"process_lead", "admin"},
    "process_close": {"process_lead", "admin"},
    "value_create": {"admin"},
    "process_follow": HERE,
    "survey_respond": HERE,
}

COUNTED = (Process, Phase, Placement, Stakeholder, AdviceRequest, Advice, Decision, Update, Value, ProcessFollow)


@pytest.fixture
def actor_for(municipality, neighbourhood, lead, specialist, make_staff, other_municipality):
    def actor(role):
        if role == "anonymous":
            return AnonymousUser()
        if role == "resident":
            return make_resident(municipality, neighbourhood)
        if role == "process_lead":
            return lead
        if role == "other_process_lead":
            return make_staff(Role.PROCESS_LEAD)
        if role == "specialist":
            return specialist
        if role == "foreign_staff":
            return make_staff(Role.ADMIN, in_municipality=other_municipality)
        return make_staff(role)

    return actor


def attempt(action, *, user, process, municipality, advice_request, survey, values):
    return {
        "process_create": lambda: services.process_create(
            actor=user, municipality=municipality, title="Nieuw", question="V?", description="B"
        ),
        "process_update": lambda: services.process_update(
            process=process, actor=user, title="Anders", question="V?", description="B"
        ),
        "phase_add": lambda: services.phase_add(process=process, actor=user, title="Extra", reason="Nodig."),
        "meeting_create": lambda: services.meeting_create(
            process=process, actor=user, title="Avond", starts_at=timezone.now(), place="Buurthuis"
        ),
        "stakeholder_add": lambda: services.stakeholder_add(
            process=process, actor=user, name="X", kind="group", role="r"
        ),
        "advice_request_create": lambda: services.advice_request_create(
            process=process, actor=user, specialist=advice_request.specialist, question="V?", deadline=tomorrow()
        ),
        "advice_give": lambda: services.advice_give(request=advice_request, actor=user, text="Ja.", basis="APV"),
        "decision_record": lambda: services.decision_record(
            process=process,
            actor=user,
            decided_on=timezone.localdate(),
            decided_by="process_lead",
            title="Besluit",
            reasons="Omdat.",
            weighings=weighings_for(values),
        ),
        "update_post": lambda: services.update_post(process=process, actor=user, title="T", body="B"),
        "process_close": lambda: services.process_close(process=process, actor=user, outcome="Klaar."),
        "value_create": lambda: value_create(municipality=municipality, actor=user, name="Nieuw", description="B"),
        "process_follow": lambda: services.process_follow(process=process, user=user),
        "survey_respond": lambda: services.survey_respond(survey=survey, resident=user, answers=["Antwoord"]),
    }[action]()


def _counts():
    return {m.__name__: m.objects.count() for m in COUNTED} | {"responses": SurveyResponse.objects.count()}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_action_matrix(action, role, actor_for, process, phases, lead, municipality, advice_request, values):
    survey = services.survey_create(process=process, actor=lead, title="V", questions=["Wat?"], active_phases=phases)
    user = actor_for(role)
    context = {
        "user": user,
        "process": process,
        "municipality": municipality,
        "advice_request": advice_request,
        "survey": survey,
        "values": values,
    }
    before = _counts()
    if role in MATRIX[action]:
        attempt(action, **context)
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            attempt(action, **context)
        assert _counts() == before
        process.refresh_from_db()
        assert process.title == "Groen plein" and process.status == "active"
