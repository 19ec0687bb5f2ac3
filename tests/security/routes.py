"""Every URL pattern of the site, read from the root resolver, and how to fill in its arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Left out of the matrix, each for a reason:
EXCLUDED_PREFIXES = (
    # Django's own admin has its own log-in and is_staff/permission checks (Django tests those); Zwerm's
    # roles never grant is_staff. test_django_admin_is_closed_to_every_actor checks that it stays closed.
    "beheer/django/",
    # Static files are served by whitenoise before URL routing; a DEBUG-only static() pattern would only
    # serve files from the static folders, never rows of a municipality.
    "static/",
)
EXCLUDED_NAMES = {
    # Django's i18n view: it only sets the language cookie and redirects; it reads and writes no data.
    "set_language",
}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the route itself when the pattern has no name
    route: str
    kwargs: tuple[str, ...]

    @property
    def app(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""


def _kwargs(pattern) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return tuple(converters)
    return tuple(re.compile(str(pattern.pattern)).groupindex)


def all_routes() -> list[Route]:
    """Every pattern reachable from the root URLconf (one Route per name), minus the exclusions above."""
    found: dict[str, Route] = {}

    def walk(resolver, prefix, namespaces, inherited):
        for p in resolver.url_patterns:
            route = prefix + str(p.pattern)
            if route.startswith(EXCLUDED_PREFIXES):
                continue
            if isinstance(p, URLResolver):
                walk(p, route, [*namespaces, p.namespace] if p.namespace else namespaces, inherited + _kwargs(p))
            elif isinstance(p, URLPattern):
                name = ":".join([*namespaces, p.name]) if p.name else route
                if name in EXCLUDED_NAMES:
                    continue
                # Format-suffix twins (".json") share the name of the pattern without the suffix.
                found.setdefault(
                    name, Route(name=name, route=route, kwargs=tuple(dict.fromkeys(inherited + _kwargs(p))))
                )

    walk(get_resolver(), "", [], ())
    return sorted(found.values(), key=lambda r: r.name)


def url_for(route: Route, values: dict) -> str:
    if ":" in route.name or route.name.isidentifier():
        return reverse(route.name, kwargs=values)
    return "/" + route.route  # an unnamed pattern without arguments
