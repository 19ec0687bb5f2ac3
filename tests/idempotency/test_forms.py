"""Every form that creates something carries a key; sending the same form twice stores one row."""

import pytest
from django.test import Client

from zwerm.budgets.models import Project
from zwerm.council.models import Question
from zwerm.dialogues.models import Statement
from zwerm.initiatives.models import Comment, Initiative
from zwerm.processes.models import Advice, AdviceRequest, Decision, Update

from .conftest import HOST, keys_on, logged_in, page

ALREADY_SENT = "Dit was al verstuurd."


def send_twice(client, url, data, key):
    """The first submission and its repeat (a double click, a refresh, a retry after a lost answer)."""
    first = client.post(url, {**data, "idempotency_key": key}, HTTP_HOST=HOST)
    again = client.post(url, {**data, "idempotency_key": key}, HTTP_HOST=HOST)
    return first, again


def shows_already_sent(client, response) -> bool:
    return ALREADY_SENT in page(client.get(response["Location"], HTTP_HOST=HOST))


@pytest.fixture
def resident_client(resident):
    client = Client()
    client.force_login(resident)
    return client


def test_an_initiative_sent_twice_is_stored_once_and_both_lead_to_it(resident_client, resident, neighbourhood):
    (key,) = keys_on(resident_client.get("/initiatieven/nieuw", HTTP_HOST=HOST))
    data = {
        "kind": "idea",
        "title": "Bankjes bij de vijver",
        "body": "Waar ouderen kunnen uitrusten.",
        "neighbourhood": neighbourhood.pk,
    }
    first, again = send_twice(resident_client, "/initiatieven/nieuw", data, key)
    initiative = Initiative.objects.get(author=resident)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == initiative.get_absolute_url()
    assert shows_already_sent(resident_client, again)


def test_a_comment_sent_twice_is_stored_once(published, other_resident):
    client = Client()
    client.force_login(other_resident)
    key = keys_on(client.get(published.get_absolute_url(), HTTP_HOST=HOST))[-1]
    first, again = send_twice(client, f"/initiatieven/{published.pk}/reageren", {"body": "Goed idee!"}, key)
    assert first["Location"] == again["Location"]
    assert Comment.objects.filter(initiative=published).count() == 1
    assert shows_already_sent(client, again)


def test_a_new_page_gives_a_new_key_so_a_second_real_comment_is_stored(published, other_resident):
    client = Client()
    client.force_login(other_resident)
    for body in ("Eerste reactie.", "Nog een gedachte."):
        key = keys_on(client.get(published.get_absolute_url(), HTTP_HOST=HOST))[-1]
        client.post(f"/initiatieven/{published.pk}/reageren", {"body": body, "idempotency_key": key}, HTTP_HOST=HOST)
    assert Comment.objects.filter(initiative=published).count() == 2


def test_a_dialogue_statement_sent_twice_is_stored_once(resident_client, dialogue):
    key = keys_on(resident_client.get(dialogue.get_absolute_url(), HTTP_HOST=HOST))[-1]
    url = f"/dialogen/{dialogue.pk}/stelling"
    first, again = send_twice(resident_client, url, {"text": "Het plein mag autovrij."}, key)
    assert first["Location"] == again["Location"]
    assert Statement.objects.filter(dialogue=dialogue, text="Het plein mag autovrij.").count() == 1
    assert shows_already_sent(resident_client, again)


def test_an_advice_request_sent_twice_is_stored_once(lead, process, specialist):
    client = logged_in(lead)
    url = f"/trajecten/{process.slug}/advies"
    (key,) = keys_on(client.get(url, HTTP_HOST=HOST))
    data = {"specialist": specialist.pk, "question": "Kan hier een boom staan?", "deadline": "2099-01-01"}
    first, again = send_twice(client, url, data, key)
    assert first.status_code == again.status_code == 302
    assert AdviceRequest.objects.filter(process=process).count() == 1
    assert shows_already_sent(client, again)


