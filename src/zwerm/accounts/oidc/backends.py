"""mozilla-django-oidc's backend, bound to one of our providers and stricter about the ID token.

Not listed in AUTHENTICATION_BACKENDS: the provider's callback view calls its own backend, so a
callback can never be answered by the other provider, and password log-ins never reach it."""

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from . import services
from .config import BROKER, STAFF, Provider, provider_metadata

LEEWAY_SECONDS = 60  # clock difference tolerated between Zwerm and the provider


class ProviderBackend(OIDCAuthenticationBackend):
    def __init__(self, provider: Provider):
        # Not super().__init__(): that reads global OIDC_* settings; ours come from the provider.
        self.provider = provider
        self.UserModel = get_user_model()
        metadata = provider_metadata(provider)  # raises ProviderUnavailable
        self.OIDC_OP_TOKEN_ENDPOINT = metadata["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = metadata.get("userinfo_endpoint")
        self.OIDC_OP_JWKS_ENDPOINT = metadata["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = provider.sign_algo
        self.OIDC_RP_IDP_SIGN_KEY = None
        # The discovery default for the token endpoint is client_secret_basic (OpenID Connect Discovery §3).
        methods = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
        self._basic_auth = "client_secret_basic" in methods
        self.id_claims: dict | None = None  # the checked ID token's claims, after a log-in
        self.claims: dict = {}  # ID token over userinfo

    def get_settings(self, attr, *args):
        own = {
            "OIDC_RP_SCOPES": self.provider.scopes,
            "OIDC_AUTHENTICATION_CALLBACK_URL": self.provider.callback_url_name,
            "OIDC_TIMEOUT": settings.ZWERM_OIDC_TIMEOUT,
            "OIDC_USE_NONCE": True,
            "OIDC_TOKEN_USE_BASIC_AUTH": self._basic_auth,
            "OIDC_STORE_ACCESS_TOKEN": False,
            # Only for log-out at the provider (id_token_hint), and never the broker's: it holds the BSN,
            # sometimes as `sub` too. Log-out at the broker names us by client_id instead.
            "OIDC_STORE_ID_TOKEN": self.provider.key == STAFF and bool(self.provider.extra.get("end_session_endpoint")),
            "OIDC_ALLOW_UNSECURED_JWT": False,
            "OIDC_VERIFY_SSL": True,
            "OIDC_CREATE_USER": False,
        }
        if attr in own:
            return own[attr]
        return import_from_settings(attr, *args)

    def _verify_jws(self, payload, key):
        """Check signature, algorithm, issuer, audience, expiry and times (the parent skips the audience)."""
        try:
            header = jwt.get_unverified_header(payload)
        except jwt.PyJWTError:
            raise SuspiciousOperation("ID token is not a JWT") from None
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("ID token algorithm differs from the configured one")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.provider.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"ID token refused: {type(error).__name__}") from None
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without us as azp")
        return claims

    def retrieve_matching_jwk(self, token):
        try:
            return super().retrieve_matching_jwk(token)
        except (jwt.PyJWTError, KeyError):
            raise SuspiciousOperation("no usable signing key for the ID token") from None

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        """Claims from the ID token (when there is one) over those from userinfo; then our own linking."""
        claims = self.get_userinfo(access_token, id_token, payload) if self.OIDC_OP_USER_ENDPOINT else {}
        if payload:
            # OpenID Connect Core §5.3.2: userinfo must be about the same person as the ID token.
            if claims.get("sub") not in (None, payload.get("sub")):
                raise SuspiciousOperation("userinfo sub differs from the ID token's")
            claims = {**claims, **payload}
        if not self.verify_claims(claims):
            raise SuspiciousOperation("no sub claim")
        self.id_claims, self.claims = payload, claims
        if self.provider.key == STAFF:
            return services.staff_user_for_claims(provider=self.provider, claims=claims)
        if self.provider.key == BROKER:
            return services.resident_user_for_claims(provider=self.provider, claims=claims)
        return None
