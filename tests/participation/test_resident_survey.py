"""The residents' short evaluation survey: structured answers, anonymous by construction, shown from 5."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tests.foundation.builders import make_resident, staff_login
from zwerm.core.personal_data import Erasure, registry
from zwerm.participation import selectors, services
from zwerm.participation.models import ResidentSurveyComment, ResidentSurveyRespondent, ResidentSurveyTally
from zwerm.processes import services as processes

from .conftest import get, post

ANSWERS = {"knew": "4", "heard": "5", "feedback": "2", "how": "online", "again": "yes"}


@pytest.fixture
def closed(process, lead, bylaw):
    processes.process_close(process=process, actor=lead, outcome="Het plein wordt groener.")
    process.refresh_from_db()
    return process


@pytest.fixture
def survey(closed, lead, bylaw):
    return services.resident_survey_open(process=closed, actor=lead)


def test_the_survey_opens_only_after_the_process_closes_and_once(process, lead, bylaw):
    with pytest.raises(ValidationError, match="afgerond"):
        services.resident_survey_open(process=process, actor=lead)
    processes.process_close(process=process, actor=lead, outcome="Klaar.")
    process.refresh_from_db()
    survey = services.resident_survey_open(process=process, actor=lead)
    assert survey.closes_on >= survey.opened_at.date()
    with pytest.raises(ValidationError, match="al geopend"):
        services.resident_survey_open(process=process, actor=lead)


def test_a_resident_answers_once_and_nothing_ties_the_answers_to_them(survey, municipality, neighbourhood):
    resident = make_resident(municipality, neighbourhood)
    services.resident_survey_answer(survey=survey, resident=resident, answers=ANSWERS, comment="Fijne avond.")
    with pytest.raises(ValidationError, match="al ingevuld"):
        services.resident_survey_answer(survey=survey, resident=resident, answers=ANSWERS)
    assert ResidentSurveyRespondent.objects.filter(user=resident).count() == 1
    assert ResidentSurveyTally.objects.get(question="knew", answer="4").count == 1
    assert {f.name for f in ResidentSurveyTally._meta.get_fields()} == {"id", "survey", "question", "answer", "count"}
    assert {f.name for f in ResidentSurveyComment._meta.get_fields()} == {"id", "survey", "text"}
    assert ResidentSurveyComment.objects.get().text == "Fijne avond."


def test_bad_answers_save_nothing(survey, municipality, neighbourhood):
    resident = make_resident(municipality, neighbourhood)
    with pytest.raises(ValidationError) as error:
        services.resident_survey_answer(survey=survey, resident=resident, answers={**ANSWERS, "again": "altijd"})
    assert "again" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.resident_survey_answer(survey=survey, resident=resident, answers=ANSWERS, comment="<script>x</script>")
    assert not ResidentSurveyRespondent.objects.exists() and not ResidentSurveyTally.objects.exists()


def test_only_residents_who_are_logged_in_answer(survey):
    with pytest.raises(PermissionDenied):
        services.resident_survey_answer(survey=survey, resident=AnonymousUser(), answers=ANSWERS)


def test_results_show_only_from_five_respondents_with_shares_and_masked_texts(survey, municipality, neighbourhood):
    for _ in range(4):
        services.resident_survey_answer(
            survey=survey, resident=make_resident(municipality, neighbourhood), answers=ANSWERS
        )
    assert selectors.resident_survey_results(survey=survey) == {"respondents": None, "questions": [], "comments": []}
    services.resident_survey_answer(
        survey=survey,
        resident=make_resident(municipality, neighbourhood),
        answers={**ANSWERS, "knew": "1", "again": "no"},
        comment="Bel me op 0612345678.",
    )
    results = selectors.resident_survey_results(survey=survey)
    assert results["respondents"] == 5
    knew = next(q for q in results["questions"] if q["key"] == "knew")
    assert knew["agreeShare"] == 80 and knew["average"] == 3.4
    again = {a["answer"]: a["share"] for a in next(q for q in results["questions"] if q["key"] == "again")["answers"]}
    assert again == {"yes": 80, "maybe": 0, "no": 20}
    assert results["comments"] and "0612345678" not in results["comments"][0]


def test_residents_answer_through_the_page_and_the_lead_opens_it_there(
    closed, lead, bylaw, municipality, neighbourhood
):
    lead_client = staff_login(Client(), lead)
    page = get(lead_client, closed.get_absolute_url()).content.decode()
    assert "Evaluatievragenlijst openzetten" in page
    assert post(lead_client, f"/participatie/trajecten/{closed.slug}/hoe-ging-het/openen").status_code == 302
    assert selectors.resident_survey_get(process=closed) is not None

    resident = make_resident(municipality, neighbourhood)
    client = Client()
    client.force_login(resident)
    url = f"/participatie/trajecten/{closed.slug}/hoe-ging-het"
    assert "Hoe ging het?" in get(client, url).content.decode()
    response = post(client, url, {**ANSWERS, "again": ""})
    assert response.status_code == 400 and "Kies een antwoord." in response.content.decode()
    assert not ResidentSurveyRespondent.objects.exists()
    assert post(client, url, {**ANSWERS, "comment": "Goed geregeld."}).status_code == 302
    assert "al ingevuld" in get(client, url).content.decode()


def test_erasure_removes_only_that_someone_answered(survey, municipality, neighbourhood):
    resident = make_resident(municipality, neighbourhood)
    services.resident_survey_answer(survey=survey, resident=resident, answers=ANSWERS)
    provider = next(p for p in registry.providers() if p.key == "participation")
    assert provider.export(resident)["evaluatievragenlijst_ingevuld_bij"] == [survey.process_id]
    provider.erase(Erasure(user=resident, placeholder=None, mode_for=lambda *a: "anonymise"))
    assert not ResidentSurveyRespondent.objects.exists() and ResidentSurveyTally.objects.count() == 5
