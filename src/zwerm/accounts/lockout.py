"""Who is trying to log in, and from where: the keys for brute-force protection and rate limits."""

from django.conf import settings


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
