"""Dialogues in the platform: taking part, voting, statements, background analysis, import and export."""

import csv

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.foundation.builders import make_resident, staff_login
from zwerm.accounts.roles import Role
from zwerm.dialogues import selectors, services
from zwerm.dialogues.models import Snapshot, Statement, Vote

HOST = "testdam.localhost"
SEEDS = ["Meer groen in de straat", "Minder parkeerplaatsen", "Een speeltuin op het plein", "Bankjes bij de bus"]


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.PROCESS_LEAD)


@pytest.fixture
def dialogue(lead, municipality):
    return services.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Ons plein",
        question="Hoe maken we het plein beter?",
        seed_statements=SEEDS,
    )


def participant(dialogue, municipality, neighbourhood):
    return services.participant_for(dialogue=dialogue, user=make_resident(municipality, neighbourhood))


def test_only_staff_start_a_dialogue(municipality, resident):
    with pytest.raises(PermissionDenied):
        services.dialogue_create(author=resident, municipality=municipality, title="T", question="V")


def test_a_vote_counts_once_and_the_latest_counts(dialogue, municipality, neighbourhood):
    p = participant(dialogue, municipality, neighbourhood)
    statement = dialogue.statements.first()
    services.vote_cast(participant=p, statement=statement, value=1)
    services.vote_cast(participant=p, statement=statement, value=-1)
    assert list(Vote.objects.filter(participant=p).values_list("value", flat=True)) == [-1]


def test_votes_on_hidden_statements_or_closed_dialogues_are_refused(dialogue, municipality, neighbourhood, lead):
    p = participant(dialogue, municipality, neighbourhood)
    statement = dialogue.statements.first()
    services.statement_moderate(moderator=lead, statement=statement, approve=False, reason="Dubbel")
    with pytest.raises(ValidationError, match="niet \\(meer\\) stemmen"):
        services.vote_cast(participant=p, statement=statement, value=1)
    dialogue.closes_at = timezone.now()
    dialogue.save()
    with pytest.raises(ValidationError, match="gesloten"):
        services.vote_cast(participant=p, statement=dialogue.statements.last(), value=1)
    assert Vote.objects.count() == 0


def test_a_bad_vote_value_is_refused(dialogue, municipality, neighbourhood):
    p = participant(dialogue, municipality, neighbourhood)
    with pytest.raises(ValidationError, match="eens, oneens"):
        services.vote_cast(participant=p, statement=dialogue.statements.first(), value=2)


def test_a_resident_of_another_municipality_cannot_take_part(dialogue, other_municipality):
    with pytest.raises(PermissionDenied):
        services.participant_for(dialogue=dialogue, user=make_resident(other_municipality))


def test_statements_wait_for_moderation_and_personal_data_is_masked(dialogue, municipality, neighbourhood):
    p = participant(dialogue, municipality, neighbourhood)
    statement = services.statement_submit(participant=p, text="Bel mij op 06-12345678 over het plein")
    assert statement.status == Statement.Status.PENDING
    assert "06-12345678" not in statement.public_text and statement.masked_kinds == ["phone"]
    assert selectors.statement_next(dialogue=dialogue, participant=p).pk != statement.pk
    with pytest.raises(ValidationError, match="te lang"):
        services.statement_submit(participant=p, text="x" * 281)


def test_the_next_statement_skips_what_was_voted(dialogue, municipality, neighbourhood):
    p = participant(dialogue, municipality, neighbourhood)
    seen = set()
    while (statement := selectors.statement_next(dialogue=dialogue, participant=p)) is not None:
        assert statement.pk not in seen
        seen.add(statement.pk)
        services.vote_cast(participant=p, statement=statement, value=0)
    assert len(seen) == len(SEEDS)


