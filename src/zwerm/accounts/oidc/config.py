"""Which providers are on, and their endpoints, discovered from the issuer when first needed; what a log-in
at a provider leaves in the session."""

from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.core.cache import cache

from .errors import ProviderUnavailable

STAFF = "staff"
BROKER = "broker"
# The provider's part of our URLs; the callback URL is registered at the provider.
URL_SLUGS = {STAFF: "medewerker", BROKER: "digid"}
DISCOVERY_CACHE_SECONDS = 3600

# Which provider logged this session in (the TOTP step and log-out at the provider depend on it).
LOGIN_PROVIDER_KEY = "zwerm_oidc_provider"
# mozilla-django-oidc's own key for the ID token (OIDC_STORE_ID_TOKEN), sent back as id_token_hint at log-out.
ID_TOKEN_SESSION_KEY = "oidc_id_token"  # noqa: S105 (a session key)


@dataclass(frozen=True)
class Provider:
    key: str
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    label: str
    sign_algo: str = "RS256"
    extra: dict = field(default_factory=dict)

    @property
    def callback_url_name(self) -> str:
        return f"accounts:oidc_{self.key}_callback"


def provider_get(key: str) -> Provider | None:
    """The provider's configuration, or None when that plug-in is off."""
    raw = {STAFF: settings.ZWERM_OIDC_STAFF, BROKER: settings.ZWERM_OIDC_BROKER}.get(key)
    if not raw:
        return None
    basics = {name: raw[name] for name in ("issuer", "client_id", "client_secret", "scopes", "label", "sign_algo")}
    extra = {name: value for name, value in raw.items() if name not in basics}
    return Provider(key=key, **basics, extra=extra)


def provider_metadata(provider: Provider) -> dict:
    """The provider's discovery document (endpoints); cached. Raises ProviderUnavailable."""
    cache_key = f"zwerm:oidc:discovery:{provider.key}:{provider.issuer}"
    metadata = cache.get(cache_key)
    if metadata is not None:
        return metadata
    try:
        response = requests.get(
            f"{provider.issuer}/.well-known/openid-configuration", timeout=settings.ZWERM_OIDC_TIMEOUT
        )
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"discovery failed: {type(error).__name__}") from error
    # OpenID Connect Discovery 1.0 §4.3: the document must name the issuer we asked.
    if metadata.get("issuer", "").rstrip("/") != provider.issuer:
        raise ProviderUnavailable("discovery document names another issuer")
    required = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    if not all(metadata.get(name) for name in required):
        raise ProviderUnavailable("discovery document lacks endpoints")
    cache.set(cache_key, metadata, DISCOVERY_CACHE_SECONDS)
    return metadata
