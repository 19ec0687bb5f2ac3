"""Log-in through OpenID Connect (accounts.oidc): off by default, one provider for staff, one broker for DigiD.

Each provider is switched on and configured by its own environment variables (docs/operations.md,
"Log-in through OpenID Connect"). The endpoints are discovered from the issuer at log-in time, so a
provider that is down never stops Zwerm from starting. Only the end-session endpoint (log-out at the
provider) is set, not discovered: it is opt-in, because the provider must know our address for after it.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from ..env import env_bool, env_int, env_list, env_str
from .apps import SECRET_KEY

# Seconds before a call to a provider (discovery, token, userinfo, keys) gives up.
ZWERM_OIDC_TIMEOUT = env_int("ZWERM_OIDC_TIMEOUT", 10)


def _provider(prefix: str, *, label: str, scopes: str) -> dict | None:
    if not env_bool(f"ZWERM_OIDC_{prefix}_ENABLED", False):
        return None
    config = {
        "issuer": env_str(f"ZWERM_OIDC_{prefix}_ISSUER", "").rstrip("/"),
        "client_id": env_str(f"ZWERM_OIDC_{prefix}_CLIENT_ID", ""),
        "client_secret": env_str(f"ZWERM_OIDC_{prefix}_CLIENT_SECRET", ""),
        "scopes": env_str(f"ZWERM_OIDC_{prefix}_SCOPES", scopes),
        "label": env_str(f"ZWERM_OIDC_{prefix}_LABEL", label),
        "sign_algo": env_str(f"ZWERM_OIDC_{prefix}_SIGN_ALGO", "RS256"),
        # RP-Initiated Logout 1.0: log-out also ends the session at the provider. Empty: only Zwerm's ends.
        "end_session_endpoint": env_str(f"ZWERM_OIDC_{prefix}_END_SESSION_ENDPOINT", ""),
    }
    missing = [name for name in ("issuer", "client_id", "client_secret") if not config[name]]
    if missing:
        names = ", ".join(f"ZWERM_OIDC_{prefix}_{name.upper()}" for name in missing)
        raise ImproperlyConfigured(f"ZWERM_OIDC_{prefix}_ENABLED is on, but {names} is not set.")
    end_session = urlsplit(config["end_session_endpoint"])
    if config["end_session_endpoint"] and not (end_session.scheme in ("https", "http") and end_session.netloc):
        raise ImproperlyConfigured(f"ZWERM_OIDC_{prefix}_END_SESSION_ENDPOINT must be a full https:// address.")
    return config


ZWERM_OIDC_STAFF = _provider("STAFF", label="het account van de gemeente", scopes="openid email profile")
if ZWERM_OIDC_STAFF is not None:
    ZWERM_OIDC_STAFF.update(
        # The ID token's `amr` / `acr` values that prove a second factor at the provider.
        mfa_amr=env_list("ZWERM_OIDC_STAFF_MFA_AMR", ["mfa"]),
        mfa_acr=env_list("ZWERM_OIDC_STAFF_MFA_ACR", []),
        require_email_verified=env_bool("ZWERM_OIDC_STAFF_REQUIRE_EMAIL_VERIFIED", True),
        # Roles only come from the provider when both are set: "group=municipality-slug:role,...".
        roles_claim=env_str("ZWERM_OIDC_STAFF_ROLES_CLAIM", ""),
        role_map=env_list("ZWERM_OIDC_STAFF_ROLE_MAP", []),
        # Staff systems may call the REST API with an access token of this provider.
        api=env_bool("ZWERM_OIDC_STAFF_API", False),
    )

ZWERM_OIDC_BROKER = _provider("BROKER", label="DigiD", scopes="openid")
if ZWERM_OIDC_BROKER is not None:
    ZWERM_OIDC_BROKER.update(
        bsn_claim=env_str("ZWERM_OIDC_BROKER_BSN_CLAIM", "bsn"),
        acr_values=env_str("ZWERM_OIDC_BROKER_ACR_VALUES", ""),
    )

# mozilla-django-oidc's log-out view asks this function where to send the browser after log-out: to the
# provider's end-session endpoint after a log-in there, else to LOGOUT_REDIRECT_URL (accounts.oidc.logout).
OIDC_OP_LOGOUT_URL_METHOD = "zwerm.accounts.oidc.logout.provider_logout_url"

# Key for the keyed hash (HMAC-SHA256) under which a DigiD log-in's BSN is kept; the BSN itself never is.
ZWERM_BSN_HASH_KEY = env_str("ZWERM_BSN_HASH_KEY", "")
if ZWERM_OIDC_BROKER is not None:
    if len(ZWERM_BSN_HASH_KEY) < 32:
        raise ImproperlyConfigured(
            "ZWERM_OIDC_BROKER_ENABLED is on: set ZWERM_BSN_HASH_KEY to a random secret of at least 32 characters."
        )
    if ZWERM_BSN_HASH_KEY == SECRET_KEY:
        raise ImproperlyConfigured("ZWERM_BSN_HASH_KEY must differ from ZWERM_SECRET_KEY.")
