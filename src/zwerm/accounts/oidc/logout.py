"""Log-out at the provider too (OpenID Connect RP-Initiated Logout 1.0), when the session came from a
provider whose end-session endpoint is set (ZWERM_OIDC_<PROVIDER>_END_SESSION_ENDPOINT)."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url

from .config import ID_TOKEN_SESSION_KEY, LOGIN_PROVIDER_KEY, provider_get


def provider_logout_url(request) -> str:
    """Where log-out sends the browser (mozilla-django-oidc's OIDC_OP_LOGOUT_URL_METHOD, read before the
    session ends): the provider's end-session endpoint, which sends the visitor back to Zwerm afterwards;
    else straight to LOGOUT_REDIRECT_URL, as after a log-in by e-mail link or password."""
    after = resolve_url(settings.LOGOUT_REDIRECT_URL)
    provider = provider_get(request.session.get(LOGIN_PROVIDER_KEY) or "")
    endpoint = provider.extra.get("end_session_endpoint") if provider is not None else ""
    if not endpoint:
        return after
    params = {}
    if id_token := request.session.get(ID_TOKEN_SESSION_KEY):
        params["id_token_hint"] = id_token
    # client_id names us when there is no hint (the broker); with a hint the provider checks they match.
    params["client_id"] = provider.client_id
    # Registered at the provider, per host name, like the callback URL.
    params["post_logout_redirect_uri"] = request.build_absolute_uri(after)
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"
