"""Logging out after a log-in at a provider also ends the session there (RP-Initiated Logout 1.0), when
that provider's end-session endpoint is set; every other log-out is as before. Zwerm's session always ends."""

from importlib import import_module
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.conf.sections.identity import _provider

from .conftest import VALID_BSN, broker_settings, oidc_login, staff_settings

HOST = "testdam.localhost"
STAFF_START = "/account/oidc/medewerker/start"
DIGID_START = "/account/oidc/digid/start"
HOME_URL = f"http://{HOST}/"


@pytest.fixture
def staff_with_logout(settings, oidc_provider):
    settings.ZWERM_OIDC_STAFF = staff_settings(
        oidc_provider.issuer, end_session_endpoint=f"{oidc_provider.issuer}/end-session"
    )
    return oidc_provider


@pytest.fixture
def broker_with_logout(broker_on, settings):
    settings.ZWERM_OIDC_BROKER = broker_settings(
        broker_on.issuer, end_session_endpoint=f"{broker_on.issuer}/end-session"
    )
    broker_on.person = {"sub": "digid-sub-1", "bsn": VALID_BSN}
    return broker_on


def staff_person(provider, user):
    provider.person = {"sub": "medewerker-1", "amr": ["pwd", "mfa"]}
    provider.userinfo_extra = {"email": user.email, "email_verified": True}


def log_out(client):
    """Zwerm's log-out button; returns the answer and the session that was ended."""
    ended = client.session.session_key
    return client.post("/account/uitloggen", HTTP_HOST=HOST), ended


def assert_session_gone(client, ended_key):
    assert "_auth_user_id" not in client.session
    assert not import_module(django_settings.SESSION_ENGINE).SessionStore().exists(ended_key)
    assert client.get("/medewerkers", HTTP_HOST=HOST).status_code == 302  # staff pages shut again


def query(url: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_staff_log_out_at_the_provider_too_with_their_id_token(client, make_staff, staff_with_logout):
    moderator = make_staff(Role.MODERATOR)
    staff_person(staff_with_logout, moderator)
    oidc_login(client, STAFF_START)
    assert client.get("/medewerkers", HTTP_HOST=HOST).status_code == 200

    response, ended = log_out(client)

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{staff_with_logout.issuer}/end-session?")
    assert query(location) == {
        "id_token_hint": staff_with_logout.id_tokens[-1],
        "client_id": "zwerm-test",
        "post_logout_redirect_uri": HOME_URL,
    }
    assert_session_gone(client, ended)
    # The provider accepts the hint, ends its session and sends the browser back to Zwerm's home page.
    at_provider = requests.get(location, allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302 and at_provider.headers["Location"] == HOME_URL
    assert staff_with_logout.ended_sessions == [{"client_id": "zwerm-test", "sub": "medewerker-1"}]
    assert "Je bent uitgelogd" in client.get("/", HTTP_HOST=HOST).content.decode()


def test_the_id_token_is_kept_only_while_logged_in(client, make_staff, staff_with_logout):
    moderator = make_staff(Role.MODERATOR)
    staff_person(staff_with_logout, moderator)
    oidc_login(client, STAFF_START)
    assert client.session["oidc_id_token"] == staff_with_logout.id_tokens[-1]
    log_out(client)
    assert "oidc_id_token" not in client.session


def test_a_refused_staff_log_in_keeps_no_id_token(client, municipality, staff_with_logout):
    staff_with_logout.person = {"sub": "onbekend", "amr": ["mfa"]}
    staff_with_logout.userinfo_extra = {"email": "niemand@gemeente.example", "email_verified": True}
    response = oidc_login(client, STAFF_START)
    assert response.status_code == 403
    assert "oidc_id_token" not in client.session


def test_digid_log_out_names_zwerm_by_client_id_and_keeps_no_bsn_token(client, municipality, broker_with_logout):
    oidc_login(client, DIGID_START)
    assert client.session.get("_auth_user_id")
    # The broker's ID token holds the BSN: it is never kept, not even for log-out.
    assert "oidc_id_token" not in client.session
    assert all(VALID_BSN not in str(value) for value in client.session.values())

    response, ended = log_out(client)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{broker_with_logout.issuer}/end-session?")
    assert query(response["Location"]) == {"client_id": "zwerm-test", "post_logout_redirect_uri": HOME_URL}
    assert_session_gone(client, ended)
    at_broker = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert at_broker.status_code == 302 and broker_with_logout.ended_sessions == [{"client_id": "zwerm-test"}]


def test_a_password_log_in_logs_out_as_before(client, make_staff, staff_with_logout):
    staff_login(client, make_staff(Role.MODERATOR))

    response, ended = log_out(client)

    assert response.status_code == 302 and response["Location"] == "/"
    assert_session_gone(client, ended)
    assert staff_with_logout.ended_sessions == []
    assert "Je bent uitgelogd" in client.get("/", HTTP_HOST=HOST).content.decode()


def test_without_an_end_session_endpoint_log_out_is_as_before(client, make_staff, staff_on):
    moderator = make_staff(Role.MODERATOR)
    staff_person(staff_on, moderator)
    oidc_login(client, STAFF_START)
    assert "oidc_id_token" not in client.session  # nothing to send back, so nothing kept

    response, ended = log_out(client)

    assert response.status_code == 302 and response["Location"] == "/"
    assert_session_gone(client, ended)
    assert staff_on.ended_sessions == []


def test_log_out_only_takes_post(client, make_staff, staff_with_logout):
    staff_login(client, make_staff(Role.MODERATOR))
    assert client.get("/account/uitloggen", HTTP_HOST=HOST).status_code == 405
    assert "_auth_user_id" in client.session


def test_the_end_session_endpoint_is_off_by_default_and_must_be_a_full_address(monkeypatch):
    for name, value in {
        "ENABLED": "on",
        "ISSUER": "https://id.example",
        "CLIENT_ID": "z",
        "CLIENT_SECRET": "s",
    }.items():
        monkeypatch.setenv(f"ZWERM_OIDC_STAFF_{name}", value)
    assert _provider("STAFF", label="Test", scopes="openid")["end_session_endpoint"] == ""
    monkeypatch.setenv("ZWERM_OIDC_STAFF_END_SESSION_ENDPOINT", "https://id.example/logout")
    assert _provider("STAFF", label="Test", scopes="openid")["end_session_endpoint"] == "https://id.example/logout"
    monkeypatch.setenv("ZWERM_OIDC_STAFF_END_SESSION_ENDPOINT", "id.example/logout")
    with pytest.raises(ImproperlyConfigured, match="ZWERM_OIDC_STAFF_END_SESSION_ENDPOINT"):
        _provider("STAFF", label="Test", scopes="openid")
