"""Fixtures for the budget component: people in their roles, a running process and a budget in it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.budgets import services
from zwerm.budgets.models import Budget
from zwerm.places.selectors import district_list
from zwerm.places.services import district_save, neighbourhood_save
from zwerm.processes import services as processes

from ..foundation.builders import make_resident


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.ADMIN)


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def other_lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def specialist(make_staff):
    return make_staff(Role.SPECIALIST)


@pytest.fixture
def council_member(make_staff):
    return make_staff(Role.COUNCIL_MEMBER)


@pytest.fixture
def process(municipality, lead):
    draft = processes.process_create(
        actor=lead,
        municipality=municipality,
        title="Buurt aan zet",
        question="Waar besteden we het buurtgeld aan?",
        description="Inwoners beslissen mee.",
    )
    processes.phase_add(process=draft, actor=lead, title="Bedenken en kiezen", reason="We beginnen.")
    return processes.process_open(process=draft, actor=lead)


@pytest.fixture
def district(municipality):
    return district_list(municipality=municipality).first()


@pytest.fixture
def south(municipality):
    """A second wijk with one buurt, for residents outside the budget's area."""
    district = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    neighbourhood = neighbourhood_save(
        municipality=municipality, district=district, code="BU00010201", name="Zuidbuurt"
    )
    return district, neighbourhood


@pytest.fixture
def outsider(municipality, south):
    return make_resident(municipality, south[1])


@pytest.fixture
def residents(municipality, neighbourhood):
    return [make_resident(municipality, neighbourhood) for _ in range(6)]


def make_budget(process, lead, **kwargs) -> Budget:
    defaults = {"title": "Buurtbudget Noord", "total_amount": Decimal("10000"), "ballot_type": "approval"}
    defaults.update(kwargs)
    return services.budget_create(process=process, actor=lead, **defaults)


@pytest.fixture
def budget(process, lead, district):
    return make_budget(process, lead, district=district, max_projects=3, max_cost=Decimal("8000"))


def make_projects(budget, lead, resident, costs, *, infeasible=()):
    """Projects proposed by `resident`, reviewed by the lead: feasible with `costs`, or infeasible."""
    projects = []
    for i in range(1, len(costs) + 1):
        project = services.project_propose(
            budget=budget, resident=resident, title=f"Project {i}", description=f"Plan nummer {i} voor de buurt."
        )
        projects.append(project)
    for project, cost in zip(projects, costs, strict=True):
        if project.title in infeasible:
            services.project_review(
                project=project,
                actor=lead,
                feasibility="infeasible",
                cost=None,
                reason="Grond is niet van de gemeente.",
            )
        else:
            services.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    return projects


def open_voting(budget, lead, **kwargs):
    services.budget_set_status(budget=budget, actor=lead, to_status="review")
    return services.budget_set_status(budget=budget, actor=lead, to_status="voting", **kwargs)


@pytest.fixture
def voting_budget(budget, lead, resident):
    """Voting open, four feasible projects (3000, 4000, 5000, 2000) and one infeasible."""
    make_projects(budget, lead, resident, ["3000", "4000", "5000", "2000", "1000"], infeasible=("Project 5",))
    return open_voting(budget, lead)


def later(days=1) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)
