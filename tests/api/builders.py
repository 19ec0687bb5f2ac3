"""A municipality with something of everything the API publishes, built through the apps' services.

`build_world(municipality, ...)` returns a `World`: published and unpublished initiatives, a running and a
draft process with phases, decisions and a kader, a dialogue with an analysis of 6 voters, a budget with a
published count, a report sent to the council, and sensing themes (one with six residents behind it). Used by
the endpoint tests and by the schemathesis run (which needs real objects behind every path)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from tests.foundation.builders import make_initiative, make_resident
from tests.sensing_platform.conftest import PLACES, ingest_synthetic, residents_write_now
from zwerm.accounts.roles import Role
from zwerm.api.services import api_token_create
from zwerm.budgets import services as budgets
from zwerm.council import services as council
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.participation import services as participation
from zwerm.places.selectors import neighbourhood_list
from zwerm.places.services import places_import_csv
from zwerm.processes import services as processes
from zwerm.processes.services.decisions import Weighing
from zwerm.sensing.services import refresh_run
from zwerm.values.services import value_create

HOST = "testdam.localhost"
OTHER_HOST = "andersum.localhost"
PHONE = "06-12345678"


@dataclass
class World:
    municipality: object
    staff: dict  # role -> user
    tokens: dict = field(default_factory=dict)  # role -> raw token
    initiative: object = None  # published, with a phone number masked in its public text
    submitted: object = None  # not published
    hidden: object = None  # published, then hidden by a moderator
    flag: object = None
    process: object = None  # running
    draft: object = None
    decision: object = None
    dialogue: object = None
    budget: object = None
    report: object = None  # sent to the council
    unsent_report: object = None
    draft_budget: object = None  # placed in the draft process
    sensing_hood: object = None  # where the residents wrote about full containers
    challenge: object = None  # under the uitdaagrecht, receipt confirmed, with a phone number masked in its plan


def token_for(municipality, user, role) -> str:
    _token, raw = api_token_create(municipality=municipality, name=f"Systeem {role}", role=role, created_by=user)
    return raw


def build_initiatives(world, neighbourhood):
    m, moderator = world.municipality, world.staff[Role.MODERATOR]
    author = make_resident(m, neighbourhood, name="Anna de Vries")
    world.initiative = make_initiative(
        m, author, neighbourhood, publish_by=moderator, title="Bankjes op het plein", body=f"Bel mij: {PHONE}."
    )
    for supporter in [make_resident(m, neighbourhood) for _ in range(3)]:
        initiatives.initiative_support(initiative=world.initiative, resident=supporter)
    world.submitted = make_initiative(m, author, neighbourhood, title="Nog niet openbaar")
    world.hidden = make_initiative(m, author, neighbourhood, publish_by=moderator, title="Verborgen idee")
    initiatives.moderation_hide(moderator=moderator, initiative=world.hidden, reason="Kwetsend.")
    reporter = make_resident(m, neighbourhood)
    world.flag = initiatives.flag_create(
        reporter=reporter, initiative=world.initiative, reason=f"Er staat een telefoonnummer in: {PHONE}"
    )


def build_processes(world):
    m, lead, admin = world.municipality, world.staff[Role.PROCESS_LEAD], world.staff[Role.ADMIN]
    value = value_create(municipality=m, actor=admin, name="Samen", description="Met de buurt.")
    draft = processes.process_create(
        actor=lead, municipality=m, title="Plein Noord", question="Hoe?", description="Het plein samen inrichten."
    )
    processes.phase_add(process=draft, actor=lead, title="Verkennen", reason="We beginnen met luisteren.")
    world.process = processes.process_open(process=draft, actor=lead)
    world.decision = processes.decision_record(
        process=world.process,
        actor=lead,
        decided_on=timezone.localdate(),
        decided_by="process_lead",
        title="We houden drie bewonersavonden",
        reasons="Zo kan iedereen meedoen.",
        weighings=[Weighing(value_id=value.pk, weighed=True, explanation="Samen met de buurt.")],
    )
    council.frame_set(
        process=world.process,
        actor=world.staff[Role.COUNCIL_MEMBER],
        kind="budget",
        description="Hoogstens het buurtbudget.",
        set_by="council",
        source_reference="Raadsbesluit 2026-14",
        source_date=timezone.localdate() - datetime.timedelta(days=30),
        budget="25000",
    )
    world.draft = processes.process_create(
        actor=lead, municipality=m, title="Geheim plan", question="Wat?", description="Nog in voorbereiding."
    )


def build_challenge(world, neighbourhood):
    m, admin, lead = world.municipality, world.staff[Role.ADMIN], world.staff[Role.PROCESS_LEAD]
    participation.bylaw_record(
        municipality=m,
        actor=admin,
        title="Participatieverordening",
        text="Artikel 1.",
        valid_from=datetime.date(2027, 1, 1),
        weighing="Alle inbreng telt.",
        challenge_criteria="Haalbaar en betrokken.",
        deadlines=participation.Deadlines(
            response_days=21,
            challenge_receipt_days=5,
            challenge_complete_days=28,
            challenge_decision_days=84,
            evaluation_days=90,
        ),
        rules=[participation.RuleInput(name="Beleid", minimum_level="consult", phases=("preparation",))],
    )
    challenge = participation.challenge_submit(
        municipality=m,
        resident=make_resident(m, neighbourhood),
        task="Onderhoud van het park",
        plan=f"Wij doen het onderhoud. Bel {PHONE}.",
        involvement="Werkochtenden.",
        cost=Decimal("8000"),
        municipality_cost=Decimal("12000"),
        challenger_kind="group",
        challenger_name="Buurtgroep Park",
        contacts=[participation.ContactInput(name="Sanne", email="sanne@example.org")],
    )
    # Received, not yet checked: a complete challenge gets a process of its own, which would change the process lists.
    world.challenge = participation.challenge_confirm_receipt(challenge=challenge, actor=lead, note="Ontvangen.")


def build_council_reports(world):
    lead = world.staff[Role.PROCESS_LEAD]
    world.report = council.report_send(report=council.report_generate(process=world.process, actor=lead), actor=lead)
    world.unsent_report = council.report_generate(process=world.process, actor=lead)


def build_dialogue(world, neighbourhood, *, voters=6):
    m, lead = world.municipality, world.staff[Role.PROCESS_LEAD]
    world.dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=m,
        title="Ons plein",
        question="Hoe maken we het plein beter?",
        seed_statements=["Meer groen", "Minder auto's", "Een speeltuin", "Bankjes bij de bus"],
    )
    statements = list(world.dialogue.statements.order_by("pk"))
    for i in range(voters):
        participant = dialogues.participant_for(dialogue=world.dialogue, user=make_resident(m, neighbourhood))
        for j, statement in enumerate(statements):
            dialogues.vote_cast(participant=participant, statement=statement, value=1 if (i + j) % 3 else -1)
    dialogues.dialogue_analyse(dialogue=world.dialogue)


def build_budget(world, neighbourhood, *, voters=6):
    m, lead = world.municipality, world.staff[Role.PROCESS_LEAD]
    budget = budgets.budget_create(
        process=world.process, actor=lead, title="Buurtbudget", total_amount=Decimal("10000"), ballot_type="approval"
    )
    proposer = make_resident(m, neighbourhood, name="Piet Voorsteller")
    projects = [
        budgets.project_propose(budget=budget, resident=proposer, title=f"Project {i}", description=f"Plan {i}.")
        for i in (1, 2, 3)
    ]
    for project, cost in zip(projects, ("4000", "5000", "3000"), strict=True):
        budgets.project_review(project=project, actor=lead, feasibility="feasible", cost=Decimal(cost))
    budgets.budget_set_status(budget=budget, actor=lead, to_status="review")
    budgets.budget_set_status(budget=budget, actor=lead, to_status="voting")
    for i in range(voters):
        voter = make_resident(m, neighbourhood)
        budgets.ballot_cast(budget=budget, resident=voter, projects=[projects[i % 3].pk, projects[(i + 1) % 3].pk])
    budgets.budget_set_status(budget=budget, actor=lead, to_status="counting")
    budgets.budget_count(budget=budget, actor=lead)
    budgets.budget_publish_result(budget=budget, actor=lead)
    budget.refresh_from_db()
    world.budget = budget
    world.draft_budget = budgets.budget_create(
        process=world.draft, actor=lead, title="Geheim budget", total_amount=Decimal("500"), ballot_type="approval"
    )


def build_sensing(world, *, residents: int = 6):
    report = places_import_csv(municipality=world.municipality, text=PLACES)
    assert not report.errors, report.errors
    hoods = [h for h in neighbourhood_list(municipality=world.municipality) if h.code.startswith("BU000101")]
    ingest_synthetic(world.municipality, hoods, n=80, weeks=8)
    run = refresh_run(municipality=world.municipality)
    assert run.status == "done", run.message
    # Public figures count people: residents of one buurt write about full containers.
    if residents:
        residents_write_now(world.municipality, hoods[0], people=residents, texts=residents + 2)
    world.sensing_hood = hoods[0]


def build_world(municipality, neighbourhood, make_staff, *, sensing=True) -> World:
    roles = (Role.MODERATOR, Role.PROCESS_LEAD, Role.SPECIALIST, Role.COUNCIL_MEMBER, Role.ADMIN)
    world = World(municipality=municipality, staff={role: make_staff(role) for role in roles})
    world.tokens = {role: token_for(municipality, user, role) for role, user in world.staff.items()}
    build_initiatives(world, neighbourhood)
    build_processes(world)
    build_council_reports(world)
    build_challenge(world, neighbourhood)
    build_dialogue(world, neighbourhood)
    build_budget(world, neighbourhood)
    if sensing:
        build_sensing(world)
    return world
