"""Statements residents write in a dialogue: the corpus never reaches the voting page, the API or the
Pol.is export; a statement waiting for its masking is not offered for voting."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from tests.foundation.builders import make_resident, staff_login
from zwerm.accounts.roles import Role
from zwerm.dialogues import selectors, services
from zwerm.dialogues.models import Statement

from .corpus import PATTERN_CASES

HOST = "testdam.localhost"


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def dialogue(lead, municipality):
    return services.dialogue_create(
        author=lead, municipality=municipality, title="Ons plein", question="Wat vind je?", moderation="after"
    )


def submit(dialogue, municipality, neighbourhood, text):
    participant = services.participant_for(dialogue=dialogue, user=make_resident(municipality, neighbourhood))
    return services.statement_submit(participant=participant, text=text)


def test_the_corpus_leaks_neither_on_the_voting_page_nor_in_the_export(
    client, dialogue, municipality, neighbourhood, lead
):
    for text, _ in PATTERN_CASES:
        submit(dialogue, municipality, neighbourhood, text)
    leaks = [leak for _, case_leaks in PATTERN_CASES for leak in case_leaks]
    public = [s.shown_text for s in Statement.objects.filter(dialogue=dialogue)]
    assert [leak for leak in leaks if any(leak in text for text in public)] == []

    page = client.get(dialogue.get_absolute_url(), HTTP_HOST=HOST).content.decode()
    assert [leak for leak in leaks if leak in page] == []
    api = client.get(f"/api/v1/dialogues/{dialogue.pk}", HTTP_HOST=HOST).content.decode()
    assert [leak for leak in leaks if leak in api] == []

    staff_login(client, lead)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/dialogen/{dialogue.pk}/export.zip", HTTP_HOST=HOST).content))
    exported = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    assert [leak for leak in leaks if leak in exported] == []
    assert "[telefoonnummer]" in exported and "[naam]" in exported


def test_a_statement_waiting_for_its_masking_is_not_offered_for_voting(
    names_on, dialogue, municipality, neighbourhood, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        statement = submit(dialogue, municipality, neighbourhood, "Vraag het Maria de Vries, Kerkstraat 5")
    statement.refresh_from_db()
    assert statement.masking_pending and statement.shown_text == "wordt gecontroleerd"
    voter = services.participant_for(dialogue=dialogue, user=make_resident(municipality, neighbourhood))
    assert selectors.statement_next(dialogue=dialogue, participant=voter) is None
    with pytest.raises(ValidationError):
        services.vote_cast(participant=voter, statement=statement, value=1)

    for callback in callbacks:
        callback()
    statement.refresh_from_db()
    assert statement.public_text == "Vraag het [naam], [adres]"
    assert selectors.statement_next(dialogue=dialogue, participant=voter) == statement
