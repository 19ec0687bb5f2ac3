"""POST /signalen/api/meldingen: token or staff session; clear 4xx answers for everything else."""

import json

import pytest

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.sensing.models import Text
from zwerm.sensing.services import api_token_create, api_token_revoke

URL = "/signalen/api/meldingen"
HOST = "testdam.localhost"


@pytest.fixture
def token(municipality):
    _record, raw = api_token_create(municipality=municipality, actor=None, label="Signalen")
    return raw


def _post(client, body, token=None, content_type="application/json", **extra):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, HTTP_HOST=HOST, **headers, **extra)


def test_a_report_with_a_token_is_ingested(client, token, places):
    response = _post(
        client,
        {
            "id": "SIG-1",
            "text": "Lamp kapot, bel 0612345678",
            "postcode": "1011 AA",
            "time": "2026-02-03T10:00:00+01:00",
            "category": "Verlichting",
        },
        token,
    )
    assert response.status_code == 201, response.content
    text = Text.objects.get(pk=response.json()["id"])
    assert text.channel == "api" and text.source_id == "SIG-1" and text.neighbourhood.name == "Buurt 1"
    assert "0612345678" not in text.text


def test_without_credentials_401(client, municipality):
    response = _post(client, {"id": 1, "text": "x"})
    assert response.status_code == 401 and "Authorization" in response.json()["error"]


def test_a_wrong_or_revoked_token_401(client, municipality, token):
    assert _post(client, {"id": 1, "text": "Lamp kapot"}, "nope").status_code == 401
    from zwerm.sensing.models import ApiToken

    api_token_revoke(municipality=municipality, pk=ApiToken.objects.get().pk)
    assert _post(client, {"id": 1, "text": "Lamp kapot"}, token).status_code == 401


def test_a_token_of_another_municipality_401(client, other_municipality, municipality):
    _record, raw = api_token_create(municipality=other_municipality, actor=None, label="Andersum")
    assert _post(client, {"id": 1, "text": "Lamp kapot"}, raw).status_code == 401


def test_bad_json_400(client, token):
    response = _post(client, "{not json", token)
    assert response.status_code == 400 and "JSON" in response.json()["error"]


def test_missing_and_wrong_fields_400_name_them(client, token, places):
    response = _post(client, {"text": "", "time": "gisteren", "buurt": "x", "postcode": "9999ZZ"}, token)
    assert response.status_code == 400
    fields = response.json()["fields"]
    assert {"id", "text", "time", "postcode", "__all__"} <= set(fields)
    assert Text.objects.count() == 0


def test_not_an_object_400(client, token):
    assert _post(client, [1, 2], token).status_code == 400


def test_too_large_413(client, token):
    response = _post(client, {"id": 1, "text": "x" * 70_000}, token)
    assert response.status_code == 413


def test_wrong_content_type_415(client, token):
    response = _post(client, "id=1", token, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_get_is_not_allowed(client, token):
    assert client.get(URL, HTTP_HOST=HOST).status_code == 405


def test_a_staff_session_may_post(client, make_staff, places):
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    assert _post(client, {"id": "m1", "text": "Put verstopt"}).status_code == 201


def test_a_resident_session_may_not(resident_client):
    assert _post(resident_client, {"id": "m1", "text": "Put verstopt"}).status_code == 401
