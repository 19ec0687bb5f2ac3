import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.http.request import split_domain_port

from .models import Municipality, MunicipalityHost

HOST_CACHE_SECONDS = 60
# Each process also keeps the answer this long, so a busy process does not ask the shared cache on every
# request (two round trips to Redis); a change elsewhere shows here within these seconds.
HOST_MEMO_SECONDS = 5
GENERATION_KEY = "zwerm:municipality-generation"
_memo: dict[str, tuple[float, Municipality]] = {}


def municipality_for_host(*, host: str) -> Municipality | None:
    """The municipality that serves `host`, else the configured default, else the first one.

    Every request asks this, so the answer is cached for a minute; a change to any municipality starts a
    new cache generation (with a per-process cache, other web processes follow within that minute)."""
    hostname = host.split(":")[0].lower()
    memo = _memo.get(hostname)
    if memo is not None and memo[0] > time.monotonic():
        return memo[1]
    generation = cache.get_or_set(GENERATION_KEY, 1)
    key = f"zwerm:municipality-for-host:{generation}:{hostname}"
    found = cache.get(key)
    if found is None:
        match = MunicipalityHost.objects.select_related("municipality").filter(hostname=hostname).first()
        if match is None:
            return _default_municipality()  # not cached: the default is a setting and may change
        found = match.municipality
        cache.set(key, found, HOST_CACHE_SECONDS)
    _memo[hostname] = (time.monotonic() + HOST_MEMO_SECONDS, found)
    return found


def municipality_cache_clear() -> None:
    _memo.clear()
    cache.set(GENERATION_KEY, (cache.get(GENERATION_KEY) or 1) + 1, None)


def _default_municipality() -> Municipality | None:
    """The configured default municipality, else the first one."""
    default_slug = settings.ZWERM_DEFAULT_MUNICIPALITY
    if default_slug:
        found = Municipality.objects.filter(slug=default_slug).first()
        if found:
            return found
    return Municipality.objects.order_by("pk").first()


def municipality_list() -> list[Municipality]:
    return list(Municipality.objects.order_by("name"))


def municipality_base_url(*, municipality: Municipality, request: HttpRequest) -> str:
    """Where links in e-mails and files start ("https://zwermstad.example"): one of the municipality's configured
    host names, never a name the request's Host header made up.

    The request's host is kept (with its port, as the demo's 127.0.0.1:8000 needs) only when its name is one the
    municipality is configured for; any other Host gets the first configured name. A municipality without host
    names only works in development (DEBUG), where the request's host is used."""
    names = list(municipality.hosts.order_by("pk").values_list("hostname", flat=True))
    requested = request.get_host()
    name, _port = split_domain_port(requested)
    if name and name.lower() in names:
        host = requested
    elif names:
        host = names[0]
    elif settings.DEBUG:
        host = requested
    else:
        raise ImproperlyConfigured(f"municipality {municipality.slug!r} has no host name to build links with")
    return f"{request.scheme}://{host}"
