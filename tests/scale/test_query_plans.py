"""On PostgreSQL with enough initiatives for the planner to care: the hot list, search and API queries
read an index (EXPLAIN), not the whole table. The rows are written in bulk (20,000 through the services
would take minutes); what the pages do with them is the real thing."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.api.conftest import Api
from zwerm.initiatives.models import Initiative
from zwerm.places.services import district_save, neighbourhood_save

pytestmark = pytest.mark.slow

HOST = "testdam.localhost"
ROWS = 20_000
FILL = (
    " Het gaat om de straat tussen het plein en de school, waar nu weinig te doen is voor de kinderen en de"
    " ouderen uit de buurt. We hebben met de buren gesproken en willen samen met de gemeente kijken wat er kan."
) * 3  # a description of realistic length (the table's size is what the planner weighs)
WORDS = ["fietsenstalling", "bankje", "bomen", "straatverlichting", "moestuin", "parkeren", "zwerfafval", "bloemen"]


@pytest.fixture
def many(municipality, resident, neighbourhood):
    if connection.vendor != "postgresql":
        pytest.skip("query plans are PostgreSQL's")
    now = timezone.now()
    # 12 wijken of 4 buurten, as in a large municipality; the last wijk has few initiatives (1 in 100)
    hoods = []
    for d in range(12):
        district = district_save(municipality=municipality, code=f"WK0001{50 + d:02d}", name=f"Wijk {d}")
        hoods.append(
            [
                neighbourhood_save(
                    municipality=municipality, district=district, code=f"BU0001{50 + d:02d}{b:02d}", name=f"B{d}{b}"
                )
                for b in range(4)
            ]
        )
    rows = []
    for i in range(ROWS):
        hood = hoods[11][i % 4] if i % 100 == 7 else hoods[i % 11][(i // 11) % 4]
        word = "speeltuin" if i % 250 == 0 else WORDS[i % len(WORDS)]
        title = f"Meer {word} in de buurt {i}"
        body = f"Wij willen graag {word} bij ons in de straat.{FILL}"
        rows.append(
            Initiative(
                municipality=municipality,
                author=resident,
                neighbourhood=hood,
                kind="idea",
                title=title,
                body=body,
                public_title=title,
                public_body=body,
                status="published" if i % 20 else "submitted",
                published_at=now - timedelta(minutes=i) if i % 20 else None,
                hidden_reason="Spam" if i % 33 == 0 else "",
                support_count=i % 97,
            )
        )
    Initiative.objects.bulk_create(rows, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"district": hoods[0][0].district_id, "rare": hoods[11][0].district_id}


def plans(do_request):
    """EXPLAIN of every query of the request that reads a page of initiatives (ORDER BY … LIMIT)."""
    with CaptureQueriesContext(connection) as ctx:
        response = do_request()
    assert response.status_code == 200
    found = []
    for query in ctx.captured_queries:
        sql = query["sql"]
        if 'FROM "initiatives_initiative"' in sql and "ORDER BY" in sql and "LIMIT" in sql:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql)
                found.append("\n".join(row[0] for row in cursor.fetchall()))
    assert found, "no page query of initiatives"
    return response, found


def assert_uses(found, index):
    for plan in found:
        assert index in plan, plan
        assert "Seq Scan on initiatives_initiative" not in plan, plan


def web(client, url):
    return lambda: client.get(url, HTTP_HOST=HOST)


def test_lists_search_and_the_api_read_an_index_also_deep_down(client, many):
    """One test on one filling of the table (filling it is the slow part)."""
    web_lists(client)
    web_districts(client, many)
    web_search(client)
    api_lists()


def web_lists(client):
    _, found = plans(web(client, "/initiatieven/"))
    assert_uses(found, "initiative_public_newest")
    _, found = plans(web(client, "/initiatieven/?sort=supported"))
    assert_uses(found, "initiative_public_supported")

    url = "/initiatieven/?pagina=5"
    for _ in range(3):  # three cursor pages further
        html = client.get(url, HTTP_HOST=HOST).content.decode()
        url = "/initiatieven/?" + unescape(re.search(r'rel="next" href="\?([^"]*)"', html).group(1))
    assert "na=" in url
    _, found = plans(web(client, url))
    assert_uses(found, "initiative_public_newest")


def web_districts(client, many):
    """A wijk's list reads an index, a page deep down too: a small wijk the index of the public rows per buurt
    (walking the municipality's newest-first index would read nearly all of it to find a page); a large wijk
    either that or the newest-first index (a page of it comes after a few hundred rows)."""
    for district, index in ((many["rare"], "initiative_public_hood"), (many["district"], "initiative_public_")):
        url = f"/initiatieven/?district={district}"
        response, found = plans(web(client, url))
        assert_uses(found, index)
        assert "Meer " in response.content.decode()
        for _ in range(3):
            html = client.get(url, HTTP_HOST=HOST).content.decode()
            url = "/initiatieven/?" + unescape(re.search(r'rel="next" href="\?([^"]*)"', html).group(1))
        assert "na=" in url and "district=" in url
        _, found = plans(web(client, url))
        assert_uses(found, index)


def web_search(client):
    response, found = plans(web(client, "/initiatieven/?q=speeltuin"))
    assert_uses(found, "initiative_search")
    assert "Meer speeltuin" in response.content.decode()
    _, found = plans(web(client, "/initiatieven/?q=fiets"))  # a prefix of fietsenstalling
    assert_uses(found, "initiative_search")


def api_lists():
    api = Api()
    _, found = plans(lambda: api.get("initiatives"))
    assert_uses(found, "initiative_public_newest")
    body = api.get("initiatives", {"page": 5}).json()
    assert "after=" in body["next"]
    _, found = plans(lambda: api.client.get(body["next"], HTTP_HOST=HOST))
    assert_uses(found, "initiative_public_newest")
    _, found = plans(lambda: api.get("initiatives", {"q": "speeltuin"}))
    assert_uses(found, "initiative_search")
