"""The security tests share one data set per module: built once inside a transaction that is rolled
back when the module ends, while every test runs in its own savepoint (pytest-django's `db`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from tests.conftest import attachments_storage
from tests.foundation.builders import PASSWORD, current_code
from zwerm.api import services as api_services

from .world import B_MARK, HOST_A, HOST_B, STAFF_ACTORS, Town, build_town

# What the autouse `_settings_for_tests` fixture sets per test, needed already while the module's data
# is built (that fixture is function-scoped and runs later).
BUILD_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    # Public text masked at once (the background masking with names would wait for a commit that the
    # module's rolled-back transaction never makes).
    "ZWERM_MASK_NAMES": False,
}


@dataclass
class World:
    a: Town
    b: Town
    sessions: dict  # actor -> session cookie value (None for anonymous)
    api_tokens: dict  # staff actor -> an API token for their role (the REST API takes no sessions)

    def client(self, actor: str, host: str = HOST_A, *, api: bool = False) -> Client:
        """A fresh client for `actor`; a 500 comes back as a response instead of raising. For the REST API
        staff call with their token, as their systems do; residents have none (their session is sent)."""
        headers = {"HTTP_HOST": host}
        if api and actor in self.api_tokens:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {self.api_tokens[actor]}"
        client = Client(raise_request_exception=False, **headers)
        if self.sessions.get(actor):
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[actor]
        return client


def _staff_session(user, host: str) -> str:
    """Log in through the real staff form (password and the current TOTP code); each user once."""
    client = Client(HTTP_HOST=host)
    response = client.post(
        "/account/medewerker/inloggen", {"email": user.email, "password": PASSWORD, "token": current_code(user)}
    )
    assert response.status_code == 302 and "inloggen" not in response["Location"], response.content[:500]
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _api_token(town: Town, role: str) -> str:
    _token, raw = api_services.api_token_create(
        municipality=town.municipality, name=f"Koppeling {role}", role=role, created_by=town.people[role]
    )
    return raw


def _resident_session(user) -> str:
    client = Client()
    client.force_login(user)  # what following the e-mailed log-in link does
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, attachments_root):
    storages = {**settings.STORAGES, "attachments": attachments_storage(attachments_root)}
    with (
        django_db_blocker.unblock(),
        override_settings(**BUILD_SETTINGS, STORAGES=storages),
        transaction.atomic(),
    ):
        a = build_town(name="Testdam", code="GM0001", host=HOST_A)
        b = build_town(name="Andersum", code="GM0002", host=HOST_B, mark=B_MARK)
        sessions = {
            "anonymous": None,
            "resident": _resident_session(a.people["resident"]),
            "foreign_resident": _resident_session(b.people["resident"]),
            "foreign_admin": _staff_session(b.people["admin"], HOST_B),
        }
        tokens = {"foreign_admin": _api_token(b, "admin")}
        for actor in STAFF_ACTORS:
            sessions[actor] = _staff_session(a.people[actor], HOST_A)
            tokens[actor] = _api_token(a, actor)
        yield World(a=a, b=b, sessions=sessions, api_tokens=tokens)
        transaction.set_rollback(True)


@pytest.fixture
def quiet_limits(settings):
    """Rate limits answer 429 after a few posts; the matrix is about roles, so they are off here."""
    settings.RATELIMIT_ENABLE = False
