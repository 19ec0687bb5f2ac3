"""Who is trying to log in, and from where: the keys for brute-force protection and rate limits; and how long
someone who tried too often has to wait, in words."""

import datetime
import math

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice


def attempted_username(request, credentials) -> str | None:
    """The account a log-in attempt is for: the staff form's e-mail, lower-cased."""
    value = (credentials or {}).get("username") or (request.POST.get("email") if request is not None else None)
    return value.strip().lower() if value else None


def client_address(request) -> str:
    """The visitor's address behind ZWERM_PROXY_COUNT trusted proxies (the last ones in X-Forwarded-For)."""
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    count = settings.ZWERM_PROXY_COUNT
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def is_login_link_attempt(request, credentials=None) -> bool:
    """Log-in links are signed and expire; guessing them is hopeless, so they never count as a failed
    password attempt (otherwise one bad link could lock a whole office network out)."""
    return bool(credentials and "sesame" in credentials) or (
        request is not None and request.path.endswith("/inloggen/link")
    )


def wait_words(wait: datetime.timedelta) -> str:
    """45 s -> '45 seconden', 61 s -> '2 minuten', 1 h -> '60 minuten': rounded up, never 'nu'."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return ngettext("%(n)d seconde", "%(n)d seconden", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)d minuut", "%(n)d minuten", minutes) % {"n": minutes}


def second_factor_wait(*, user) -> datetime.timedelta | None:
    """How long `user` must wait before an authenticator code is checked again, after too many wrong ones
    (django-otp doubles the wait after each wrong code); None when a code can be tried now."""
    waits = []
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        allowed, info = device.verify_is_allowed()
        if allowed:
            return None
        if info and info.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS and info.get("locked_until"):
            waits.append(info["locked_until"] - timezone.now())
    return min(waits) if waits else None
