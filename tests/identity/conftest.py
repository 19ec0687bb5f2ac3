"""Fixtures for the OpenID Connect plug-in: a live test provider on loopback and the settings that
switch the staff provider or the DigiD broker on, pointing at it."""

import socket
from urllib.parse import urlsplit

import pytest
import requests

from .provider import CLIENT_ID, CLIENT_SECRET, Provider

BSN_KEY = "een-lange-geheime-sleutel-alleen-voor-de-tests-0123456789"
VALID_BSN = "111222333"  # passes the 11-test
OTHER_VALID_BSN = "123456782"
INVALID_BSN = "123456789"  # fails the 11-test


@pytest.fixture
def oidc_provider():
    provider = Provider().start()
    yield provider
    provider.stop()


def _provider_settings(issuer: str, **extra) -> dict:
    return {
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scopes": "openid email profile",
        "label": "Testinlog",
        "sign_algo": "RS256",
        **extra,
    }


def staff_settings(issuer: str, **extra) -> dict:
    defaults = {
        "mfa_amr": ["mfa"],
        "mfa_acr": [],
        "require_email_verified": True,
        "roles_claim": "",
        "role_map": [],
        "api": False,
    }
    return _provider_settings(issuer, **{**defaults, **extra})


def broker_settings(issuer: str, **extra) -> dict:
    return _provider_settings(issuer, **{"label": "DigiD", "bsn_claim": "bsn", "acr_values": "", **extra})


@pytest.fixture
def broker_on(settings, oidc_provider):
    settings.ZWERM_OIDC_BROKER = broker_settings(oidc_provider.issuer)
    settings.ZWERM_BSN_HASH_KEY = BSN_KEY
    return oidc_provider


@pytest.fixture
def staff_on(settings, oidc_provider):
    settings.ZWERM_OIDC_STAFF = staff_settings(oidc_provider.issuer)
    return oidc_provider


@pytest.fixture
def closed_port_issuer() -> str:
    """An issuer address where nothing listens: a provider that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def start_login(client, path: str, host: str = "testdam.localhost") -> str:
    """Zwerm's start URL -> the provider's authorize URL; the provider consents -> our callback URL."""
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:500]
    at_provider = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302, at_provider.text
    callback = urlsplit(at_provider.headers["Location"])
    assert callback.netloc == host
    return f"{callback.path}?{callback.query}"


def oidc_login(client, path: str, host: str = "testdam.localhost"):
    """The whole flow as a browser would make it; returns Zwerm's answer to the callback."""
    return client.get(start_login(client, path, host), HTTP_HOST=host)
