"""Who may do what with a budget: every role against every action, on the services."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from zwerm.accounts.roles import Role
from zwerm.budgets import selectors, services
from zwerm.budgets.models import Budget

from ..foundation.builders import make_initiative, make_resident
from .conftest import make_budget, make_projects, open_voting

ROLES = [
    "anonymous",
    "resident",  # lives in the budget's wijk
    "process_lead",  # the lead of the hosting process
    "other_process_lead",
    "specialist",
    "council_member",
    "moderator",
    "admin",
    "foreign_staff",  # an admin of another municipality
]
MANAGERS = {"process_lead", "admin"}

MATRIX = {
    "budget_create": MANAGERS,
    "project_propose": {"resident"},  # staff have no buurt in the budget's wijk
    "project_from_initiative": MANAGERS,
    "project_review": MANAGERS,  # a specialist only when asked (see test_services)
    "budget_set_status": MANAGERS,
    "ballot_cast": {"resident"},
    "budget_count": MANAGERS,
    "budget_publish_result": MANAGERS,
}


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


def attempt(action, *, user, budget, process, lead, resident, initiative):
    if action == "budget_create":
        return make_budget(process, user)
    if action == "project_propose":
        return services.project_propose(budget=budget, resident=user, title="Plan", description="Een plan.")
    if action == "project_from_initiative":
        return services.project_from_initiative(budget=budget, actor=user, initiative_id=initiative.pk)
    if action == "project_review":
        project = services.project_propose(budget=budget, resident=resident, title="Plan", description="Een plan.")
        return services.project_review(project=project, actor=user, feasibility="feasible", cost=Decimal(100))
    if action == "budget_set_status":
        return services.budget_set_status(budget=budget, actor=user, to_status="review")
    make_projects(budget, lead, resident, ["1000", "2000"])
    open_voting(budget, lead)
    if action == "ballot_cast":
        project = selectors.project_list(budget=budget).first()
        services.ballot_cast(budget=budget, resident=user, projects=[project.pk])
        return selectors.has_voted(budget=budget, user=user)
    services.budget_set_status(budget=budget, actor=lead, to_status="counting")
    if action == "budget_count":
        return services.budget_count(budget=budget, actor=user)
    services.budget_count(budget=budget, actor=lead)
    return services.budget_publish_result(budget=Budget.objects.get(pk=budget.pk), actor=user)


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_role_action_matrix(
    role, action, actor_for, budget, process, lead, resident, municipality, neighbourhood, moderator
):
    initiative = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    user = actor_for(role)
    allowed = role in MATRIX[action]
    if allowed:
        assert attempt(
            action, user=user, budget=budget, process=process, lead=lead, resident=resident, initiative=initiative
        )
    else:
        with pytest.raises(PermissionDenied):
            attempt(
                action, user=user, budget=budget, process=process, lead=lead, resident=resident, initiative=initiative
            )
