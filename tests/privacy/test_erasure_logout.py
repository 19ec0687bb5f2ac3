"""Deleting one's account ends the session, and after a log-in with DigiD (or another identity provider with
an end-session endpoint) the session at the provider too; a session from an e-mail link goes home as before."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model

from tests.identity.conftest import VALID_BSN, broker_on, broker_settings, oidc_login, oidc_provider  # noqa: F401

from .conftest import get, post

User = get_user_model()
HOME_URL = "http://testdam.localhost/"
DELETED = "Je account is verwijderd."


@pytest.fixture
def broker_with_logout(broker_on, settings):  # noqa: F811 (the identity tests' fixtures, reused)
    settings.ZWERM_OIDC_BROKER = broker_settings(
        broker_on.issuer, end_session_endpoint=f"{broker_on.issuer}/end-session"
    )
    broker_on.person = {"sub": "digid-sub-1", "bsn": VALID_BSN}
    return broker_on


def delete_account(client):
    return post(client, "/privacy/account-verwijderen", {"confirm": "on"})


def test_after_digid_the_erasure_also_logs_out_at_the_broker(client, municipality, broker_with_logout):
    oidc_login(client, "/account/oidc/digid/start")
    user_id = client.session["_auth_user_id"]

    response = delete_account(client)

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{broker_with_logout.issuer}/end-session?")
    query = {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}
    assert query == {"client_id": "zwerm-test", "post_logout_redirect_uri": HOME_URL}
    assert not User.objects.get(pk=user_id).is_active  # erased first
    assert "_auth_user_id" not in client.session
    # The broker ends its session and sends the browser home, where the confirmation shows.
    at_broker = requests.get(location, allow_redirects=False, timeout=5)
    assert at_broker.status_code == 302 and at_broker.headers["Location"] == HOME_URL
    assert broker_with_logout.ended_sessions == [{"client_id": "zwerm-test"}]
    assert DELETED in get(client, "/").content.decode()


def test_a_failed_erasure_keeps_the_session_and_the_broker_session(client, municipality, broker_with_logout):
    oidc_login(client, "/account/oidc/digid/start")
    response = post(client, "/privacy/account-verwijderen", {})  # not confirmed
    assert response.status_code == 400
    assert "_auth_user_id" in client.session and broker_with_logout.ended_sessions == []


def test_after_an_e_mail_link_log_in_the_erasure_goes_home_as_before(world, anna_client, broker_with_logout):
    response = delete_account(anna_client)
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in anna_client.session
    assert DELETED in get(anna_client, "/").content.decode()
    assert broker_with_logout.ended_sessions == []
