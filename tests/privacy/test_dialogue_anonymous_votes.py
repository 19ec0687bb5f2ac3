"""Anonymous dialogue votes (issue 13, ADR 0029): where a dialogue promises anonymity, no table, export or
admin page links a vote to a person or to a log-in record, while "one vote per statement", "change your
vote" and the opinion map still work, and erasure cuts the last tie.

The attacks: join a vote to an account (participant.user, statement.author), find the cookie or the
account id in any column of the dialogue tables, lay vote, participation and statement times next to the
log-in time (last_login), and read the order of the ids as the order of voting."""

import datetime
import io
import zipfile

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from tests.foundation.builders import make_resident, staff_login
from zwerm.accounts.roles import Role
from zwerm.dialogues import services
from zwerm.dialogues.anonymity import participant_pseudonym
from zwerm.dialogues.models import Dialogue, Participant, Statement, Vote
from zwerm.dialogues.services.personal_data import dialogue_set_keep_votes
from zwerm.privacy.services import account_erase, personal_data_export

HOST = "testdam.localhost"


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def dialogue(lead, municipality):
    return services.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Het marktplein",
        question="Wat moet er met het marktplein gebeuren?",
        moderation="after",
        allow_anonymous=True,
        anonymous_votes=True,
        seed_statements=["Meer bomen", "Minder parkeerplaatsen", "Een fontein", "Een wekelijkse markt"],
    )


def _vote(client, dialogue, statement, value="eens"):
    return client.post(
        f"/dialogen/{dialogue.pk}/stemmen", {"statement": statement.pk, "value": value}, HTTP_HOST=HOST, follow=True
    )


@pytest.fixture
def anna(municipality, neighbourhood):
    return make_resident(municipality, neighbourhood, name="Anna Jansen")


@pytest.fixture
def anna_client(anna):
    client = Client()
    client.force_login(anna)
    return client


@pytest.fixture
def anna_voted(dialogue, anna, anna_client):
    """Anna voted on three statements (changing one) and wrote a statement, all through the web pages."""
    first, second, third = list(dialogue.statements.order_by("pk"))[:3]
    _vote(anna_client, dialogue, first, "eens")
    _vote(anna_client, dialogue, second, "oneens")
    _vote(anna_client, dialogue, third, "overslaan")
    _vote(anna_client, dialogue, first, "oneens")  # changed her mind
    anna_client.post(f"/dialogen/{dialogue.pk}/stelling", {"text": "Een overdekte fietsenstalling"}, HTTP_HOST=HOST)
    return anna


def _dialogue_rows():
    """Every value in every row of every table of the dialogues app, as text."""
    for model in apps.get_app_config("dialogues").get_models():
        for row in model.objects.values_list():
            yield model, [str(value) for value in row]


def test_the_dialogue_page_says_that_votes_are_anonymous(dialogue):
    page = Client().get(f"/dialogen/{dialogue.pk}", HTTP_HOST=HOST).content.decode()
    assert "Je stemt anoniem. Nergens staat wie wat gestemd heeft" in page


def test_no_join_leads_from_a_vote_to_the_account(dialogue, anna_voted):
    assert Vote.objects.filter(statement__dialogue=dialogue).count() == 3
    assert not Vote.objects.filter(participant__user=anna_voted).exists()
    assert not Statement.objects.filter(author__user=anna_voted).exists()
    assert not Statement.objects.filter(dialogue=dialogue, author__isnull=False).exists()
    participant = Participant.objects.get(dialogue=dialogue)
    assert participant.user_id is None and participant.anonymous_key is None and participant.pseudonym
    # Nothing in the dialogue tables points at Anna's account: no foreign key to an account holds her id
    # (the dialogue's own creator is staff), and no column holds her e-mail address or name.
    for model in apps.get_app_config("dialogues").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model._meta.label == "accounts.User":
                assert not model.objects.filter(**{field.attname: anna_voted.pk}).exists(), (model, field.name)
    for model, values in _dialogue_rows():
        assert not any(anna_voted.email in v or "Anna" in v for v in values), model


def test_the_cookie_of_an_anonymous_participant_is_not_stored(dialogue):
    visitor = Client()
    _vote(visitor, dialogue, dialogue.statements.first())
    cookie = visitor.cookies["zwerm_dialoog"].value
    assert cookie
    for model, values in _dialogue_rows():
        assert not any(cookie.replace("-", "") in v.replace("-", "") for v in values), model
    # The same browser still finds its own vote (and changes it).
    _vote(visitor, dialogue, dialogue.statements.first(), "oneens")
    assert list(Vote.objects.filter(statement__dialogue=dialogue).values_list("value", flat=True)) == [-1]


def test_times_are_days_so_they_cannot_be_laid_next_to_a_log_in(dialogue, anna_voted):
    anna_voted.refresh_from_db()
    assert anna_voted.last_login is not None  # the log-in record is to the second
    moments = [
        *Vote.objects.filter(statement__dialogue=dialogue).values_list("updated_at", flat=True),
        *Participant.objects.filter(dialogue=dialogue).values_list("created_at", flat=True),
        *Statement.objects.filter(dialogue=dialogue).exclude(is_seed=True).values_list("created_at", flat=True),
    ]
    assert len(moments) == 5
    for moment in moments:
        assert moment.astimezone(datetime.UTC).time() == datetime.time(0, 0)


