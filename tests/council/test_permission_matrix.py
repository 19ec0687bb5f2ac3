"""Who may do what with the council's records: every role against every action, on the services."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.council import services
from zwerm.council.models import CouncilFollow, Frame, Question, Report, Spending

ROLES = [
    "anonymous",
    "resident",
    "moderator",
    "specialist",
    "council_member",
    "this_process_lead",
    "other_process_lead",
    "admin",
    "foreign_admin",
]

# action -> roles that may do it (everyone else is refused and nothing changes)
MATRIX = {
    "frame_set": {"council_member", "admin"},
    "spending_record": {"this_process_lead", "admin"},
    "question_ask": {"council_member", "admin"},
    "question_answer": {"this_process_lead", "admin"},
    "report_generate": {"this_process_lead", "admin"},
    "report_send": {"this_process_lead", "admin"},
    "council_follow": {"council_member", "admin"},
}


@pytest.fixture
def actor_for(municipality, neighbourhood, make_staff, other_municipality, lead):
    def actor(role):
        if role == "anonymous":
            return AnonymousUser()
        if role == "resident":
            return make_resident(municipality, neighbourhood)
        if role == "this_process_lead":
            return lead
        if role == "other_process_lead":
            return make_staff(Role.PROCESS_LEAD)
        if role == "foreign_admin":
            return make_staff(Role.ADMIN, in_municipality=other_municipality)
        return make_staff(role)

    return actor


def attempt(action, user, *, process, question, report):
    return {
        "frame_set": lambda: services.frame_set(
            process=process,
            actor=user,
            kind=Frame.Kind.BUDGET,
            description="Budget",
            budget="1000",
            set_by=Frame.SetBy.COUNCIL,
            source_reference="Raadsbesluit 1",
            source_date=timezone.localdate() - datetime.timedelta(days=1),
        ),
        "spending_record": lambda: services.spending_record(
            process=process, actor=user, amount="10", description="Koffie"
        ),
        "question_ask": lambda: services.question_ask(process=process, asker=user, text="Waarom?"),
        "question_answer": lambda: services.question_answer(question=question, actor=user, answer="Daarom."),
        "report_generate": lambda: services.report_generate(process=process, actor=user),
        "report_send": lambda: services.report_send(report=report, actor=user),
        "council_follow": lambda: services.council_follow(process=process, member=user),
    }[action]()


def snapshot():
    return (
        Frame.objects.count(),
        Spending.objects.count(),
        Question.objects.count(),
        Question.objects.filter(answered_at__isnull=False).count(),
        Report.objects.count(),
        Report.objects.filter(sent_at__isnull=False).count(),
        CouncilFollow.objects.count(),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_action_matrix(action, role, actor_for, process, member, lead):
    question = services.question_ask(process=process, asker=member, text="Hoe gaat het?")
    report = Report.objects.create(process=process, content={"name": "leeg"}, generated_by=lead)
    user = actor_for(role)
    before = snapshot()
    if role in MATRIX[action]:
        attempt(action, user, process=process, question=question, report=report)
        assert snapshot() != before
    else:
        with pytest.raises(PermissionDenied):
            attempt(action, user, process=process, question=question, report=report)
        assert snapshot() == before
