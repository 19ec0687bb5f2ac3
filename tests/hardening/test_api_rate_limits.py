"""Finding 13: rate limits on POST /signalen/api/meldingen and on failed API-token attempts."""

import json

import pytest

from tests.api.builders import token_for
from zwerm.accounts.roles import Role
from zwerm.sensing.services import api_token_create

HOST = "testdam.localhost"
URL = "/signalen/api/meldingen"
PROBLEM = "application/problem+json"


def _report(client, token, n, addr="10.1.1.1"):
    return client.post(
        URL,
        json.dumps({"id": f"SIG-{n}", "text": "Losliggende stoeptegel bij de school"}),
        content_type="application/json",
        HTTP_HOST=HOST,
        HTTP_AUTHORIZATION=f"Token {token}",
        REMOTE_ADDR=addr,
    )


@pytest.fixture(autouse=True)
def one_window(monkeypatch):
    """django-ratelimit counts in fixed windows (a minute, an hour): keep the test inside one, so that a clock
    passing a window's end mid-test cannot reset the count."""
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: 4_000_000_000)


@pytest.fixture
def sensing_token(municipality):
    return api_token_create(municipality=municipality, actor=None, label="Signalen")[1]


def test_reports_over_the_rate_get_429_with_retry_after(client, sensing_token, settings):
    settings.ZWERM_SENSING_REPORTS_PER_MINUTE = 3
    answers = [_report(client, sensing_token, n).status_code for n in range(5)]
    assert answers == [201, 201, 201, 429, 429]
    refused = _report(client, sensing_token, 9)
    assert int(refused["Retry-After"]) > 0 and "Too many reports" in refused.json()["error"]
    assert _report(client, sensing_token, 10, addr="10.1.1.2").status_code == 201  # another address


def test_guessing_meldingen_tokens_stops_after_the_failures_allowed(client, sensing_token, settings):
    settings.ZWERM_API_TOKEN_FAILURES_PER_HOUR = 3
    assert [_report(client, f"geraden-{n}", n).status_code for n in range(3)] == [401, 401, 401]
    refused = _report(client, sensing_token, 4)  # even the right token now waits
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert _report(client, sensing_token, 5, addr="10.1.1.2").status_code == 201


def test_guessing_rest_api_tokens_stops_after_the_failures_allowed(client, municipality, moderator, settings):
    settings.ZWERM_API_TOKEN_FAILURES_PER_HOUR = 3
    good = token_for(municipality, moderator, Role.MODERATOR)

    def call(token, addr="10.2.2.2"):
        return client.get("/api/v1/flags", HTTP_HOST=HOST, HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=addr)

    assert [call(f"zwerm_geraden{n}").status_code for n in range(3)] == [401, 401, 401]
    refused = call(good)
    assert refused.status_code == 429 and refused["Content-Type"] == PROBLEM
    assert int(refused["Retry-After"]) > 0
    assert call(good, addr="10.2.2.3").status_code == 200


def test_failures_on_one_api_count_for_the_other(client, municipality, moderator, settings):
    settings.ZWERM_API_TOKEN_FAILURES_PER_HOUR = 2
    good = token_for(municipality, moderator, Role.MODERATOR)
    _report(client, "geraden-1", 1)
    client.get("/api/v1/flags", HTTP_HOST=HOST, HTTP_AUTHORIZATION="Bearer zwerm_geraden", REMOTE_ADDR="10.1.1.1")
    response = client.get("/api/v1/flags", HTTP_HOST=HOST, HTTP_AUTHORIZATION=f"Bearer {good}", REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429


def test_a_request_without_a_client_address_is_counted_not_crashed(db):
    """Some servers (and schemathesis's WSGI calls) pass no REMOTE_ADDR: the limits still answer."""
    from django.http import HttpRequest

    from zwerm.core.limits import client_key, token_failure_count, token_failures_wait

    request = HttpRequest()
    assert client_key(None, request) == "unknown"
    token_failure_count(request)
    assert token_failures_wait(request) is None