def test_ids_do_not_give_the_order_of_voting(dialogue, municipality, neighbourhood):
    """Participants and votes get random ids, not the next number of a sequence: the order of the ids
    would be the order in which people voted, next to the order in which they logged in."""
    statement = dialogue.statements.first()
    for _ in range(6):
        client = Client()
        client.force_login(make_resident(municipality, neighbourhood))
        _vote(client, dialogue, statement)
    participant_ids = list(Participant.objects.filter(dialogue=dialogue).values_list("pk", flat=True))
    vote_ids = list(Vote.objects.filter(statement__dialogue=dialogue).values_list("pk", flat=True))
    assert len(participant_ids) == len(vote_ids) == 6
    assert min(participant_ids + vote_ids) >= 2**40  # far above any sequence, and drawn at random
    assert len(set(participant_ids)) == len(set(vote_ids)) == 6


def test_one_vote_per_statement_and_a_changed_vote_counts(dialogue, anna_voted, anna_client):
    first = dialogue.statements.order_by("pk").first()
    assert Vote.objects.get(statement=first).value == -1  # the changed vote, in place of the first one
    page = anna_client.get(f"/dialogen/{dialogue.pk}", HTTP_HOST=HOST).content.decode()
    assert "Je hebt over 3 stellingen gestemd." in page


def test_the_opinion_map_still_forms_groups(dialogue, municipality, neighbourhood):
    statements = list(dialogue.statements.order_by("pk"))[:4]
    for i in range(16):
        client = Client()
        client.force_login(make_resident(municipality, neighbourhood))
        camp = i % 2
        for k, statement in enumerate(statements):
            _vote(client, dialogue, statement, "eens" if (k % 2) == camp else "oneens")
    snapshot = services.dialogue_analyse(dialogue=dialogue)
    groups = set(snapshot.result["participants"].values())
    assert len(snapshot.result["participants"]) == 16
    assert len(groups - {-1}) >= 2
    assert Client().get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).status_code == 200


def test_the_export_ties_no_statement_to_its_writers_votes(dialogue, anna_voted, lead):
    client = Client()
    staff_login(client, lead)
    response = client.get(f"/dialogen/{dialogue.pk}/export.zip", HTTP_HOST=HOST)
    assert response.status_code == 200
    comments = zipfile.ZipFile(io.BytesIO(response.content)).read("comments.csv").decode()
    written = next(line for line in comments.splitlines() if "fietsenstalling" in line)
    header = comments.splitlines()[0].split(",")
    assert written.split(",")[header.index("author-id")] == ""


def test_the_voter_still_gets_their_own_votes_in_the_download(dialogue, anna_voted):
    (part,) = personal_data_export(user=anna_voted)["onderdelen"]["dialogues"]["gegevens"]["deelname"]
    assert part["anoniem_stemmen"] is True
    assert sorted(v["stem"] for v in part["stemmen"]) == [-1, -1, 0]
    assert [s["tekst"] for s in part["stellingen"]] == ["Een overdekte fietsenstalling"]


def test_erasure_cuts_the_pseudonym_and_the_votes_keep_counting(dialogue, anna_voted, municipality):
    pseudonym = participant_pseudonym(dialogue_id=dialogue.pk, user_id=anna_voted.pk)
    assert Participant.objects.filter(pseudonym=pseudonym).exists()
    account_erase(user=anna_voted, municipality=municipality)
    assert not Participant.objects.filter(pseudonym=pseudonym).exists()  # not even the server's key finds them
    assert Vote.objects.filter(statement__dialogue=dialogue).count() == 3
    assert not Statement.objects.filter(dialogue=dialogue).exclude(author_key="").exists()
    assert personal_data_export(user=anna_voted)["onderdelen"]["dialogues"]["gegevens"]["deelname"] == []


def test_an_existing_dialogue_can_promise_anonymity_and_cannot_take_it_back(lead, municipality, anna, anna_client):
    dialogue = services.dialogue_create(
        author=lead, municipality=municipality, title="Park", question="Wat?", seed_statements=["Bankjes", "Licht"]
    )
    first, second = dialogue.statements.order_by("pk")
    _vote(anna_client, dialogue, first)
    assert Vote.objects.filter(participant__user=anna).count() == 1
    dialogue_set_keep_votes(dialogue=dialogue, actor=lead, keep_votes_on_erase=True, anonymous_votes=True)
    assert not Vote.objects.filter(participant__user=anna).exists()
    assert Vote.objects.get(statement=first).updated_at.astimezone(datetime.UTC).time() == datetime.time(0, 0)
    _vote(anna_client, dialogue, first, "oneens")  # still her own participant: her vote changes
    _vote(anna_client, dialogue, second)
    assert Participant.objects.filter(dialogue=dialogue).count() == 1
    assert sorted(Vote.objects.filter(statement__dialogue=dialogue).values_list("value", flat=True)) == [-1, 1]
    dialogue.refresh_from_db()
    with pytest.raises(Exception, match="niet worden ingetrokken"):
        dialogue_set_keep_votes(dialogue=dialogue, actor=lead, keep_votes_on_erase=True, anonymous_votes=False)
    assert Dialogue.objects.get(pk=dialogue.pk).anonymous_votes