def test_advice_sent_twice_is_stored_once(specialist, advice_request):
    client = logged_in(specialist)
    url = f"/trajecten/advies/{advice_request.pk}"
    (key,) = keys_on(client.get(url, HTTP_HOST=HOST))
    first, again = send_twice(client, url, {"text": "Ja, met vergunning.", "basis": "APV artikel 4:11"}, key)
    assert first.status_code == again.status_code == 302
    assert Advice.objects.filter(request=advice_request).count() == 1


def test_a_decision_sent_twice_is_stored_once(lead, process, values):
    client = logged_in(lead)
    url = f"/trajecten/{process.slug}/besluiten"
    (key,) = keys_on(client.get(url, HTTP_HOST=HOST))
    data = {
        "title": "Er komen bomen",
        "decided_on": "2026-01-15",
        "decided_by": "process_lead",
        "reasons": "Meer schaduw.",
        "outside_scope": "0",
    }
    for value in values:
        data[f"weighed_{value.pk}"] = "1"
        data[f"explanation_{value.pk}"] = "Samen gekozen."
    first, again = send_twice(client, url, data, key)
    assert first.status_code == again.status_code == 302
    assert Decision.objects.filter(process=process).count() == 1
    assert shows_already_sent(client, again)


def test_an_update_sent_twice_is_stored_once(lead, process):
    client = logged_in(lead)
    url = f"/trajecten/{process.slug}/berichten"
    (key,) = keys_on(client.get(url, HTTP_HOST=HOST))
    first, again = send_twice(client, url, {"title": "Bomen komen", "body": "In het voorjaar."}, key)
    assert first.status_code == again.status_code == 302
    assert Update.objects.filter(process=process).count() == 1


def test_a_council_question_sent_twice_is_stored_once(council_member, process):
    client = logged_in(council_member)
    url = f"/raad/{process.slug}/vraag"
    (key,) = keys_on(client.get(url, HTTP_HOST=HOST))
    first, again = send_twice(client, url, {"text": "Wanneer is het plein klaar?"}, key)
    assert first.status_code == again.status_code == 302
    assert Question.objects.filter(process=process).count() == 1
    assert shows_already_sent(client, again)


def test_a_budget_proposal_sent_twice_is_stored_once(resident_client, budget):
    url = f"/buurtbudget/{budget.pk}/voorstellen"
    (key,) = keys_on(resident_client.get(url, HTTP_HOST=HOST))
    data = {"title": "Speeltuin", "description": "Een speeltuin bij de school."}
    first, again = send_twice(resident_client, url, data, key)
    assert first.status_code == again.status_code == 302
    assert Project.objects.filter(budget=budget).count() == 1
    assert shows_already_sent(resident_client, again)


def test_a_refused_submission_can_be_corrected_and_sent_with_the_same_key(published, other_resident):
    client = Client()
    client.force_login(other_resident)
    key = keys_on(client.get(published.get_absolute_url(), HTTP_HOST=HOST))[-1]
    url = f"/initiatieven/{published.pk}/reageren"
    client.post(url, {"body": "<b>vet</b>", "idempotency_key": key}, HTTP_HOST=HOST)
    client.post(url, {"body": "Zonder opmaak.", "idempotency_key": key}, HTTP_HOST=HOST)
    assert list(Comment.objects.filter(initiative=published).values_list("body", flat=True)) == ["Zonder opmaak."]


def test_a_tampered_key_gets_a_message_not_an_error_page(published, other_resident):
    client = Client()
    client.force_login(other_resident)
    url = f"/initiatieven/{published.pk}/reageren"
    response = client.post(url, {"body": "Hallo", "idempotency_key": "geen-sleutel"}, HTTP_HOST=HOST, follow=True)
    assert response.status_code == 200
    assert "Laad de pagina opnieuw" in page(response)
    assert not Comment.objects.filter(initiative=published).exists()
