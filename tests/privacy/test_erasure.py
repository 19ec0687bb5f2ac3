"""The right to erasure: a resident deletes their account; contributions are anonymised or removed by the
process's setting, dialogue votes stay anonymous where the dialogue allows it, all in one transaction."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from zwerm.core.personal_data import PLACEHOLDER_NAME, Erasure, registry
from zwerm.dialogues.models import Participant, Statement, Vote
from zwerm.dialogues.services.personal_data import dialogue_set_keep_votes
from zwerm.initiatives.models import Comment, Follow, Initiative, StatusChange, Support
from zwerm.privacy.models import AccountErasure
from zwerm.privacy.services import account_erase, privacy_settings_set
from zwerm.processes.models import ProcessFollow, SurveyResponse
from zwerm.processes.services.personal_data import process_set_privacy
from zwerm.sensing.models import Text
from zwerm.sensing.services import text_ingest_source

from .conftest import get, post

User = get_user_model()


def delete_account(client):
    page = get(client, "/privacy/account-verwijderen").content.decode()
    assert "niet ongedaan" in page  # the consequences are explained first
    return post(client, "/privacy/account-verwijderen", {"confirm": "on"})


def test_deleting_needs_the_confirmation(world, anna_client):
    response = post(anna_client, "/privacy/account-verwijderen", {})
    assert response.status_code == 400
    assert User.objects.get(pk=world.anna.pk).email == world.anna.email


def test_by_default_contributions_stay_without_the_name(world, anna_client, municipality):
    email = world.anna.email
    response = delete_account(anna_client)
    assert response.status_code == 302
    anna = User.objects.get(pk=world.anna.pk)  # the row stays for the append-only history, emptied
    assert anna.email != email and "@" in anna.email and not anna.is_active and not anna.has_usable_password()
    assert anna.display_name == PLACEHOLDER_NAME
    assert not User.objects.filter(email=email).exists()
    assert not anna.memberships.exists()
    placeholder = registry.placeholder()
    world.initiative.refresh_from_db()
    assert world.initiative.author_id == placeholder.pk and world.initiative.is_public
    assert Comment.objects.get(pk=world.comment.pk).author_id == placeholder.pk
    # The history keeps working with the emptied account as actor.
    assert StatusChange.objects.filter(initiative=world.initiative).count() >= 2
    page = get(Client(), f"/initiatieven/{world.initiative.pk}").content.decode()
    assert "Verwijderde deelnemer" in page and "Anna Jansen" not in page
    # Votes stay as anonymous votes (the dialogue's default); the statement stays.
    participant = Participant.objects.get(pk=Vote.objects.filter(participant__user__isnull=True).first().participant_id)
    assert participant.user_id is None and participant.votes.count() == 2
    assert Statement.objects.filter(pk=world.statement.pk).exists()
    assert SurveyResponse.objects.filter(survey=world.survey, respondent__isnull=True).count() == 1
    assert not ProcessFollow.objects.filter(user=anna).exists() and not Follow.objects.filter(user=anna).exists()
    # Who supported goes; the public count stays.
    assert not Support.objects.filter(resident=anna).exists()
    world.bram_initiative.refresh_from_db()
    assert world.bram_initiative.support_count == 1
    world.project.refresh_from_db()
    assert world.project.proposer_id is None
    record = AccountErasure.objects.get()
    assert record.municipality == municipality and "initiatives" in record.counts
    assert email not in str(record.counts)


def test_the_session_ends_and_the_old_address_cannot_log_in(world, anna_client):
    other_session = Client()
    other_session.force_login(world.anna)
    delete_account(anna_client)
    assert get(other_session, "/privacy/mijn-gegevens").status_code == 302  # logged out everywhere
    assert not Session.objects.filter(session_key=other_session.session.session_key).exists()


def test_with_remove_the_process_contributions_go(world, anna_client):
    process_set_privacy(process=world.process, actor=world.lead, contributions_on_erase="remove", retention_months=None)
    text_ingest_source.call("statement", world.statement.pk, world.process.municipality_id)
    statement_text = Text.objects.filter(channel="statement", source_id=str(world.statement.pk))
    assert statement_text.exists()  # sensing had it
    delete_account(anna_client)
    world.initiative.refresh_from_db()
    assert not world.initiative.is_public and "Bankje" not in world.initiative.title + world.initiative.body
    assert not Comment.objects.filter(pk=world.comment.pk).exists()
    assert not Statement.objects.filter(pk=world.statement.pk).exists()
    assert not statement_text.exists()  # and sensing forgot it
    assert not SurveyResponse.objects.filter(survey=world.survey).exclude(answers=["Water"]).exists()
    world.bram_initiative.refresh_from_db()
    assert world.bram_initiative.support_count == 0 and world.bram_initiative.comment_count == 0
    # Outside the process the municipality's default (anonymise) applies.
    world.loose_initiative.refresh_from_db()
    assert world.loose_initiative.is_public and world.loose_initiative.author.display_name == PLACEHOLDER_NAME
    assert not world.project.__class__.objects.filter(pk=world.project.pk).exists()  # proposals still open


def test_the_municipality_default_applies_outside_processes(world, anna_client, municipality):
    privacy_settings_set(municipality=municipality, actor=world.admin, contributions_on_erase="remove")
    delete_account(anna_client)
    world.loose_initiative.refresh_from_db()
    world.initiative.refresh_from_db()
    assert not world.loose_initiative.is_public
    assert world.initiative.is_public  # in the process: its own setting (anonymise)


def test_votes_are_removed_where_the_dialogue_does_not_keep_them(world, anna_client):
    dialogue_set_keep_votes(dialogue=world.dialogue, actor=world.lead, keep_votes_on_erase=False)
    bram_votes = Vote.objects.filter(participant__user=world.bram).count()
    delete_account(anna_client)
    assert Vote.objects.count() == bram_votes
    assert not Participant.objects.filter(dialogue=world.dialogue, user__isnull=True).exists()
    assert Statement.objects.get(pk=world.statement.pk).author_id is None  # anonymised, no participant left


class Boom(Exception):
    pass


class FailingProvider:
    key = "zz-failing"
    label = "Faalt"

    def export(self, user):
        return {}

    def erase(self, erasure: Erasure):
        raise Boom

    def retention(self, retention):
        return {}


def test_nothing_is_half_done_when_one_part_fails(world, municipality):
    registry.register(FailingProvider())
    try:
        with pytest.raises(Boom):
            account_erase(user=world.anna, municipality=municipality)
    finally:
        registry._providers.pop("zz-failing")
    anna = User.objects.get(pk=world.anna.pk)
    assert anna.display_name == "Anna Jansen" and anna.memberships.exists()
    assert Initiative.objects.filter(author=anna).count() == 2
    assert not AccountErasure.objects.exists()


def test_the_placeholder_account_cannot_be_erased(municipality):
    with pytest.raises(Exception, match="niet"):
        account_erase(user=registry.placeholder(), municipality=municipality)
