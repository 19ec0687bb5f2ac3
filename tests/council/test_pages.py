"""The council pages, through the web interface as council members and process leads use them."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.council import services
from zwerm.council.models import Frame, Question, Report, Spending

from .builders import RESIDENT_CONTACT, RESIDENT_NAME

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


@pytest.fixture
def member_client(client, member):
    return staff_login(client, member)


@pytest.fixture
def lead_client(client, lead):
    return staff_login(client, lead)


def frame_data(**overrides):
    data = {
        "kind": "budget",
        "description": "Budget voor het traject.",
        "budget": "50000",
        "deadline": "",
        "set_by": "council",
        "source_reference": "Raadsbesluit 2026-14",
        "source_date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
    }
    return {**data, **overrides}


def test_anonymous_visitors_are_sent_to_the_staff_login(client, process):
    response = get(client, "/raad/")
    assert response.status_code == 302 and "/account/medewerker/inloggen" in response["Location"]


@pytest.mark.parametrize("role", [Role.SPECIALIST, Role.MODERATOR])
def test_staff_without_a_council_role_are_refused(client, make_staff, process, role):
    staff_login(client, make_staff(role))
    assert get(client, "/raad/").status_code == 403
    assert get(client, f"/raad/{process.slug}").status_code == 403


def test_a_resident_is_refused(client, resident, process):
    client.force_login(resident)
    assert get(client, "/raad/").status_code == 403


def test_the_dashboard_shows_processes_with_their_kader_state(member_client, full_process, lead, set_frame):
    set_frame(full_process, budget="1000")
    services.spending_record(process=full_process, actor=lead, amount="950", description="Uitvoering")
    html = get(member_client, "/raad/").content.decode()
    assert full_process.title in html and "Budget bijna op" in html and "95%" in html
    assert RESIDENT_NAME not in html


def test_the_staff_home_links_to_the_dashboard(member_client):
    assert "/raad/" in get(member_client, "/medewerkers").content.decode()


def test_a_council_member_follows_from_the_dashboard(member_client, member, process):
    response = post(member_client, f"/raad/{process.slug}/volgen", {"next": "dashboard"})
    assert response.status_code == 302 and response["Location"] == "/raad/"
    html = get(member_client, "/raad/?gevolgd=1").content.decode()
    assert process.title in html and "Niet meer volgen" in html


def test_the_process_view_shows_kaders_questions_and_reports_without_personal_data(
    member_client, full_process, member, lead, set_frame
):
    set_frame(full_process, source_reference="Raadsbesluit 2026-77")
    question = services.question_ask(process=full_process, asker=member, text="Wat kost de kap?")
    services.question_answer(question=question, actor=lead, answer="Vierduizend euro.")
    services.report_generate(process=full_process, actor=lead)
    html = get(member_client, f"/raad/{full_process.slug}").content.decode()
    for text in ("Raadsbesluit 2026-77", "Wat kost de kap?", "Vierduizend euro.", "Rapportage van", ".pdf", ".json"):
        assert text in html, text
    assert RESIDENT_NAME not in html and RESIDENT_CONTACT not in html
    assert "Nieuwe rapportage maken" not in html  # that is the process lead's


def test_a_council_member_sets_and_changes_a_kader_through_the_form(member_client, process):
    form = get(member_client, f"/raad/{process.slug}/kader").content.decode()
    assert 'for="id_budget"' in form and 'type="date"' in form
    response = post(member_client, f"/raad/{process.slug}/kader", frame_data(budget="50.000"))
    assert response.status_code == 302
    old = Frame.objects.get()
    assert old.budget == 50000  # Dutch notation: a point groups the thousands
    response = post(member_client, f"/raad/{process.slug}/kader?vervangt={old.pk}", frame_data(budget="€ 60.000"))
    assert response.status_code == 302
    assert Frame.objects.filter(replaces=old, budget=60000).exists()
    html = get(member_client, f"/raad/{process.slug}").content.decode()
    assert "nee, vervangen" in html and "€\u00a060.000" in html


def test_a_negative_budget_comes_back_on_the_form_with_a_clear_message(member_client, process):
    response = post(member_client, f"/raad/{process.slug}/kader", frame_data(budget="-5"))
    html = response.content.decode()
    assert response.status_code == 200 and "kan niet negatief zijn" in html
    assert 'aria-invalid="true"' in html and 'href="#id_budget"' in html
    assert not Frame.objects.exists()


def test_a_council_member_asks_and_the_process_lead_answers_once(client, member, lead, process):
    staff_login(client, member)
    post(client, f"/raad/{process.slug}/vraag", {"text": "Wanneer is het park klaar?"})
    question = Question.objects.get()
    assert post(client, f"/raad/{process.slug}/vragen/{question.pk}/antwoord", {"answer": "Nu"}).status_code == 403
    client.logout()
    staff_login(client, lead)
    response = post(client, f"/raad/{process.slug}/vragen/{question.pk}/antwoord", {"answer": "In mei."}, follow=True)
    assert "Je antwoord staat op het traject." in response.content.decode()
    response = post(client, f"/raad/{process.slug}/vragen/{question.pk}/antwoord", {"answer": "Juni."}, follow=True)
    assert "al beantwoord" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "In mei."


def test_a_process_lead_of_another_process_cannot_answer(client, make_staff, member, process):
    question = services.question_ask(process=process, asker=member, text="Vraag?")
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    assert post(client, f"/raad/{process.slug}/vragen/{question.pk}/antwoord", {"answer": "x"}).status_code == 403


def test_the_process_lead_records_spending(lead_client, process):
    response = post(lead_client, f"/raad/{process.slug}/uitgave", {"amount": "1.250,50", "description": "Ontwerp"})
    assert response.status_code == 302
    response = post(lead_client, f"/raad/{process.slug}/uitgave", {"amount": "-€ 250", "description": "Correctie"})
    assert response.status_code == 302
    assert sorted(s.amount for s in Spending.objects.all()) == [Decimal("-250"), Decimal("1250.50")]


def test_a_council_member_cannot_record_spending(member_client, process):
    assert get(member_client, f"/raad/{process.slug}/uitgave").status_code == 403


def test_the_process_lead_generates_and_sends_a_report_which_then_stays_frozen(lead_client, full_process):
    response = post(lead_client, f"/raad/{full_process.slug}/rapportage")
    report = Report.objects.get()
    assert response["Location"] == f"/raad/rapportages/{report.pk}"
    html = get(lead_client, f"/raad/rapportages/{report.pk}").content.decode()
    assert "Naar de raad sturen" in html and "Populieren vervangen door linden" in html
    response = post(lead_client, f"/raad/rapportages/{report.pk}/bijwerken", follow=True)
    assert "bijgewerkt" in response.content.decode()
    post(lead_client, f"/raad/rapportages/{report.pk}/versturen")
    report.refresh_from_db()
    assert report.is_frozen
    response = post(lead_client, f"/raad/rapportages/{report.pk}/versturen", follow=True)
    assert "ligt vast" in response.content.decode()
    response = post(lead_client, f"/raad/rapportages/{report.pk}/bijwerken", follow=True)
    html = response.content.decode()
    assert "ligt vast" in html and "Bijwerken met de stand van nu" not in html
    assert Report.objects.get(pk=report.pk).content == report.content


def test_reports_download_as_html_json_and_pdf(member_client, full_process, lead):
    report = services.report_generate(process=full_process, actor=lead)
    html = get(member_client, f"/raad/rapportages/{report.pk}.html")
    assert html["Content-Type"].startswith("text/html") and b"<!DOCTYPE html>" in html.content
    nonce = html["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in html.content.decode()
    data = get(member_client, f"/raad/rapportages/{report.pk}.json")
    assert "attachment" in data["Content-Disposition"]
    assert json.loads(data.content)["about"]["identifier"] == full_process.slug
    pdf = get(member_client, f"/raad/rapportages/{report.pk}.pdf")
    if pdf.status_code == 302:
        pytest.skip("WeasyPrint or its system libraries are missing on this machine")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert get(member_client, f"/raad/rapportages/{report.pk}.docx").status_code == 404


def test_reports_of_another_municipality_are_not_found(client, make_staff, other_municipality, full_process, lead):
    report = services.report_generate(process=full_process, actor=lead)
    foreign = make_staff(Role.ADMIN, in_municipality=other_municipality)
    staff_login(client, foreign, host="andersum.localhost")
    assert client.get(f"/raad/rapportages/{report.pk}", HTTP_HOST="andersum.localhost").status_code == 404
    assert client.get(f"/raad/{full_process.slug}", HTTP_HOST="andersum.localhost").status_code == 404


def test_the_pages_work_in_english_too(member_client, process):
    member_client.cookies["django_language"] = "en"
    assert get(member_client, "/raad/").status_code == 200


def test_the_dashboard_shows_the_sensing_picture_per_wijk(member_client, municipality):
    from zwerm.places.selectors import district_list
    from zwerm.sensing.demo import build_demo_sensing

    build_demo_sensing(municipality=municipality)
    html = get(member_client, "/raad/").content.decode()
    assert "Wat speelt er per wijk" in html
    for district in district_list(municipality=municipality):
        assert district.name in html


def test_form_messages_follow_the_visitors_language():
    from django.utils import translation

    from zwerm.council.forms import FrameForm

    with translation.override("en"):
        assert [str(m) for m in FrameForm(data={}).errors["description"]] == ["Enter the description."]
    with translation.override("nl"):
        assert FrameForm(data={}).errors["description"] == ["Vul de omschrijving in."]
