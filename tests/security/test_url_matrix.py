"""Role x endpoint matrix over every URL of the site: nobody reads or changes what is not theirs, and
municipality B's rows are refused on municipality A's host.

Each URL is requested by every actor (see world.ACTORS) with GET and with POST (a small valid body where
the rule gives one), and the outcome class is compared with matrix.RULES. A new URL pattern without a
rule fails test_every_url_has_a_rule, so the matrix stays complete."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.test import Client

from . import matrix
from .matrix import ALLOWED, DENIALS, FORBIDDEN, LOGIN, METHOD, NOT_FOUND, PROFILE, RULES
from .routes import all_routes, url_for
from .state import difference, fingerprint
from .world import ACTORS, B_MARK, HOST_A

pytestmark = pytest.mark.usefixtures("quiet_limits")

LOGIN_PATHS = {"/account/inloggen", "/account/medewerker/inloggen"}
PROFILE_PATH = "/account/profiel"
INPUT_REFUSED = {400, 409, 413, 415, 422}
ROUTES = {r.name: r for r in all_routes()}


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        path = urlparse(response["Location"]).path
        return LOGIN if path in LOGIN_PATHS else PROFILE if path == PROFILE_PATH else ALLOWED
    if status < 300 or status in INPUT_REFUSED:
        return ALLOWED
    return {401: LOGIN, 403: FORBIDDEN, 404: NOT_FOUND, 405: METHOD}.get(status, f"status {status}")


def body_text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def send(client: Client, method: str, url: str, rule, town):
    if method == "get":
        return client.get(url)
    data = matrix.body_for(rule, town)
    if rule.json:
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


def test_every_url_has_a_rule():
    """A new URL pattern must get a line in matrix.RULES (and a gone one loses its line)."""
    named = {matrix.split_key(key)[0] for key in RULES}
    missing = sorted(set(ROUTES) - named)
    stale = sorted(named - set(ROUTES))
    assert not missing, f"URL patterns without an expectation in tests/security/matrix.py: {missing}"
    assert not stale, f"rules in tests/security/matrix.py for URL patterns that no longer exist: {stale}"


def _route_and_url(key, town):
    name, _variant = matrix.split_key(key)
    route, rule = ROUTES[name], RULES[key]
    chosen = matrix.targets(name, route.kwargs, rule)
    return route, rule, chosen, url_for(route, matrix.url_values(town, chosen, route.kwargs, rule))


def _order(rule) -> list[str]:
    """Actors that may change rows go last, so that what they change cannot hide a refusal."""
    writers = rule.writers()
    return sorted(ACTORS, key=lambda a: a in writers)


def _check(failures, method, url, actor, response, expected, got_ok, rule):
    if not got_ok:
        failures.append(f"{method.upper()} {url} as {actor}: expected {expected}, got {outcome(response)}")
    if actor not in rule.own_data and response.status_code < 500 and B_MARK in body_text(response):
        failures.append(f"{method.upper()} {url} as {actor}: shows municipality B's content")


@pytest.mark.parametrize("key", sorted(k for k in RULES if matrix.split_key(k)[0] in ROUTES))
def test_url_matrix(key, world, db):
    route, rule, chosen, url = _route_and_url(key, world.a)
    addressed = [world.a[k] for k in chosen.values()]
    failures = []
    # GET never changes anything, for anyone: one fingerprint around all of them.
    before = fingerprint(addressed)
    for actor in ACTORS:
        response = send(world.client(actor, api=route.app == "api"), "get", url, rule, world.a)
        expected = rule.get[actor] if rule.get else "refused (this URL only takes POST)"
        got_ok = outcome(response) in ({expected} if rule.get else DENIALS)
        _check(failures, "get", url, actor, response, expected, got_ok, rule)
    changed = difference(before, fingerprint(addressed))
    if changed:
        failures.append(f"GET {url} changed rows: {changed}")
    for actor in _order(rule):
        before = fingerprint(addressed)
        response = send(world.client(actor, api=route.app == "api"), "post", url, rule, world.a)
        expected = rule.post[actor] if rule.post else "refused (this URL only takes GET)"
        got_ok = outcome(response) in ({expected} if rule.post else DENIALS)
        _check(failures, "post", url, actor, response, expected, got_ok, rule)
        if not (rule.post and actor in rule.writers()):
            changed = difference(before, fingerprint(addressed))
            if changed:
                failures.append(f"POST {url} as {actor} changed rows: {changed}")
    assert not failures, "\n".join(failures)


CROSS = sorted(
    k
    for k in RULES
    if matrix.split_key(k)[0] in ROUTES
    and matrix.targets(matrix.split_key(k)[0], ROUTES[matrix.split_key(k)[0]].kwargs, RULES[k])
)


@pytest.mark.parametrize("key", CROSS)
def test_rows_of_the_other_municipality_are_refused(key, world, db):
    """Every URL that names a row, filled with municipality B's row and sent to A's host, by everyone who
    may use that URL in A (the others are stopped by the role check before any row is read, which
    test_url_matrix shows) and by anonymous visitors: 404 (or 403), never B's content, never a change."""
    route, rule, chosen, url = _route_and_url(key, world.b)
    addressed = [world.b[k] for k in chosen.values()]
    failures = []
    for method, access in (("get", rule.get), ("post", rule.post)):
        actors = ["anonymous", *(a for a in ACTORS if access and access[a] == ALLOWED and a != "anonymous")]
        for actor in actors:
            before = fingerprint(addressed)
            response = send(world.client(actor, HOST_A, api=route.app == "api"), method, url, rule, world.b)
            got = outcome(response)
            wanted = {NOT_FOUND, FORBIDDEN} if access and access[actor] == ALLOWED else DENIALS
            if got not in wanted:
                failures.append(f"{method.upper()} {url} (a row of B on A's host) as {actor}: got {got}")
            if actor not in rule.own_data and response.status_code < 500 and B_MARK in body_text(response):
                failures.append(f"{method.upper()} {url} as {actor}: shows municipality B's content")
            changed = difference(before, fingerprint(addressed))
            if changed:
                failures.append(f"{method.upper()} {url} (a row of B) as {actor} changed rows: {changed}")
    assert not failures, "\n".join(failures)


def test_django_admin_is_closed_to_every_actor(world, db):
    """Django's admin (left out of the matrix) lets none of the actors in: roles never grant is_staff."""
    for actor in ACTORS:
        response = world.client(actor).get("/beheer/django/")
        assert response.status_code == 302 and "/beheer/django/login/" in response["Location"], actor


def test_the_matrix_checks_every_actor():
    assert len(ACTORS) == 9
    for key, rule in RULES.items():
        for access in (rule.get, rule.post):
            assert access is None or set(access) == set(ACTORS), key


def test_host_a_is_municipality_a(world, db):
    """The premise of the cross-municipality checks: the host name picks the municipality."""
    response = world.client("anonymous", HOST_A).get(
        url_for(ROUTES["initiatives:detail"], {"pk": world.a["initiative"].pk})
    )
    assert response.status_code == 200
    assert world.a["initiative"].title in response.content.decode()
