"""Finding 9: an Idempotency-Key is bound to the method, the path and the body of its request."""

import pytest
from rest_framework.test import APIClient

from tests.api.builders import token_for
from tests.foundation.builders import make_initiative
from zwerm.accounts.roles import Role
from zwerm.initiatives.models import Initiative, StatusChange
from zwerm.sensing.services import api_token_create

HOST = "testdam.localhost"
PROBLEM = "application/problem+json"
BODY = {"status": "published", "reason": "Voldoet aan de spelregels."}


@pytest.fixture
def api(municipality, moderator):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(municipality, moderator, Role.MODERATOR)}")
    return client


def _post(api, initiative, key, body=BODY):
    return api.post(
        f"/api/v1/initiatives/{initiative.pk}/status-changes",
        body,
        format="json",
        HTTP_HOST=HOST,
        HTTP_IDEMPOTENCY_KEY=key,
    )


def test_the_same_key_on_another_initiative_is_refused_not_replayed(api, municipality, resident, neighbourhood):
    first = make_initiative(municipality, resident, neighbourhood)
    second = make_initiative(municipality, resident, neighbourhood)
    assert _post(api, first, "sleutel-1").status_code == 201
    response = _post(api, second, "sleutel-1")
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 422 and "Idempotent-Replayed" not in response
    assert Initiative.objects.get(pk=second.pk).status == "submitted"
    assert not StatusChange.objects.filter(initiative=second, to_status="published").exists()


def test_a_real_retry_is_still_replayed(api, municipality, resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    first = _post(api, initiative, "sleutel-2")
    again = _post(api, initiative, "sleutel-2")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert StatusChange.objects.filter(initiative=initiative, to_status="published").count() == 1


def test_the_same_key_with_another_body_is_refused(api, municipality, resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    assert _post(api, initiative, "sleutel-3").status_code == 201
    response = _post(api, initiative, "sleutel-3", {**BODY, "reason": "Iets anders."})
    assert response.status_code == 422 and response["Content-Type"] == PROBLEM


def test_a_sensing_report_key_is_bound_to_its_path_too(client, municipality):
    _record, raw = api_token_create(municipality=municipality, actor=None, label="Signalen")
    body = {"id": "SIG-9", "text": "Volle container bij de school"}
    headers = {"HTTP_HOST": HOST, "HTTP_AUTHORIZATION": f"Token {raw}", "HTTP_IDEMPOTENCY_KEY": "sensing-1"}
    first = client.post("/signalen/api/meldingen", body, content_type="application/json", **headers)
    assert first.status_code == 201, first.content
    other = client.post("/signalen/api/meldingen?bron=2", body, content_type="application/json", **headers)
    assert other.status_code == 422
