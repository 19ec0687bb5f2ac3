"""`Authorization: Bearer <token>` (or `Token <token>`) with a token from `zwerm api_token create`.

A token belongs to one municipality: on another municipality's host name it is refused (401), as is a
revoked token or one whose owner no longer holds its role there. Tokens start with `zwerm_`; any other
bearer value is left to the classes after this one (the OIDC plug-in), so both can be configured.
Failed attempts are counted per client address (ZWERM_API_TOKEN_FAILURES_PER_HOUR, shared with the meldingen
API); over the limit every token from that address gets 429 with Retry-After until the hour is over."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication

from zwerm.core.limits import token_failure_count, token_failures_wait

from .selectors import api_token_find
from .services import api_token_touch
from .tokens import is_ours

SCHEMES = ("bearer", "token")


def credentials(request) -> str | None:
    """The token in the Authorization header, or None when there is no Bearer/Token header."""
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() not in SCHEMES:
        return None
    return value.strip()


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        raw = credentials(request)
        if raw is None or not is_ours(raw):
            return None
        # An address that failed too often waits, whatever it sends now: guessing tokens stops there.
        wait = token_failures_wait(request._request)
        if wait is not None:
            raise exceptions.Throttled(wait=wait)
        token = api_token_find(municipality=getattr(request, "municipality", None), raw=raw)
        if token is None:
            token_failure_count(request._request)
            raise exceptions.AuthenticationFailed(
                _("Deze sleutel is onbekend of ingetrokken, of hoort niet bij deze gemeente.")
            )
        api_token_touch(token=token)
        return token.created_by, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="zwerm"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "zwerm.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token of the municipality, made with `zwerm api_token create`; it carries one role.",
        }
