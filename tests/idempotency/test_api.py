"""The Idempotency-Key header on POST /signalen/api/meldingen: a retried report is answered as the first."""

import json
import uuid

import pytest

from zwerm.sensing.models import Text
from zwerm.sensing.services import api_token_create

from .conftest import HOST

URL = "/signalen/api/meldingen"


@pytest.fixture
def token(municipality):
    _record, raw = api_token_create(municipality=municipality, actor=None, label="Signalen")
    return raw


def post(client, token, body, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"}
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(URL, json.dumps(body), content_type="application/json", HTTP_HOST=HOST, **headers)


def test_a_retried_report_with_the_same_key_gets_the_same_answer(client, token):
    key = str(uuid.uuid4())
    report = {"id": "SIG-7", "text": "Losliggende stoeptegel bij de school"}
    first = post(client, token, report, key)
    again = post(client, token, report, key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Text.objects.filter(source_id="SIG-7").count() == 1


def test_the_same_key_with_another_report_is_refused(client, token):
    key = str(uuid.uuid4())
    post(client, token, {"id": "SIG-8", "text": "Lamp kapot"}, key)
    response = post(client, token, {"id": "SIG-9", "text": "Afval naast de container"}, key)
    assert response.status_code == 422
    assert not Text.objects.filter(source_id="SIG-9").exists()


def test_a_malformed_key_is_a_clear_400(client, token):
    response = post(client, token, {"id": "SIG-10", "text": "Lamp kapot"}, "met spatie")
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["error"]
    assert not Text.objects.filter(source_id="SIG-10").exists()
