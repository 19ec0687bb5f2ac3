"""Residents log in with DigiD through a broker: the BSN is checked and kept only as a keyed hash."""

import base64
import binascii
import contextlib
import hashlib
import hmac
import logging
import os
import re
import subprocess
import sys

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection

from zwerm.accounts.models import ExternalIdentity, User
from zwerm.privacy.services import account_erase

from .conftest import BSN_KEY, INVALID_BSN, OTHER_VALID_BSN, VALID_BSN, broker_settings, oidc_login

START = "/account/oidc/digid/start"


def logged_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_a_resident_logs_in_with_digid_and_is_asked_for_their_buurt(client, municipality, broker_on):
    broker_on.person = {"sub": "digid-sub-1", "bsn": VALID_BSN}

    response = oidc_login(client, f"{START}?next=/initiatieven/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/profiel?next=%2Finitiatieven%2F")
    user = logged_in_user(client)
    assert user is not None and user.is_active
    assert not user.has_usable_password()
    identity = ExternalIdentity.objects.get(user=user)
    expected = hmac.new(BSN_KEY.encode(), VALID_BSN.encode(), hashlib.sha256).hexdigest()
    assert identity.provider == "broker" and identity.bsn_hash == expected


def test_the_same_bsn_gives_the_same_account_even_with_another_sub(client, municipality, broker_on):
    broker_on.person = {"sub": "eerste-sub", "bsn": VALID_BSN}
    oidc_login(client, START)
    first = logged_in_user(client)
    client.logout()

    broker_on.person = {"sub": "tweede-sub", "bsn": "1112.22.333"}  # written differently, the same BSN
    oidc_login(client, START)

    assert logged_in_user(client) == first
    assert ExternalIdentity.objects.filter(provider="broker").count() == 1


def test_another_bsn_gives_another_account(client, municipality, broker_on):
    broker_on.person = {"sub": "a", "bsn": VALID_BSN}
    oidc_login(client, START)
    first = logged_in_user(client)
    client.logout()
    broker_on.person = {"sub": "b", "bsn": OTHER_VALID_BSN}
    oidc_login(client, START)
    assert logged_in_user(client) not in (None, first)


def test_a_digid_login_is_never_matched_by_e_mail(client, municipality, resident, broker_on):
    broker_on.person = {"sub": "c", "bsn": VALID_BSN, "email": resident.email, "email_verified": True}
    oidc_login(client, START)
    assert logged_in_user(client) not in (None, resident)


def test_a_member_goes_straight_to_the_page_they_wanted(client, municipality, neighbourhood, broker_on):
    broker_on.person = {"sub": "d", "bsn": VALID_BSN}
    oidc_login(client, START)
    user = logged_in_user(client)
    client.post("/account/profiel", {"neighbourhood": neighbourhood.pk}, HTTP_HOST="testdam.localhost")
    client.logout()

    response = oidc_login(client, f"{START}?next=/initiatieven/")

    assert response.status_code == 302 and response["Location"] == "/initiatieven/"
    assert logged_in_user(client) == user


def _every_stored_text() -> str:
    """Every value of every row of every table, as text; sessions decoded as well."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own table names)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("latin-1")
                    parts.append(str(value))
    for session in Session.objects.all():
        parts.append(repr(SessionStore().decode(session.session_data)))
    text = "\n".join(parts)
    return text + "\n" + _decoded_base64(text)


def _decoded_base64(text: str) -> str:
    """Whatever hides in base64 inside the text (a JWT's claims, for one), decoded."""
    decoded = []
    for chunk in re.findall(r"[A-Za-z0-9_\-+/]{16,}", text):
        for decode in (base64.urlsafe_b64decode, base64.b64decode):
            with contextlib.suppress(binascii.Error, ValueError):
                decoded.append(decode(chunk + "=" * (-len(chunk) % 4)).decode("latin-1"))
    return "\n".join(decoded)


def test_the_bsn_is_stored_nowhere_and_logged_nowhere(client, municipality, broker_on, caplog):
    caplog.set_level(logging.DEBUG)
    broker_on.person = {"sub": "e", "bsn": VALID_BSN}

    oidc_login(client, START)
    client.logout()
    oidc_login(client, START)

    assert logged_in_user(client) is not None
    stored = _every_stored_text()
    assert "digid" in stored  # the scan does see the account's rows
    for written in (VALID_BSN, "1112.22.333", "111.222.333"):
        assert written not in stored
    assert VALID_BSN not in caplog.text
    assert "OpenID Connect log-in via broker" in caplog.text  # the scan does see our log lines


def test_a_bsn_that_fails_the_eleven_test_is_refused(client, municipality, broker_on, caplog):
    broker_on.person = {"sub": "f", "bsn": INVALID_BSN}

    response = oidc_login(client, START)

    assert response.status_code == 403
    assert "burgerservicenummer" in response.content.decode()
    assert logged_in_user(client) is None
    assert not ExternalIdentity.objects.exists()
    assert not User.objects.filter(email__endswith="@digid.invalid").exists()
    assert INVALID_BSN not in caplog.text


def test_a_login_without_a_bsn_is_refused(client, municipality, broker_on):
    broker_on.person = {"sub": "g"}
    response = oidc_login(client, START)
    assert response.status_code == 403
    assert logged_in_user(client) is None


def test_without_a_hash_key_digid_refuses_to_log_anyone_in(client, municipality, broker_on, settings):
    settings.ZWERM_BSN_HASH_KEY = ""
    response = client.get(START, HTTP_HOST="testdam.localhost")
    assert response.status_code == 503
    assert "e-mailadres" in response.content.decode()
    assert broker_on.token_requests == 0


def test_the_login_page_offers_digid_only_when_it_is_on(client, municipality, settings, oidc_provider):
    page = client.get("/account/inloggen", HTTP_HOST="testdam.localhost").content.decode()
    assert "Inloggen met DigiD" not in page

    settings.ZWERM_OIDC_BROKER = broker_settings(oidc_provider.issuer)
    settings.ZWERM_BSN_HASH_KEY = BSN_KEY
    page = client.get("/account/inloggen?next=/dialogen/", HTTP_HOST="testdam.localhost").content.decode()
    assert "Inloggen met DigiD" in page
    assert 'href="/account/oidc/digid/start?next=%2Fdialogen%2F"' in page


@pytest.mark.parametrize("key", ["", "te-kort"])
def test_start_up_is_refused_when_digid_is_on_without_a_good_key(key, tmp_path):
    env = {
        **os.environ,
        "ZWERM_OIDC_BROKER_ENABLED": "true",
        "ZWERM_OIDC_BROKER_ISSUER": "https://broker.example",
        "ZWERM_OIDC_BROKER_CLIENT_ID": "zwerm",
        "ZWERM_OIDC_BROKER_CLIENT_SECRET": "geheim",
        "ZWERM_BSN_HASH_KEY": key,
        "DJANGO_SETTINGS_MODULE": "zwerm.conf.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "ZWERM_BSN_HASH_KEY" in result.stderr


def test_after_erasing_the_account_the_same_bsn_starts_a_new_one(client, municipality, broker_on):
    broker_on.person = {"sub": "wissen", "bsn": VALID_BSN}
    oidc_login(client, START)
    first = logged_in_user(client)
    account_erase(user=first, municipality=municipality)
    assert not ExternalIdentity.objects.filter(user=first).exists()  # the BSN hash goes with the account

    client.logout()
    oidc_login(client, START)
    second = logged_in_user(client)
    assert second is not None and second.pk != first.pk and second.is_active
