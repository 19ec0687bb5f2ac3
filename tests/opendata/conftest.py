"""A municipality with something in every dataset, built through the real services.

The texts carry personal data on purpose (an e-mail address, a phone number, names), so that the
privacy tests can look for it in every download."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.foundation.builders import PASSWORD, make_initiative, make_resident
from tests.sensing_platform.conftest import residents_write  # noqa: F401  (a fixture for the sensing figures)
from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.budgets.selectors import project_list
from zwerm.initiatives import services as initiatives
from zwerm.places.selectors import district_list
from zwerm.processes import services as processes
from zwerm.processes.services.decisions import Weighing
from zwerm.values.selectors import value_list
from zwerm.values.services import value_create

EMAIL = "henriette.zwanenburg@example.org"
PHONE = "06-12345678"
RESIDENT_NAME = "Henriëtte Zwanenburg"
COMMENTER_NAME = "Bartholomeus Vlinderslag"
LEAD_NAME = "Gerarda Procesleider"
LEAD_EMAIL = "gerarda.procesleider@gemeente.example"
PERSONAL = (EMAIL, PHONE, "12345678", RESIDENT_NAME, "Zwanenburg", COMMENTER_NAME, LEAD_NAME, LEAD_EMAIL)
CONTACT = f"Bel me op {PHONE} of mail {EMAIL}."


def named_staff(municipality, admin, role, *, name, email):
    user = accounts.staff_user_create(email=email, display_name=name, password=PASSWORD)
    accounts.role_grant(actor=admin, municipality=municipality, user=user, role=role)
    return user


def public_process(municipality, lead, admin, *, title="Speeltuin Noord", text=CONTACT):
    """An open process with two phases (the first closed) and one decision weighed against the values."""
    if not value_list(municipality=municipality).exists():
        value_create(municipality=municipality, actor=admin, name="Rechtvaardigheid", description="Iedereen telt mee.")
    process = processes.process_create(
        actor=lead,
        municipality=municipality,
        title=title,
        question="Hoe maken we de speeltuin veiliger?",
        description=f"Samen met de buurt. {text}",
    )
    first = processes.phase_add(
        process=process, actor=lead, title="Verkennen", reason="We beginnen.", description=f"Ophalen. {text}"
    )
    processes.phase_add(
        process=process,
        actor=lead,
        title="Ontwerpen",
        reason="Daarna ontwerpen.",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    processes.process_open(process=process, actor=lead)
    processes.phase_close(phase=first, actor=lead, reason="Verkenning klaar.")
    processes.decision_record(
        process=process,
        actor=lead,
        decided_on=timezone.localdate(),
        decided_by="process_lead",
        title="Nieuwe schommels plaatsen",
        reasons=f"Veiliger voor kinderen. {text}",
        alternatives="Niets doen.",
        weighings=[
            Weighing(value_id=v.pk, weighed=True, explanation=f"Bewoners dachten mee. {text}")
            for v in value_list(municipality=municipality)
        ],
    )
    return process


def published_budget(municipality, process, lead, voters, proposer):
    district = district_list(municipality=municipality).first()
    budget = budgets.budget_create(
        process=process, actor=lead, title="Buurtbudget Noord", total_amount=Decimal("10000.50"), district=district
    )
    for i in (1, 2):
        budgets.project_propose(
            budget=budget, resident=proposer, title=f"Project {i}", description=f"Plan {i}. {CONTACT}"
        )
    for project, cost in zip(project_list(budget=budget), ("3000", "4000.25"), strict=True):
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    budgets.budget_set_status(budget=budget, actor=lead, to_status="review")
    budgets.budget_set_status(budget=budget, actor=lead, to_status="voting")
    first, second = project_list(budget=budget)
    for i, voter in enumerate(voters):
        budgets.ballot_cast(budget=budget, resident=voter, projects=[first.pk] if i < 5 else [second.pk])
    budgets.budget_set_status(budget=budget, actor=lead, to_status="counting")
    budgets.budget_count(budget=budget, actor=lead)
    budgets.budget_publish_result(budget=budget, actor=lead)
    return budget


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.ADMIN)


@pytest.fixture
def lead(municipality, admin):
    return named_staff(municipality, admin, Role.PROCESS_LEAD, name=LEAD_NAME, email=LEAD_EMAIL)


@pytest.fixture
def author(municipality, neighbourhood):
    return make_resident(municipality, neighbourhood, name=RESIDENT_NAME)


@pytest.fixture
def filled(municipality, neighbourhood, author, moderator, lead, admin, django_capture_on_commit_callbacks):
    """Something in every dataset of Testdam, with personal data in the texts and the names."""
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(
            municipality, author, neighbourhood, publish_by=moderator, title="Bankjes in het park", body=CONTACT
        )
        commenter = make_resident(municipality, neighbourhood, name=COMMENTER_NAME)
        initiatives.comment_create(initiative=initiative, author=commenter, body=f"Goed plan! {CONTACT}")
        supporters = [make_resident(municipality, neighbourhood) for _ in range(6)]
        for supporter in supporters:
            initiatives.initiative_support(initiative=initiative, resident=supporter)
        process = public_process(municipality, lead, admin)
        budget = published_budget(municipality, process, lead, supporters, author)
        challenge = submitted_challenge(municipality, author, admin)
    return {
        "initiative": initiative,
        "process": process,
        "budget": budget,
        "supporters": supporters,
        "challenge": challenge,
    }


def submitted_challenge(municipality, author, admin):
    """A challenge under the uitdaagrecht (with a verordening), its plan and contact carrying personal data."""
    from tests.participation.conftest import record_bylaw
    from zwerm.participation import services as participation

    record_bylaw(municipality, admin)
    return participation.challenge_submit(
        municipality=municipality,
        resident=author,
        task="Beheer van de moestuin",
        plan=f"Wij beheren de moestuin. {CONTACT}",
        involvement="Open dagen.",
        cost=Decimal("1500.50"),
        municipality_cost=Decimal("4000"),
        challenger_kind="group",
        challenger_name="Moestuingroep Noord",
        contacts=[participation.ContactInput(name=RESIDENT_NAME, email=EMAIL, phone=PHONE)],
    )


LIGHTING = "De straatverlichting bij de sporthal knippert de hele nacht. Wanneer wordt dit opgelost?"


@pytest.fixture
def themed(municipality, author, neighbourhood, django_capture_on_commit_callbacks):
    """Two wijken, 150 imported reports (unknown people) over ten weeks, and eight initiatives about the
    street lighting in one buurt this month: three by the author, one each by five neighbours; then themes."""
    from tests.sensing_platform.conftest import PLACES, ingest_synthetic
    from zwerm.places.selectors import neighbourhood_list
    from zwerm.places.services import places_import_csv
    from zwerm.sensing.services import refresh_run

    places_import_csv(municipality=municipality, text=PLACES)
    ingest_synthetic(municipality, list(neighbourhood_list(municipality=municipality)))
    writers = [author, author, author] + [make_resident(municipality, neighbourhood) for _ in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        for i, writer in enumerate(writers):
            make_initiative(municipality, writer, neighbourhood, title=f"Lantaarnpaal kapot {i}", body=LIGHTING)
    run = refresh_run(municipality=municipality)
    assert run.status == "done" and run.themes > 0, run.message
    return run
