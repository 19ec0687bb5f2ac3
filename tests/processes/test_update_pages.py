"""A process collects updates over the years: its page shows them newest first, a page at a time (issue 19: no page
renders an unbounded list), with the same number of queries however many there are."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from zwerm.processes import services
from zwerm.processes.views.public import UPDATES_PER_PAGE

from .test_pages import get, html, lead_client  # noqa: F401  (a fixture)


def _post(process, lead, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        services.update_post(process=process, actor=lead, title=f"Bericht nummer {i:03d}", body="Stand van zaken.")


def _queries(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert get(Client(), url).status_code == 200
    return len(queries)


def test_the_process_page_shows_the_newest_updates_a_page_at_a_time(process, lead):
    total = 2 * UPDATES_PER_PAGE + 3
    _post(process, lead, total)
    base = f"/trajecten/{process.slug}"
    first = html(get(Client(), base))
    shown = [i for i in range(total) if f"Bericht nummer {i:03d}" in first]
    assert shown == list(range(total - UPDATES_PER_PAGE, total))  # the newest page
    assert 'rel="next"' in first and "pagina=2#updates-title" in first
    last = html(get(Client(), f"{base}?pagina=3"))
    assert [i for i in range(total) if f"Bericht nummer {i:03d}" in last] == [0, 1, 2]
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_the_process_page_costs_the_same_queries_with_many_more_updates(process, lead):
    base = f"/trajecten/{process.slug}"
    _post(process, lead, UPDATES_PER_PAGE + 1)
    _queries(base)  # the first request also fills per-process caches
    few = _queries(base)
    _post(process, lead, 4 * UPDATES_PER_PAGE, start=UPDATES_PER_PAGE + 1)
    assert _queries(base) == few


def test_the_process_leads_list_of_updates_is_paged_too(process, lead, lead_client):  # noqa: F811
    _post(process, lead, UPDATES_PER_PAGE + 2)
    page = html(get(lead_client, f"/trajecten/{process.slug}/berichten"))
    assert page.count("Bericht nummer") == UPDATES_PER_PAGE and 'rel="next"' in page