def test_votes_queue_one_coalesced_recomputation(
    dialogue, municipality, neighbourhood, django_capture_on_commit_callbacks
):
    p = participant(dialogue, municipality, neighbourhood)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for statement in dialogue.statements.all():
            services.vote_cast(participant=p, statement=statement, value=1)
    assert len(callbacks) == 1  # four votes, one queued recomputation
    callbacks[0]()
    dialogue.refresh_from_db()
    assert not dialogue.needs_analysis
    assert Snapshot.objects.filter(dialogue=dialogue).count() == 1


def _two_camps(dialogue, municipality, neighbourhood, size=6):
    statements = list(dialogue.statements.order_by("pk"))
    for camp in (1, -1):
        for _ in range(size):
            p = participant(dialogue, municipality, neighbourhood)
            for i, statement in enumerate(statements):
                # everybody agrees on the last statement; the camps split on the others
                value = 1 if i == len(statements) - 1 else camp * (1 if i % 2 == 0 else -1)
                Vote.objects.create(participant=p, statement=statement, value=value)


def test_the_analysis_finds_two_camps_and_their_common_ground(dialogue, municipality, neighbourhood):
    _two_camps(dialogue, municipality, neighbourhood)
    snapshot = services.dialogue_analyse(dialogue=dialogue)
    assert snapshot.status == "ok"
    assert sorted(g["size"] for g in snapshot.result["groups"]) == [6, 6]
    common = dialogue.statements.order_by("pk").last()
    assert [c["statement"] for c in snapshot.result["consensus"]["agree"]][:1] == [common.pk]


def test_votes_on_a_moderated_out_statement_count_for_who_is_grouped_as_in_pol_is(
    dialogue, municipality, neighbourhood, lead
):
    # Two camps of six vote on all four statements. A latecomer votes on the first three only.
    # Then statement 4 is moderated out. Pol.is keeps it in its raw matrix: 4 statements have
    # votes, so min(7, 4) = 4 votes are needed to be grouped; the camps have 4, the latecomer 3.
    # (Counting only the three statements left, 3 of 3 would have been enough.)
    _two_camps(dialogue, municipality, neighbourhood)
    first, second, third, fourth = dialogue.statements.order_by("pk")
    late = participant(dialogue, municipality, neighbourhood)
    for statement, value in ((first, 1), (second, -1), (third, 1)):
        Vote.objects.create(participant=late, statement=statement, value=value)
    services.statement_moderate(moderator=lead, statement=fourth, approve=False, reason="Dubbel")
    snapshot = services.dialogue_analyse(dialogue=dialogue)
    assert snapshot.status == "ok" and snapshot.result["counts"]["statements"] == 3
    assert snapshot.result["participants"][str(late.pk)] is None
    assert sorted(g["size"] for g in snapshot.result["groups"]) == [6, 6]


def test_too_few_votes_says_so_instead_of_crashing(client, dialogue):
    services.dialogue_analyse(dialogue=dialogue)
    html = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).content.decode()
    assert "nog niet genoeg stemmen" in html


def test_the_results_page_shows_groups_map_and_table(client, dialogue, municipality, neighbourhood):
    _two_camps(dialogue, municipality, neighbourhood)
    services.dialogue_analyse(dialogue=dialogue)
    html = client.get(f"/dialogen/{dialogue.pk}/resultaten", HTTP_HOST=HOST).content.decode()
    assert "<svg" in html and "<circle" in html and "Groep 1" in html and "Groep 2" in html
    assert "Bankjes bij de bus" in html  # common ground


def test_voting_through_the_page_without_javascript(client, dialogue, resident):
    client.force_login(resident)
    page = client.get(f"/dialogen/{dialogue.pk}", HTTP_HOST=HOST).content.decode()
    first = dialogue.statements.order_by("pk").first()
    assert first.public_text in page
    response = client.post(
        f"/dialogen/{dialogue.pk}/stemmen", {"statement": first.pk, "value": "eens"}, HTTP_HOST=HOST, follow=True
    )
    assert "Je stem is opgeslagen" in response.content.decode()
    assert Vote.objects.get(statement=first).value == 1


