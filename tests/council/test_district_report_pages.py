"""District reports through the web interface: process leads make and send them, council members read what
was sent, and everyone who may read downloads HTML, PDF and JSON."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.council import services
from zwerm.council.models import DistrictReport
from zwerm.places.selectors import district_list

from .sensing_data import add_wijken, build_sensing

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


@pytest.fixture
def lead_client(client, lead):
    return staff_login(client, lead)


@pytest.fixture
def member_client(client, member):
    return staff_login(client, member)


def make(municipality, actor, district=None, weeks=10):
    return services.district_report_generate(municipality=municipality, actor=actor, district=district, weeks=weeks)


def test_a_process_lead_makes_a_district_report_and_sends_it(lead_client, municipality):
    wijken = build_sensing(municipality)
    page = get(lead_client, "/raad/wijkrapportages/").content.decode()
    assert "Nieuwe wijkrapportage maken" in page and "Er zijn nog geen wijkrapportages gemaakt." in page
    form = get(lead_client, "/raad/wijkrapportages/nieuw").content.decode()
    assert "Alle wijken van Testdam" in form and ">Zuid</option>" in form
    data = {"district": str(wijken.zuid.pk), "weeks": "6"}
    response = post(lead_client, "/raad/wijkrapportages/nieuw", data, follow=True)
    report = DistrictReport.objects.get()
    assert response.redirect_chain[-1][0] == f"/raad/wijkrapportages/{report.pk}"
    html = response.content.decode()
    assert "De wijkrapportage is gemaakt" in html and "Wijkrapportage: Zuid" in html
    assert "Naar de raad sturen" in html and "Thema's in Zuid" in html
    response = post(lead_client, f"/raad/wijkrapportages/{report.pk}/versturen", follow=True)
    html = response.content.decode()
    assert "naar de raad gestuurd en ligt nu vast" in html and "Naar de raad sturen" not in html
    report.refresh_from_db()
    assert report.is_frozen and report.sent_by is not None
    again = post(lead_client, f"/raad/wijkrapportages/{report.pk}/bijwerken", follow=True).content.decode()
    assert "ligt vast" in again


def test_wrong_input_shows_the_form_again_with_the_reason(lead_client, municipality):
    add_wijken(municipality)
    response = post(lead_client, "/raad/wijkrapportages/nieuw", {"district": "", "weeks": "60"})
    html = response.content.decode()
    assert response.status_code == 200 and "Kies van 1 tot en met 52 weken." in html
    assert 'aria-invalid="true"' in html and not DistrictReport.objects.exists()
    response = post(lead_client, "/raad/wijkrapportages/nieuw", {"district": "999999", "weeks": "twaalf"})
    html = response.content.decode()
    assert "Kies een wijk uit de lijst." in html and "Vul het aantal weken in als getal" in html
    assert not DistrictReport.objects.exists()


def test_a_double_submit_makes_one_report(lead_client, municipality):
    add_wijken(municipality)
    data = {"district": "", "weeks": "4", "idempotency_key": "a" * 32}
    first = post(lead_client, "/raad/wijkrapportages/nieuw", data)
    second = post(lead_client, "/raad/wijkrapportages/nieuw", data)
    assert DistrictReport.objects.count() == 1
    assert first["Location"] == second["Location"] == DistrictReport.objects.get().get_absolute_url()


def test_a_council_member_reads_only_what_was_sent(member_client, municipality, lead):
    wijken = build_sensing(municipality)
    draft = make(municipality, lead, district=wijken.noord)
    sent = services.district_report_send(report=make(municipality, lead), actor=lead)
    page = get(member_client, "/raad/wijkrapportages/").content.decode()
    assert f"/raad/wijkrapportages/{sent.pk}" in page and f"/raad/wijkrapportages/{draft.pk}" not in page
    assert "Nieuwe wijkrapportage maken" not in page
    assert get(member_client, f"/raad/wijkrapportages/{draft.pk}").status_code == 404
    html = get(member_client, f"/raad/wijkrapportages/{sent.pk}").content.decode()
    assert "Wijkrapportage: alle wijken van Testdam" in html and "Naar de raad sturen" not in html
    assert get(member_client, "/raad/wijkrapportages/nieuw").status_code == 403
    assert post(member_client, f"/raad/wijkrapportages/{draft.pk}/versturen").status_code == 403
    assert "/raad/wijkrapportages/" in get(member_client, "/raad/").content.decode()  # from the dashboard


def test_downloads_in_three_formats(member_client, municipality, lead):
    build_sensing(municipality)
    report = services.district_report_send(report=make(municipality, lead), actor=lead)
    data = get(member_client, f"/raad/wijkrapportages/{report.pk}.json")
    assert data["Content-Type"].startswith("application/json")
    assert json.loads(data.content)["format"] == "zwerm-district-report/1"
    assert f'filename="wijkrapportage-GM0001-{report.period_end:%Y%m%d}-10-weken.json"' in data["Content-Disposition"]
    html = get(member_client, f"/raad/wijkrapportages/{report.pk}.html")
    assert html["Content-Type"].startswith("text/html") and b"<!DOCTYPE html>" in html.content
    nonce = html["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">'.encode() in html.content
    pdf = get(member_client, f"/raad/wijkrapportages/{report.pk}.pdf")
    assert pdf.status_code in (200, 302)  # 302: no PDF renderer on this machine, back to the page with a message
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF-")
    assert get(member_client, f"/raad/wijkrapportages/{report.pk}.docx").status_code == 404


@pytest.mark.parametrize("role", [Role.SPECIALIST, Role.MODERATOR])
def test_staff_without_a_council_role_and_residents_are_refused(client, make_staff, resident, role, municipality):
    staff_login(client, make_staff(role))
    assert get(client, "/raad/wijkrapportages/").status_code == 403
    client.logout()
    client.force_login(resident)
    assert get(client, "/raad/wijkrapportages/").status_code == 403
    client.logout()
    assert get(client, "/raad/wijkrapportages/").status_code == 302  # to the staff log-in


def test_the_list_takes_the_same_number_of_queries_however_many_reports(lead_client, municipality, lead):
    add_wijken(municipality)
    make(municipality, lead)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert get(lead_client, "/raad/wijkrapportages/").status_code == 200
        return len(queries)

    few = count()
    for district in district_list(municipality=municipality):
        services.district_report_send(report=make(municipality, lead, district=district), actor=lead)
    assert count() == few
