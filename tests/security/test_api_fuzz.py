"""Hostile bodies for every JSON endpoint (the REST API v1 and the sensing report endpoint): invalid JSON,
the wrong content type, huge payloads, invalid UTF-8, NUL bytes, deep nesting, wrong types, huge numbers.

schemathesis (tests/api) checks the API against its schema; this adds the malicious-content cases. The
endpoints are the JSON rules of matrix.RULES, so a new API endpoint with a rule is covered here too. Each
call is made by an actor who may use the endpoint; the answer must be below 500, a refusal must be a 4xx
with a body (problem+json under /api/v1) and store nothing; an accepted body never stores markup."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import matrix
from .fuzzing import NASTY
from .matrix import ALLOWED, RULES
from .routes import all_routes
from .state import row_counts
from .test_form_fuzz import stored_markup
from .test_url_matrix import _route_and_url

pytestmark = pytest.mark.usefixtures("quiet_limits")

ROUTES = {r.name: r for r in all_routes()}
ENDPOINTS = sorted(k for k, rule in RULES.items() if rule.json and matrix.split_key(k)[0] in ROUTES)
JSON = "application/json"
DEEP = "[" * 100_000 + "]" * 100_000

# (description, body bytes, content type)
RAW_CASES = [
    ("invalid JSON", b'{"id": "1", "text": ', JSON),
    ("not JSON at all", b"tekst=hallo", JSON),
    ("empty body", b"", JSON),
    ("JSON null", b"null", JSON),
    ("a list instead of an object", b'[{"id": "1"}]', JSON),
    ("a string instead of an object", b'"hallo"', JSON),
    ("invalid UTF-8", b'{"id": "1", "text": "caf\xe9 \xed\xa0\x80 \xff"}', JSON),
    ("UTF-16", json.dumps({"id": "1", "text": "hallo"}).encode("utf-16"), JSON),
    ("a byte order mark", b'\xef\xbb\xbf{"id": "1", "text": "Losse tegel."}', JSON),
    ("a NUL byte in a string", b'{"id": "1\\u0000", "text": "tegel\\u0000los"}', JSON),
    ("a lone surrogate escape", b'{"id": "1", "text": "\\ud800"}', JSON),
    ("deep nesting", DEEP.encode(), JSON),
    ("a huge number", b'{"id": 1' + b"0" * 5000 + b', "text": 1e999, "time": -1e999}', JSON),
    ("NaN", b'{"id": NaN, "text": Infinity}', JSON),
    ("over 64 kB", json.dumps({"id": "1", "text": "a" * 70_000}).encode(), JSON),
    ("over 3 MB", json.dumps({"id": "1", "text": "a" * 3_000_000}).encode(), JSON),
    ("duplicate keys", b'{"id": "1", "id": ["2"], "text": "x", "text": {"a": 1}}', JSON),
    ("wrong content type: form", b"id=1&text=Losse+tegel", "application/x-www-form-urlencoded"),
    ("wrong content type: text", b'{"id": "1", "text": "Losse tegel."}', "text/plain"),
    ("wrong content type: XML", b"<melding><id>1</id></melding>", "application/xml"),
    ("multipart", b"--x\r\nContent-Disposition: form-data; name=id\r\n\r\n1\r\n--x--\r\n", "multipart/form-data"),
    (
        "a charset that is not UTF-8",
        '{"id": "1", "text": "café"}'.encode("latin-1"),
        "application/json; charset=latin-1",
    ),
]


def _caller(rule) -> str:
    """The least privileged actor who may post here (staff call the API with their token)."""
    allowed = [a for a in ("process_lead", "moderator", "admin") if rule.post and rule.post.get(a) == ALLOWED]
    return allowed[0]


def _check(response, url, label, before, problems, *, markup=False):
    status = response.status_code
    if status >= 500:
        problems.append(f"{status} for {label} on {url}")
        return
    changed = row_counts() != before
    if status >= 400:
        if not response.content.strip():
            problems.append(f"{status} without a message for {label} on {url}")
        if url.startswith("/api/v1") and "problem+json" not in response.get("Content-Type", ""):
            problems.append(f"{status} not as application/problem+json for {label} on {url}")
        if changed:
            problems.append(f"refused ({status}) but rows changed for {label} on {url}")
    elif changed and markup and (rows := stored_markup()):
        problems.append(f"stored markup in {rows} for {label} on {url}")


@pytest.mark.parametrize("key", ENDPOINTS)
def test_malicious_bodies_are_refused_cleanly(key, world, db):
    route, rule, _chosen, url = _route_and_url(key, world.a)
    problems = []
    for actor in (_caller(rule), "anonymous"):
        client = world.client(actor, api=route.app == "api")
        for label, body, content_type in RAW_CASES:
            with transaction.atomic():
                before = row_counts()
                response = client.generic("POST", url, body, content_type=content_type)
                _check(response, url, f"{label} as {actor}", before, problems)
                transaction.set_rollback(True)
    assert not problems, "\n".join(problems)


def json_values():
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(NASTY),
        st.text(max_size=30),
    )
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner), max_leaves=8
    )


@pytest.mark.parametrize("key", ENDPOINTS)
def test_wrong_types_and_hostile_values_are_refused_cleanly(key, world, db):
    route, rule, _chosen, url = _route_and_url(key, world.a)
    fields = sorted(matrix.body_for(rule, world.a))
    client = world.client(_caller(rule), api=route.app == "api")
    problems = []

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(body=st.fixed_dictionaries({}, optional={f: json_values() for f in [*fields, "extra"]}))
    def run(body):
        with transaction.atomic():
            before = row_counts()
            response = client.post(url, json.dumps(body), content_type=JSON)
            markup = any(m in json.dumps(body) for m in ("script", "onerror", "javascript"))
            _check(response, url, f"{json.dumps(body)[:200]}", before, problems, markup=markup)
            transaction.set_rollback(True)

    run()
    assert not problems, "\n".join(dict.fromkeys(problems))
