from django.core.exceptions import ImproperlyConfigured

from ..env import env_bool, env_int, env_list, env_str
from .apps import PRODUCTION

SESSION_COOKIE_SECURE = env_bool("ZWERM_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("ZWERM_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
# Only once the municipality has decided to submit its domain to the browsers' preload list.
SECURE_HSTS_PRELOAD = env_bool("ZWERM_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("ZWERM_SSL_REDIRECT", PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("ZWERM_CSRF_TRUSTED_ORIGINS", [])

# Content Security Policy (django-csp 4): no inline scripts, no third-party hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Caches back the rate limits; use a shared cache (Redis) when running several web processes.
ZWERM_CACHE_URL = env_str("ZWERM_CACHE_URL", "")
# Production runs several web processes (Granian workers, replicas): each would keep its own rate-limit
# counters, log-in lock-outs and host lookups in a local-memory cache, so a shared cache is required there.
# Only an installation that really serves from one single process may say so and go without.
ZWERM_SINGLE_WEB_PROCESS = env_bool("ZWERM_SINGLE_WEB_PROCESS", False)
if PRODUCTION and not ZWERM_CACHE_URL and not ZWERM_SINGLE_WEB_PROCESS:
    raise ImproperlyConfigured(
        "ZWERM_CACHE_URL is not set: production runs several web processes, and without a shared cache each "
        "keeps its own rate limits and lock-outs. Set ZWERM_CACHE_URL=redis://HOST:6379/0, or "
        "ZWERM_SINGLE_WEB_PROCESS=true if this installation really serves from one single process."
    )
CACHES = {
    "default": {
        "BACKEND": "zwerm.core.cache.ReusingRedisCache"
        if ZWERM_CACHE_URL
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": ZWERM_CACHE_URL or "zwerm",
    }
}
# With a shared cache, sessions are read from it and written through to the database: one query less on
# every request of a logged-in visitor (the vote path feels this most), and nothing lost when the cache empties.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if ZWERM_CACHE_URL else "django.contrib.sessions.backends.db"
)
RATELIMIT_VIEW = "zwerm.web.views.errors.rate_limited"
# Django's own RedisCache increments atomically, which is all django-ratelimit needs (W001 only says it
# is not on the package's list). E003 (a cache not shared between processes) is silenced only where one
# process is all there is: the demo and tests, or production with ZWERM_SINGLE_WEB_PROCESS.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not ZWERM_CACHE_URL and (not PRODUCTION or ZWERM_SINGLE_WEB_PROCESS):
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
CSRF_FAILURE_VIEW = "zwerm.web.views.errors.csrf_failure"
