"""Rate limits for the API: per address for anonymous callers, per token (or user) for staff systems.

The rates are read from the settings on every request (ZWERM_API_ANONYMOUS_RATE, ZWERM_API_TOKEN_RATE;
a throttle is made afresh per request), not once at import as DRF's own classes do.
Over the limit: 429 problem+json with Retry-After."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class AnonymousRateThrottle(SimpleRateThrottle):
    scope = "api-anonymous"

    def get_rate(self) -> str:
        return settings.ZWERM_API_ANONYMOUS_RATE

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api-token"

    def get_rate(self) -> str:
        return settings.ZWERM_API_TOKEN_RATE

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        token_id = getattr(request.auth, "pk", None)
        ident = f"token-{token_id}" if token_id is not None else f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