def test_anonymous_participation_only_where_allowed(client, dialogue):
    first = dialogue.statements.order_by("pk").first()
    response = client.post(f"/dialogen/{dialogue.pk}/stemmen", {"statement": first.pk, "value": "eens"}, HTTP_HOST=HOST)
    assert response.status_code == 302 and "/account/inloggen" in response["Location"]
    dialogue.allow_anonymous = True
    dialogue.save()
    response = client.post(
        f"/dialogen/{dialogue.pk}/stemmen", {"statement": first.pk, "value": "oneens"}, HTTP_HOST=HOST
    )
    assert "zwerm_dialoog" in response.cookies
    client.post(f"/dialogen/{dialogue.pk}/stemmen", {"statement": first.pk, "value": "eens"}, HTTP_HOST=HOST)
    assert list(Vote.objects.values_list("value", flat=True)) == [1]  # same cookie, same participant


def test_export_and_import_in_polis_format_round_trip(dialogue, municipality, neighbourhood, lead, tmp_path):
    _two_camps(dialogue, municipality, neighbourhood)
    services.dialogue_analyse(dialogue=dialogue)
    folder = services.dialogue_export_polis(dialogue=dialogue, folder=tmp_path / "export")
    assert {p.name for p in folder.iterdir()} >= {"comments.csv", "votes.csv", "participants-votes.csv", "summary.csv"}
    rows = list(csv.DictReader((folder / "participants-votes.csv").read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 12 and {r["group-id"] for r in rows} == {"0", "1"}
    imported = services.dialogue_import_polis(folder=folder, municipality=municipality, author=lead)
    assert imported.statements.count() == len(SEEDS)
    assert Vote.objects.filter(statement__dialogue=imported).count() == 12 * len(SEEDS)
    assert selectors.dialogue_latest_snapshot(dialogue=imported).status == "ok"


def test_a_broken_export_names_file_and_line(municipality, lead, tmp_path):
    from zwerm.dialogues.polis_io import PolisFormatError

    (tmp_path / "comments.csv").write_text("comment-id,moderated,comment-body\n1,1,Hallo\n", encoding="utf-8")
    (tmp_path / "votes.csv").write_text("timestamp,datetime,comment-id,voter-id,vote\n1,x,1,5,7\n", encoding="utf-8")
    with pytest.raises(PolisFormatError, match="votes.csv.*line 2"):
        services.dialogue_import_polis(folder=tmp_path, municipality=municipality, author=lead)


def test_staff_create_a_dialogue_through_the_form(client, lead):
    staff_login(client, lead)
    response = client.post(
        "/dialogen/nieuw",
        {
            "title": "Verkeer",
            "question": "Wat vind je van het verkeer?",
            "context": "",
            "seed_statements": "Minder auto's\nMeer fietspaden",
            "moderation": "before",
            "closes_at": "",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    assert Statement.objects.filter(text="Meer fietspaden", status="approved").exists()


def test_import_and_export_on_the_command_line(dialogue, municipality, neighbourhood, lead, tmp_path):
    import io

    from django.core.management import call_command

    _two_camps(dialogue, municipality, neighbourhood)
    call_command("dialogue", "export-polis", str(dialogue.pk), "--output", str(tmp_path / "out"), stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "dialogue",
        "import-polis",
        str(tmp_path / "out"),
        "--municipality",
        municipality.slug,
        "--as",
        lead.email,
        stdout=out,
    )
    assert f"{len(SEEDS)} statements imported" in out.getvalue()


def test_moderating_a_statement_queues_a_recomputation_and_votes_after_it_do_too(
    dialogue, municipality, neighbourhood, lead, django_capture_on_commit_callbacks
):
    p = participant(dialogue, municipality, neighbourhood)
    statement = services.statement_submit(participant=p, text="Een nieuwe stelling over het plein")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.statement_moderate(moderator=lead, statement=statement, approve=True)
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.vote_cast(participant=p, statement=statement, value=1)
    assert len(callbacks) == 1
    assert Snapshot.objects.filter(dialogue=dialogue).count() == 2
