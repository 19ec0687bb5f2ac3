"""The public pages of council reports: every progress report sent to the council about a public process,
for anyone, newest first, with downloads; never an unsent report, never a draft process, no personal data."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.privacy.test_small_numbers import assert_no_small_figures
from zwerm.council import services
from zwerm.processes.models import Process

from .builders import RESIDENT_CONTACT, RESIDENT_NAME, make_process

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def sent(process, lead):
    return services.report_send(report=services.report_generate(process=process, actor=lead), actor=lead)


@pytest.fixture
def reports(full_process, lead, municipality):
    """A sent and an unsent report of a running process, and a sent report of a draft process."""
    draft = make_process(municipality, lead, title="Geheim concept", status=Process.Status.DRAFT)
    return {
        "sent": sent(full_process, lead),
        "unsent": services.report_generate(process=full_process, actor=lead),
        "draft": sent(draft, lead),
    }


def test_anyone_reads_the_reports_sent_to_the_council(client, reports, full_process):
    html = get(client, "/raad/openbaar/").content.decode()
    assert f"/raad/openbaar/{reports['sent'].pk}" in html
    assert f"Voortgangsrapportage: {full_process.title}" in html and "Naar de raad gestuurd op" in html
    assert f'/raad/openbaar/{reports["unsent"].pk}"' not in html
    assert f'/raad/openbaar/{reports["draft"].pk}"' not in html and "Geheim concept" not in html


def test_the_detail_page_shows_the_report_and_the_downloads(client, reports, full_process):
    pk = reports["sent"].pk
    html = get(client, f"/raad/openbaar/{pk}").content.decode()
    assert "Populieren vervangen door linden" in html and "De kaders en hoe het traject ervoor staat" in html
    for fmt in ("html", "pdf", "json"):
        assert f'href="/raad/openbaar/{pk}.{fmt}"' in html
    assert f'href="/trajecten/{full_process.slug}"' in html
    assert f"/raad/openbaar/?traject={full_process.slug}" in html
    assert "Naar de raad sturen" not in html and "bijwerken" not in html.lower()


def test_unsent_reports_and_reports_about_drafts_do_not_exist_for_the_public(client, reports):
    for key in ("unsent", "draft"):
        pk = reports[key].pk
        assert get(client, f"/raad/openbaar/{pk}").status_code == 404
        assert get(client, f"/raad/openbaar/{pk}.json").status_code == 404


def test_no_personal_data_on_the_public_pages(client, reports, lead):
    pk = reports["sent"].pk
    for url in ("/raad/openbaar/", f"/raad/openbaar/{pk}", f"/raad/openbaar/{pk}.html", f"/raad/openbaar/{pk}.json"):
        text = get(client, url).content.decode()
        for secret in (RESIDENT_NAME, RESIDENT_CONTACT, "Rianne", "henk.jansen", lead.email, lead.display_name):
            assert secret not in text, (url, secret)
    assert_no_small_figures(get(client, f"/raad/openbaar/{pk}").content.decode(), f"/raad/openbaar/{pk}")


def test_downloads_for_the_public(client, reports):
    pk = reports["sent"].pk
    data = get(client, f"/raad/openbaar/{pk}.json")
    assert data.status_code == 200 and json.loads(data.content) == reports["sent"].content
    assert "attachment" in data["Content-Disposition"]
    html = get(client, f"/raad/openbaar/{pk}.html")
    assert html.status_code == 200 and html.content.startswith(b"<!DOCTYPE html>")
    pdf = get(client, f"/raad/openbaar/{pk}.pdf")
    assert pdf.status_code in (200, 302)  # 302: no PDF renderer here, back to the page with a message
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF-")
        assert get(client, f"/raad/openbaar/{pk}.pdf").content == pdf.content  # made once, then from the cache
    assert get(client, f"/raad/openbaar/{pk}.exe").status_code == 404


def test_the_list_per_process_and_unknown_or_draft_processes(client, reports, full_process, municipality, lead):
    other = make_process(municipality, lead, title="Ander traject")
    sent(other, lead)
    html = get(client, f"/raad/openbaar/?traject={full_process.slug}").content.decode()
    assert f"Rapportages aan de raad over {full_process.title}" in html and "Ander traject" not in html
    for wrong in ("bestaat-niet", "", "%00abc", "a" * 500, "<script>"):
        assert get(client, f"/raad/openbaar/?traject={wrong}").status_code == 404, wrong
    draft_slug = reports["draft"].process.slug
    assert get(client, f"/raad/openbaar/?traject={draft_slug}").status_code == 404
    empty = make_process(municipality, lead, title="Nog niets")
    html = get(client, f"/raad/openbaar/?traject={empty.slug}").content.decode()
    assert "Over dit traject is nog geen rapportage naar de raad gestuurd." in html


def test_an_empty_list_says_so(client, municipality):
    assert "Er is nog geen rapportage naar de raad gestuurd." in get(client, "/raad/openbaar/").content.decode()


def test_the_list_is_paginated_newest_first(client, full_process, lead, monkeypatch):
    monkeypatch.setattr("zwerm.council.public_views.PER_PAGE", 2)
    made = [sent(full_process, lead) for _ in range(3)]
    first = get(client, "/raad/openbaar/").content.decode()
    assert first.index(f'/raad/openbaar/{made[2].pk}"') < first.index(f'/raad/openbaar/{made[1].pk}"')
    assert f'/raad/openbaar/{made[0].pk}"' not in first and "pagina=2" in first
    second = get(client, f"/raad/openbaar/?traject={full_process.slug}&pagina=2").content.decode()
    assert f'/raad/openbaar/{made[0].pk}"' in second and f"traject={full_process.slug}&amp;pagina=1" in second


def test_the_list_takes_the_same_number_of_queries_however_many_reports(client, full_process, lead, municipality):
    sent(full_process, lead)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert get(client, "/raad/openbaar/").status_code == 200
        return len(queries)

    count()  # the first request also looks the host up (then cached)
    few = count()
    for title in ("Tweede", "Derde", "Vierde"):
        sent(make_process(municipality, lead, title=title), lead)
    assert count() == few


def test_the_council_dashboard_links_to_the_public_page(client, member):
    from tests.foundation.builders import staff_login

    staff_login(client, member)
    assert 'href="/raad/openbaar/"' in get(client, "/raad/").content.decode()
