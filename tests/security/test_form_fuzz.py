"""Hostile input on every form of the site: over-long strings, control characters, NUL bytes, invalid
UTF-8 in the raw body, HTML and <script>, huge and negative numbers, unknown choices, arrays, missing
fields, odd files.

Forms are discovered, not listed: every page of matrix.RULES is fetched as a visitor who may use it,
and every <form> on it is parsed and submitted with hypothesis-generated values. Each submission must
get an answer below 500; a refused one (4xx, or the form/page shown with an error) stores nothing at
all; an accepted one never stores markup or control characters."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from hypothesis import HealthCheck, example, given, settings

from . import matrix
from .fuzzing import STORED_MARKERS, Form, Submission, forms_on, submissions
from .matrix import ALLOWED, RULES
from .routes import all_routes
from .state import row_counts
from .test_url_matrix import _route_and_url, body_text

pytestmark = pytest.mark.usefixtures("quiet_limits")

# Reproducible in CI: the same examples on every run (derandomize), few enough to stay fast.
FUZZ = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# Pages are fetched by the least privileged visitor who may, and by a staff member who may (they see
# more forms), so every form is reached by someone allowed to send it.
VISITORS = ("anonymous", "resident", "moderator", "process_lead", "specialist", "council_member", "admin")
ERROR_MARKERS = ("utrecht-alert--error", "utrecht-form-field-error-message", "--invalid")
ROUTES = {r.name for r in all_routes()}
PAGES = sorted(k for k, rule in RULES.items() if rule.get and matrix.split_key(k)[0] in ROUTES)
# Rows that record a refused attempt on purpose: a failed report import keeps its error for the staff.
REFUSAL_RECORDS = {"sensing.ReportImport"}
_fuzzed: set[tuple] = set()  # a form on several pages (support, follow...) is fuzzed once per run


def visitors(rule) -> list[str]:
    allowed = [a for a in VISITORS if rule.get.get(a) == ALLOWED]
    picked = allowed[:1] + [a for a in allowed if a not in ("anonymous", "resident")][:1]
    if "admin" in allowed and "admin" not in picked:
        picked.append("admin")
    return picked


def stored_markup() -> list[str]:
    """Rows whose text holds markup or control characters (the data set itself has none)."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("zwerm.") or model._meta.proxy:
            continue
        texts = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        if not texts:
            continue
        query = Q()
        for name in texts:
            for marker in STORED_MARKERS:
                query |= Q(**{f"{name}__contains": marker})
        rows = model._default_manager.filter(query).values_list("pk", flat=True)[:3]
        found += [f"{model._meta.label} #{pk}" for pk in rows]
    return found


def send(client, form: Form, submission: Submission):
    if form.method != "post":
        return client.get(form.action, {k: v for k, v in submission.data.items() if not isinstance(v, tuple)})
    if submission.raw is not None:
        return client.generic("POST", form.action, submission.raw, content_type="application/x-www-form-urlencoded")
    if form.multipart:
        data = {k: SimpleUploadedFile(v[0], v[1]) if isinstance(v, tuple) else v for k, v in submission.data.items()}
        return client.post(form.action, data)
    flat = {k: v for k, v in submission.data.items() if not isinstance(v, tuple)}
    return client.post(form.action, urlencode(flat, doseq=True), content_type="application/x-www-form-urlencoded")


def refused(response) -> bool:
    if response.status_code >= 400:
        return True
    if any(m.level >= message_levels.ERROR for m in get_messages(response.wsgi_request)):
        return True
    return response.status_code == 200 and any(marker in body_text(response) for marker in ERROR_MARKERS)


def fuzz_form(world, actor: str, form: Form) -> list[str]:
    problems: list[str] = []

    every = [f.name for f in form.fields if f.name and f.kind != "file"]

    # Besides the generated ones, every form always gets these: each field with a NUL byte, each field
    # over-long with a script in it.
    @FUZZ
    @example(submission=Submission(data=dict.fromkeys(every, "x\x00y")))
    @example(submission=Submission(data=dict.fromkeys(every, "<script>alert(1)</script>" + "a" * 10_000)))
    @given(submission=submissions(form))
    def run(submission):
        with transaction.atomic():  # each example starts from the same data
            before = row_counts()
            response = send(world.client(actor), form, submission)
            shown = (
                f"{form.method.upper()} {form.action} as {actor} with {submission.data!r:.300}{submission.raw!r:.120}"
            )
            if response.status_code >= 500:
                problems.append(f"{response.status_code} for {shown}")
            elif response.status_code >= 400 and not response.content.strip():
                problems.append(f"{response.status_code} without a message for {shown}")
            try:
                after = row_counts()
                changed = {k for k in before if before[k] != after.get(k)} - REFUSAL_RECORDS
            except DatabaseError as error:  # the view left the transaction broken (PostgreSQL)
                problems.append(f"database error {error} for {shown}")
                transaction.set_rollback(True)
                return
            if changed and (refused(response) or form.method != "post"):
                problems.append(f"refused ({response.status_code}) but rows changed in {sorted(changed)} for {shown}")
            if changed and submission.has_markup() and (rows := stored_markup()):
                problems.append(f"stored markup or control characters in {rows} for {shown}")
            transaction.set_rollback(True)

    run()
    return problems


@pytest.mark.parametrize("key", PAGES)
def test_every_form_refuses_hostile_input_cleanly(key, world, db):
    _route, rule, _chosen, url = _route_and_url(key, world.a)
    problems = []
    for actor in visitors(rule):
        page = world.client(actor).get(url)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in forms_on(body_text(page), url):
            if form.signature() in _fuzzed or form.action.startswith("/taal"):
                continue  # the language switch only sets a cookie (see routes.EXCLUDED_NAMES)
            _fuzzed.add(form.signature())
            problems += fuzz_form(world, actor, form)
    assert not problems, "\n".join(dict.fromkeys(problems))
