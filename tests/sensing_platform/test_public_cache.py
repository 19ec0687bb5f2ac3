"""The public sensing picture is computed by background work (after a refresh, after texts come in), not for a
visitor; a text that may no longer count (hidden, rejected) changes what the public sees at once."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwerm.initiatives.models import Initiative
from zwerm.initiatives.services import moderation_hide, moderation_restore
from zwerm.sensing import selectors
from zwerm.sensing.services import public as public_picture
from zwerm.sensing.services import refresh_run

from .test_public_people import district_cell, noord  # noqa: F401 (fixture)

HOST = "testdam.localhost"


def visit(client):
    with CaptureQueriesContext(connection) as ctx:
        body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    return re.sub(r'csrfmiddlewaretoken" value="[^"]*"', "", body), len(ctx.captured_queries)


def refuse_to_compute(monkeypatch):
    def refuse(**kwargs):
        raise AssertionError("computed while a visitor waits")

    monkeypatch.setattr(selectors, "public_overview", refuse)


def test_no_visitor_computes_the_picture_the_background_work_stored_it(
    client,
    themed,
    municipality,
    noord,  # noqa: F811
    residents_write,
    monkeypatch,
):
    residents_write(noord.hood, people=5, texts=5)  # their texts reach sensing, then the picture is computed
    client.get("/", HTTP_HOST=HOST)  # (the host look-up is cached after the first request)
    refuse_to_compute(monkeypatch)
    first, queries = visit(client)
    again, _ = visit(client)
    assert again == first and queries <= 4
    assert district_cell(first, "Noord") == "5"
    monkeypatch.undo()

    residents_write(noord.hood, people=1, texts=1)  # a new text: a new picture, computed in the background
    refuse_to_compute(monkeypatch)
    body, _ = visit(client)
    assert district_cell(body, "Noord") == "6"
    monkeypatch.undo()
    refresh_run(municipality=municipality)  # a refresh stores its picture too
    refuse_to_compute(monkeypatch)
    _, after_refresh = visit(client)
    assert after_refresh == queries


def test_a_hidden_text_changes_what_the_public_sees_at_once(
    client,
    themed,
    municipality,
    noord,  # noqa: F811
    residents_write,
    moderator,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    residents = residents_write(noord.hood, people=5, texts=5)
    assert district_cell(visit(client)[0], "Noord") == "5"
    # No background work runs from here on: what changes, changes without it.
    monkeypatch.setattr(public_picture, "enqueue_on_commit", lambda task, **kwargs: None)
    spam = Initiative.objects.get(author=residents[0])
    with django_capture_on_commit_callbacks(execute=True):
        moderation_hide(moderator=moderator, initiative=spam, reason="Reclame")
    assert district_cell(visit(client)[0], "Noord") == "minder dan 5"
    monkeypatch.undo()
    public_picture.public_picture_refresh.call(municipality.pk)  # the background work we held back
    assert district_cell(visit(client)[0], "Noord") == "minder dan 5"
    with django_capture_on_commit_callbacks(execute=True):  # restored: counts again (background work)
        moderation_restore(moderator=moderator, initiative=spam, reason="Toch geen reclame")
    assert district_cell(visit(client)[0], "Noord") == "5"
