"""Survey answers reach sensing like initiatives do: after commit, one text per open answer, redacted,
with the resident's buurt; and they leave sensing again when the resident's erasure removes them."""

import pytest
from django.core.exceptions import ValidationError

from tests.foundation.builders import make_resident, staff_login
from zwerm.core.personal_data import Erasure, ErasureMode, registry
from zwerm.privacy.services import account_erase
from zwerm.processes import services as processes
from zwerm.processes.services.personal_data import process_set_privacy
from zwerm.sensing.models import Text
from zwerm.sensing.selectors import public_overview

HOST = "testdam.localhost"


def answer(capture, survey, resident, answers):
    """The resident answers; the background work queued after commit runs at once."""
    with capture(execute=True):
        return processes.survey_respond(survey=survey, resident=resident, answers=answers)


def test_an_open_answer_reaches_sensing_redacted_with_the_residents_buurt(
    django_capture_on_commit_callbacks, municipality, open_survey, resident, neighbourhood
):
    response = answer(
        django_capture_on_commit_callbacks,
        open_survey,
        resident,
        ["Schaduw en bankjes. Bel me op 0612345678.", "Mail jan.jansen@example.org over de speeltuin."],
    )
    texts = Text.objects.filter(channel="survey").order_by("source_id")
    assert [t.source_id for t in texts] == [f"{response.pk}-0", f"{response.pk}-1"]
    first, second = texts
    assert first.municipality == municipality and "bankjes" in first.text
    assert "0612345678" not in first.text and "phone" in first.redacted_kinds
    assert "jan.jansen@example.org" not in second.text and "email" in second.redacted_kinds
    assert first.neighbourhood == neighbourhood and first.district == neighbourhood.district
    assert first.occurred_at == response.created_at
    assert first.source_url.endswith(f"/vragenlijst/{open_survey.pk}")


def test_an_empty_answer_adds_nothing(django_capture_on_commit_callbacks, open_survey, resident):
    response = answer(django_capture_on_commit_callbacks, open_survey, resident, ["", "Meer bomen"])
    assert list(Text.objects.values_list("channel", "source_id")) == [("survey", f"{response.pk}-1")]


def test_a_refused_answer_queues_nothing(django_capture_on_commit_callbacks, open_survey, resident):
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["Meer bomen", ""])
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        processes.survey_respond(survey=open_survey, resident=resident, answers=["Nog eens", "en nog eens"])
    assert callbacks == [] and Text.objects.count() == 1


def test_a_resident_without_a_buurt_gives_a_text_without_a_place(
    django_capture_on_commit_callbacks, municipality, open_survey
):
    answer(django_capture_on_commit_callbacks, open_survey, make_resident(municipality), ["Meer bomen", ""])
    text = Text.objects.get(channel="survey")
    assert text.neighbourhood is None and text.district is None


def test_staff_find_survey_answers_under_their_own_channel(
    client, django_capture_on_commit_callbacks, open_survey, resident
):
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["De speeltoestellen zijn oud", ""])
    staff_login(client, open_survey.lead)
    dashboard = client.get("/signalen/beheer", HTTP_HOST=HOST).content.decode()
    assert "antwoord op vragenlijst 1" in dashboard
    listed = client.get("/signalen/beheer/teksten?channel=survey", HTTP_HOST=HOST).content.decode()
    assert "De speeltoestellen zijn oud" in listed and "antwoord op vragenlijst" in listed
    assert (
        "De speeltoestellen"
        not in client.get("/signalen/beheer/teksten?channel=report", HTTP_HOST=HOST).content.decode()
    )


def test_two_answers_of_one_resident_count_as_one_person(
    django_capture_on_commit_callbacks, municipality, open_survey, resident
):
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["Meer bomen", "Meer bankjes"])
    overview = public_overview(municipality=municipality)
    assert overview["total"].value == 1 and not overview["total"].shown


def test_erasure_with_remove_forgets_the_answers_in_sensing(
    django_capture_on_commit_callbacks, municipality, open_survey, resident, other_resident
):
    process_set_privacy(
        process=open_survey.process, actor=open_survey.lead, contributions_on_erase="remove", retention_months=None
    )
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["Meer bomen", "Meer bankjes"])
    answer(django_capture_on_commit_callbacks, open_survey, other_resident, ["Een waterpunt", ""])
    assert Text.objects.filter(channel="survey").count() == 3
    account_erase(user=resident, municipality=municipality)
    assert list(Text.objects.filter(channel="survey").values_list("text", flat=True)) == ["Een waterpunt"]


def test_erasure_with_anonymise_keeps_the_answers_without_a_person(
    django_capture_on_commit_callbacks, municipality, open_survey, resident
):
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["Meer bomen", ""])
    account_erase(user=resident, municipality=municipality)
    assert Text.objects.filter(channel="survey").count() == 1
    assert public_overview(municipality=municipality)["total"].value == 1  # an unknown person now


def test_answers_are_forgotten_whichever_app_erases_first(
    django_capture_on_commit_callbacks, open_survey, resident, other_resident
):
    answer(django_capture_on_commit_callbacks, open_survey, resident, ["Meer bomen", "Meer bankjes"])
    answer(django_capture_on_commit_callbacks, open_survey, other_resident, ["Een waterpunt", ""])
    providers = {p.key: p for p in registry.providers()}
    erasure = Erasure(user=resident, placeholder=registry.placeholder(), mode_for=lambda *_ids: ErasureMode.REMOVE)
    providers["processes"].erase(erasure)  # the answers are gone before sensing hears of it
    counts = providers["sensing"].erase(erasure)
    assert counts["teksten_vergeten"] == 2
    assert list(Text.objects.filter(channel="survey").values_list("text", flat=True)) == ["Een waterpunt"]
