"""The public sensing page is computed once per refresh (and per new text), not for every visitor."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwerm.sensing.services import refresh_run

from .test_public_people import district_cell, noord  # noqa: F401 (fixture)

HOST = "testdam.localhost"


def visit(client):
    with CaptureQueriesContext(connection) as ctx:
        body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    return re.sub(r'csrfmiddlewaretoken" value="[^"]*"', "", body), len(ctx.captured_queries)


def test_the_second_visitor_gets_the_picture_without_reading_the_texts_again(
    client,
    themed,
    municipality,
    noord,  # noqa: F811
    residents_write,
):
    residents_write(noord.hood, people=5, texts=5)
    first, cold = visit(client)
    again, warm = visit(client)
    assert again == first and warm < cold and warm <= 6
    assert district_cell(first, "Noord") == "5"

    residents_write(noord.hood, people=1, texts=1)  # a new text: a new picture
    body, _ = visit(client)
    assert district_cell(body, "Noord") == "6"
    refresh_run(municipality=municipality)  # a new refresh: a new picture too
    _, after_refresh = visit(client)
    assert after_refresh > warm
