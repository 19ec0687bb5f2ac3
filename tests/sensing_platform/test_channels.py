"""Initiatives, comments and statements reach sensing after commit, redacted, with buurt and a link back."""

import pytest

from tests.foundation.builders import make_initiative
from zwerm.accounts.roles import Role
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.sensing.engine.redaction import name_cache_exists
from zwerm.sensing.models import Text
from zwerm.sensing.services import text_ingest

PERSONAL = {
    "e-mail": "jan.jansen@example.org",
    "phone": "06-12345678",
    "mobile +31": "+31 6 12345678",
    "iban": "NL91ABNA0417164300",
    "bsn": "111222333",
    "address": "1234 AB 12",
    "plate": "AB-123-C",
}
BODY = (
    "De container in de Lindenlaan puilt al weken uit. Bel me op 06-12345678 of +31 6 12345678, "
    "mail jan.jansen@example.org. Mijn adres is 1234 AB 12, rekening NL91ABNA0417164300, BSN 111222333, "
    "auto AB-123-C."
)


def _all_stored_values() -> str:
    return " ".join(str(v) for row in Text.objects.values() for v in row.values())


def test_an_initiative_is_ingested_after_commit(
    django_capture_on_commit_callbacks, municipality, resident, neighbourhood
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(municipality, resident, neighbourhood, title="Volle containers", body=BODY)
    text = Text.objects.get(channel="initiative", source_id=str(initiative.pk))
    assert text.municipality == municipality
    assert text.neighbourhood == neighbourhood and text.district == neighbourhood.district
    assert text.source_url == initiative.get_absolute_url()
    assert "container" in text.text.lower()
    assert text.occurred_at is not None and text.language == "nl"


def test_raw_personal_data_is_never_stored(django_capture_on_commit_callbacks, municipality, resident, neighbourhood):
    with django_capture_on_commit_callbacks(execute=True):
        make_initiative(municipality, resident, neighbourhood, title="Afval", body=BODY)
    stored = _all_stored_values()
    for kind, value in PERSONAL.items():
        assert value not in stored, kind
    assert "12345678" not in stored
    text = Text.objects.get()
    assert {"email", "phone", "iban", "bsn", "postcode_house_number", "licence_plate"} <= set(text.redacted_kinds)


def test_an_edit_updates_the_same_text(django_capture_on_commit_callbacks, municipality, resident, neighbourhood):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(municipality, resident, neighbourhood, body="Lantaarnpaal kapot.")
    with django_capture_on_commit_callbacks(execute=True):
        initiatives.initiative_update(
            initiative=initiative,
            editor=resident,
            kind="idea",
            title=initiative.title,
            body="De lantaarnpaal bij de school brandt niet meer.",
            neighbourhood=neighbourhood,
        )
    assert Text.objects.count() == 1
    assert "school" in Text.objects.get().text


def test_nothing_is_ingested_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks, municipality, resident, neighbourhood
):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_initiative(municipality, resident, neighbourhood)
        raise RuntimeError
    assert callbacks == [] and Text.objects.count() == 0


def test_a_comment_is_ingested(django_capture_on_commit_callbacks, municipality, published, other_resident):
    with django_capture_on_commit_callbacks(execute=True):
        comment = initiatives.comment_create(
            initiative=published, author=other_resident, body="Goed idee, bel 0612345678 maar."
        )
    text = Text.objects.get(channel="comment")
    assert text.source_id == str(comment.pk)
    assert text.neighbourhood == published.neighbourhood
    assert "0612345678" not in text.text


def test_a_dialogue_statement_is_ingested(django_capture_on_commit_callbacks, municipality, make_staff, resident):
    lead = make_staff(Role.PROCESS_LEAD)
    dialogue = dialogues.dialogue_create(
        author=lead,
        municipality=municipality,
        title="Parkeren",
        question="Hoe moet het met parkeren?",
        moderation="after",
        seed_statements=["Meer parkeerplaatsen"],
    )
    participant = dialogues.participant_for(dialogue=dialogue, user=resident)
    with django_capture_on_commit_callbacks(execute=True):
        statement = dialogues.statement_submit(participant=participant, text="Foutparkeerders blokkeren de stoep.")
    text = Text.objects.get(channel="statement")
    assert text.source_id == str(statement.pk)
    assert text.source_url.endswith(f"/dialogen/{dialogue.pk}")
    assert Text.objects.count() == 1  # seed statements are the organisers' words, not residents'


def test_a_new_text_is_assigned_to_a_current_theme(themed, municipality, places):
    text = text_ingest(
        municipality=municipality,
        channel="api",
        source_id="x1",
        text="De container bij de school puilt uit en het afval wordt niet opgehaald.",
        neighbourhood=places[0],
    )
    assert text.theme is not None
    assert text.similarity is not None and text.similarity > 0
    assert text.category  # the router was trained on the labelled history
    assert text.category_confidence is not None


def test_empty_text_is_refused(municipality):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="leeg"):
        text_ingest(municipality=municipality, channel="api", source_id="1", text="   ")


@pytest.mark.skipif(not name_cache_exists(), reason="deduce cache not built (zwerm sensing name-cache, ~90 s)")
def test_names_are_masked_when_the_municipality_switches_it_on(
    settings, django_capture_on_commit_callbacks, municipality, resident, neighbourhood
):
    settings.ZWERM_SENSING_REDACT_NAMES = True
    with django_capture_on_commit_callbacks(execute=True):
        make_initiative(municipality, resident, neighbourhood, body="Pieter de Vries uit de Lindenlaan belt steeds.")
    assert "Pieter" not in _all_stored_values()
