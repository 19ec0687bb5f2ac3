"""A municipality where one resident ("Anna") took part everywhere, next to another resident ("Bram"),
built through the real services of every app."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client

from zwerm.accounts.roles import Role
from zwerm.budgets import services as budgets
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.places.selectors import district_list
from zwerm.processes import services as processes

from ..foundation.builders import make_initiative, make_resident, staff_login

HOST = "testdam.localhost"


@dataclass
class World:
    anna: object
    bram: object
    admin: object
    lead: object
    moderator: object
    process: object
    initiative: object  # Anna's, placed in the process
    loose_initiative: object  # Anna's, in no process
    bram_initiative: object  # Bram's, placed in the process
    comment: object  # Anna's comment on Bram's initiative
    dialogue: object
    statement: object  # Anna's statement
    survey: object
    budget: object
    project: object  # Anna's project


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.ADMIN)


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def world(municipality, neighbourhood, admin, lead, moderator) -> World:
    anna = make_resident(municipality, neighbourhood, name="Anna Jansen")
    bram = make_resident(municipality, neighbourhood, name="Bram de Vries")
    process = processes.process_create(
        actor=lead, municipality=municipality, title="Groen plein", question="Hoe?", description="Samen."
    )
    processes.phase_add(process=process, actor=lead, title="Ophalen", reason="We beginnen.")
    process = processes.process_open(process=process, actor=lead)

    initiative = make_initiative(municipality, anna, neighbourhood, publish_by=moderator, title="Bankje bij de vijver")
    loose = make_initiative(municipality, anna, neighbourhood, publish_by=moderator, title="Losse boom")
    bram_initiative = make_initiative(municipality, bram, neighbourhood, publish_by=moderator, title="Speeltuin")
    for item in (initiative, bram_initiative):
        processes.placement_create(process=process, actor=lead, kind="initiative", object_id=item.pk, title=item.title)
    comment = initiatives.comment_create(initiative=bram_initiative, author=anna, body="Goed idee, Bram!")
    initiatives.comment_create(initiative=initiative, author=bram, body="Mooi plan van Anna.")
    initiatives.initiative_support(initiative=bram_initiative, resident=anna)
    initiatives.initiative_support(initiative=initiative, resident=bram)
    initiatives.initiative_join(initiative=bram_initiative, resident=anna)
    initiatives.flag_create(initiative=bram_initiative, reporter=anna, reason="Klopt niet helemaal.")

    dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het plein",
        question="Wat vind je?",
        moderation="after",
        seed_statements=["Meer groen", "Meer bankjes"],
    )
    processes.placement_create(process=process, actor=lead, kind="dialogue", object_id=dialogue.pk, title="Dialoog")
    anna_p = dialogues.participant_for(dialogue=dialogue, user=anna)
    bram_p = dialogues.participant_for(dialogue=dialogue, user=bram)
    statement = dialogues.statement_submit(participant=anna_p, text="Minder auto's op het plein")
    for participant in (anna_p, bram_p):
        for s in dialogue.statements.all():
            if s.author_id != participant.pk:
                dialogues.vote_cast(participant=participant, statement=s, value=1)

    survey = processes.survey_create(
        process=process,
        actor=lead,
        title="Uw mening",
        questions=["Wat mist er?"],
        active_phases=list(process.phases.all()),
    )
    processes.survey_respond(survey=survey, resident=anna, answers=["Schaduw"])
    processes.survey_respond(survey=survey, resident=bram, answers=["Water"])
    processes.process_follow(process=process, user=anna)

    budget = budgets.budget_create(
        process=process,
        actor=lead,
        title="Buurtbudget",
        total_amount=Decimal("10000"),
        ballot_type="approval",
        district=district_list(municipality=municipality).first(),
        active_phases=list(process.phases.all()),
    )
    project = budgets.project_propose(budget=budget, resident=anna, title="Picknicktafel", description="Voor iedereen.")
    return World(
        anna=anna,
        bram=bram,
        admin=admin,
        lead=lead,
        moderator=moderator,
        process=process,
        initiative=initiative,
        loose_initiative=loose,
        bram_initiative=bram_initiative,
        comment=comment,
        dialogue=dialogue,
        statement=statement,
        survey=survey,
        budget=budget,
        project=project,
    )


@pytest.fixture
def anna_client(world):
    client = Client()
    client.force_login(world.anna)
    return client


@pytest.fixture
def admin_client(admin):
    return staff_login(Client(), admin)
