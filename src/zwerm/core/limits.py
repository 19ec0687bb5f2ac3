"""Rates for django-ratelimit, read from settings when a request comes in (never at import time)."""

from django.conf import settings
from django.utils.module_loading import import_string
from django_ratelimit.core import get_usage


def submission_rate(group, request) -> str:
    """Initiatives, comments and flags per resident per hour."""
    return f"{settings.ZWERM_SUBMISSIONS_PER_HOUR}/h"


def login_link_rate(group, request) -> str:
    """Registrations and log-in link requests per address per hour."""
    return f"{settings.ZWERM_LOGIN_LINKS_PER_HOUR}/h"


FAILED_TOKENS_GROUP = "zwerm.api-token-failures"  # one counter for the REST API and the meldingen API
REPORTS_GROUP = "zwerm.sensing-reports"


def token_failure_rate(group, request) -> str:
    """Failed API-token attempts per client address per hour; after that the address waits."""
    return f"{settings.ZWERM_API_TOKEN_FAILURES_PER_HOUR}/h"


def report_rate(group, request) -> str:
    """Reports posted to /signalen/api/meldingen per client address per minute."""
    return f"{settings.ZWERM_SENSING_REPORTS_PER_MINUTE}/m"


def client_key(group, request) -> str:
    """The client's address as the other rate limits read it (RATELIMIT_IP_META_KEY behind proxies), or
    "unknown" when the server passed none (django-ratelimit's own "ip" key fails then)."""
    getter = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    address = import_string(getter)(request) if getter else request.META.get("REMOTE_ADDR", "")
    return address or "unknown"


def token_failures_wait(request) -> int | None:
    """Seconds before this address may try a token again, or None when it may now. Counts nothing: call it
    before checking a token, so that guessing stops once the address has failed too often."""
    usage = get_usage(request, group=FAILED_TOKENS_GROUP, key=client_key, rate=token_failure_rate)
    if usage is None or usage["count"] < usage["limit"]:
        return None
    return max(usage["time_left"], 1)


def token_failure_count(request) -> None:
    """Count one failed token attempt for this address."""
    get_usage(request, group=FAILED_TOKENS_GROUP, key=client_key, rate=token_failure_rate, increment=True)


def reports_wait(request) -> int | None:
    """Count this report; the seconds to wait when the address is over its rate, else None."""
    usage = get_usage(request, group=REPORTS_GROUP, key=client_key, rate=report_rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)


def code_attempt_rate(group, request) -> str:
    """Attempts to vote with a vote code per IP address per hour (guessing a 60-bit code is hopeless;
    this keeps the log and the database quiet)."""
    return f"{settings.ZWERM_VOTE_CODE_ATTEMPTS_PER_HOUR}/h"
