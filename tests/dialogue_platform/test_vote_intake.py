"""The fast vote path: the same rules as `vote_cast`, in one statement on PostgreSQL.

Every test goes through the vote form, so it holds on SQLite (the full path) and on PostgreSQL (the fast
path for someone who already takes part); the last ones check what the fast path itself promises."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.foundation.builders import make_resident
from zwerm.accounts.roles import Role
from zwerm.dialogues import services
from zwerm.dialogues.models import Dialogue, Vote

HOST = "testdam.localhost"


@pytest.fixture
def dialogue(make_staff, municipality):
    return services.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Ons plein",
        question="Hoe maken we het plein beter?",
        seed_statements=["Meer groen", "Minder auto's", "Een speeltuin"],
    )


@pytest.fixture
def voter(client, dialogue, municipality, neighbourhood):
    """A resident who already takes part (their first vote made them a participant)."""
    user = make_resident(municipality, neighbourhood)
    client.force_login(user)
    first = dialogue.statements.first()
    client.post(f"/dialogen/{dialogue.pk}/stemmen", {"statement": first.pk, "value": "eens"}, HTTP_HOST=HOST)
    return user


def vote(client, dialogue, statement, value="oneens", host=HOST):
    return client.post(
        f"/dialogen/{dialogue.pk}/stemmen", {"statement": statement.pk, "value": value}, HTTP_HOST=host, follow=True
    )


def test_a_changed_vote_replaces_the_earlier_one(client, dialogue, voter):
    statement = dialogue.statements.first()
    response = vote(client, dialogue, statement, "oneens")
    assert "Je stem is opgeslagen" in response.content.decode()
    assert list(Vote.objects.filter(participant__user=voter).values_list("statement_id", "value")) == [
        (statement.pk, -1)
    ]


def test_votes_on_a_hidden_statement_or_in_a_closed_dialogue_are_refused_with_a_message(
    client, dialogue, voter, make_staff
):
    hidden, other = dialogue.statements.all()[1:3]
    services.statement_moderate(moderator=make_staff(Role.MODERATOR), statement=hidden, approve=False, reason="Dubbel")
    assert "niet (meer) stemmen" in vote(client, dialogue, hidden).content.decode()
    Dialogue.objects.filter(pk=dialogue.pk).update(closes_at=timezone.now())
    assert "gesloten" in vote(client, dialogue, other).content.decode()
    assert Vote.objects.filter(participant__user=voter).count() == 1  # only the first vote


def test_a_statement_of_another_dialogue_is_refused(client, dialogue, voter, make_staff, municipality):
    elsewhere = services.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Ander",
        question="V?",
        seed_statements=["Iets anders"],
    )
    response = vote(client, dialogue, elsewhere.statements.first())
    assert response.status_code == 200
    assert not Vote.objects.filter(statement__dialogue=elsewhere).exists()


def test_the_dialogue_of_another_municipality_is_not_found(client, dialogue, voter, other_municipality):
    other_municipality.hosts.create(hostname="elders.localhost")
    response = client.post(
        f"/dialogen/{dialogue.pk}/stemmen",
        {"statement": dialogue.statements.last().pk, "value": "eens"},
        HTTP_HOST="elders.localhost",
    )
    assert response.status_code == 404
    assert Vote.objects.filter(participant__user=voter).count() == 1


def test_votes_of_a_known_voter_queue_one_recomputation(client, dialogue, voter, django_capture_on_commit_callbacks):
    Dialogue.objects.filter(pk=dialogue.pk).update(needs_analysis=False)
    second, third = dialogue.statements.all()[1:3]
    with django_capture_on_commit_callbacks() as callbacks:
        vote(client, dialogue, second)
        vote(client, dialogue, third)
    assert Dialogue.objects.get(pk=dialogue.pk).needs_analysis
    assert len(callbacks) == 1  # the second vote found the flag raised and queued nothing
    assert Vote.objects.filter(participant__user=voter).count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement path exists on PostgreSQL only")
def test_on_postgresql_a_known_voter_costs_one_statement(client, dialogue, voter):
    statement = dialogue.statements.last()
    with CaptureQueriesContext(connection) as queries:
        client.post(f"/dialogen/{dialogue.pk}/stemmen", {"statement": statement.pk, "value": "eens"}, HTTP_HOST=HOST)
    votes = [q["sql"] for q in queries.captured_queries if "dialogues_vote" in q["sql"]]
    assert len(votes) == 1 and votes[0].lstrip().startswith("WITH")
    # session and user (the test client's session lives in the database) plus the vote itself
    assert len(queries.captured_queries) <= 3, [q["sql"][:80] for q in queries.captured_queries]
    assert Vote.objects.get(participant__user=voter, statement=statement).value == 1
