"""Every way an OpenID Connect log-in can go wrong ends on a clear Dutch page, never a 500, never logged in."""

import time

import pytest
from django.test import Client

from zwerm.accounts.models import ExternalIdentity, User
from zwerm.accounts.roles import Role

from .conftest import VALID_BSN, broker_settings, oidc_login, staff_settings, start_login

HOST = "testdam.localhost"
START = "/account/oidc/digid/start"


def assert_not_logged_in(client):
    assert "_auth_user_id" not in client.session
    assert not ExternalIdentity.objects.exists()


@pytest.fixture
def person(broker_on):
    broker_on.person = {"sub": "persoon", "bsn": VALID_BSN}
    return broker_on


def test_a_wrong_state_is_refused(client, municipality, person):
    callback = start_login(client, START)
    forged = callback.replace("state=", "state=x")

    response = client.get(forged, HTTP_HOST=HOST)

    assert response.status_code == 400
    assert "verlopen of niet compleet" in response.content.decode()
    assert person.token_requests == 0
    assert_not_logged_in(client)


def test_a_callback_works_once(client, municipality, person):
    callback = start_login(client, START)
    assert client.get(callback, HTTP_HOST=HOST).status_code == 302
    client.logout()
    assert client.get(callback, HTTP_HOST=HOST).status_code == 400


def test_a_state_from_another_browser_is_refused(client, municipality, person):
    callback = start_login(Client(), START)
    assert client.get(callback, HTTP_HOST=HOST).status_code == 400
    assert_not_logged_in(client)


def test_a_state_of_the_other_provider_is_refused(client, municipality, person, settings):
    settings.ZWERM_OIDC_STAFF = staff_settings(person.issuer)
    callback = start_login(client, "/account/oidc/medewerker/start")
    response = client.get(callback.replace("/medewerker/", "/digid/"), HTTP_HOST=HOST)
    assert response.status_code == 400
    assert_not_logged_in(client)


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param({"tamper": True}, id="tampered signature"),
        pytest.param({"changes": {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}}, id="expired"),
        pytest.param({"changes": {"aud": "een-andere-dienst"}}, id="wrong audience"),
        pytest.param({"changes": {"aud": ["een-andere-dienst", "zwerm-test"]}}, id="shared audience without azp"),
        pytest.param({"changes": {"iss": "https://nep-inlog.example"}}, id="wrong issuer"),
        pytest.param({"changes": {"nonce": "een-andere-nonce"}}, id="wrong nonce"),
    ],
)
def test_a_spoiled_id_token_is_refused(client, municipality, person, spoil):
    person.tamper = spoil.get("tamper", False)
    person.id_token_changes = spoil.get("changes", {})

    response = oidc_login(client, START)

    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()
    assert_not_logged_in(client)
    assert not User.objects.filter(email__endswith="@digid.invalid").exists()


def test_an_error_from_the_provider_is_explained(client, municipality, person):
    callback = start_login(client, START)
    state = callback.split("state=")[1]
    response = client.get(f"/account/oidc/digid/callback?error=access_denied&state={state}", HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "afgebroken" in response.content.decode()


def test_a_provider_that_is_down_gets_a_clear_message(client, municipality, settings, closed_port_issuer):
    settings.ZWERM_OIDC_BROKER = broker_settings(closed_port_issuer)
    settings.ZWERM_BSN_HASH_KEY = "k" * 40

    response = client.get(START, HTTP_HOST=HOST)

    assert response.status_code == 503
    assert "niet bereikbaar" in response.content.decode()


def test_a_provider_that_goes_down_during_the_login(client, municipality, person):
    callback = start_login(client, START)
    person.stop()

    response = client.get(callback, HTTP_HOST=HOST)

    assert response.status_code == 503
    assert "niet bereikbaar" in response.content.decode()
    assert_not_logged_in(client)


@pytest.mark.parametrize(
    "path",
    [
        "/account/oidc/digid/start",
        "/account/oidc/digid/callback?code=a&state=b",
        "/account/oidc/medewerker/start",
        "/account/oidc/medewerker/callback?code=a&state=b",
        "/account/oidc/medewerker/code",
    ],
)
def test_with_the_plug_in_off_its_addresses_do_not_exist(client, municipality, make_staff, path):
    client.force_login(make_staff(Role.MODERATOR))
    assert client.get(path, HTTP_HOST=HOST).status_code == 404
