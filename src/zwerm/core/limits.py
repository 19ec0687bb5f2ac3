"""Rates for django-ratelimit, read from settings when a request comes in (never at import time)."""

from django.conf import settings


def submission_rate(group, request) -> str:
    """Initiatives, comments and flags per resident per hour."""
    return f"{settings.ZWERM_SUBMISSIONS_PER_HOUR}/h"


def login_link_rate(group, request) -> str:
    """Registrations and log-in link requests per address per hour."""
    return f"{settings.ZWERM_LOGIN_LINKS_PER_HOUR}/h"
