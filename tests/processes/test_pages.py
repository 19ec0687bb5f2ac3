"""The process pages, through the web interface as process leads, specialists and residents use them."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from zwerm.processes import services
from zwerm.processes.models import Advice, AdviceRequest, Decision, Process, ProcessFollow, SurveyResponse

from ..foundation.builders import staff_login

HOST = "testdam.localhost"


def get(client, url, **kw):
    return client.get(url, HTTP_HOST=HOST, **kw)


def post(client, url, data=None, **kw):
    return client.post(url, data or {}, HTTP_HOST=HOST, **kw)


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def lead_client(lead):
    return staff_login(Client(), lead)


def test_a_process_lead_runs_a_process_from_question_to_outcome(
    lead_client, lead, specialist, values, resident, django_capture_on_commit_callbacks
):
    # create
    assert get(lead_client, "/trajecten/nieuw").status_code == 200
    response = post(
        lead_client,
        "/trajecten/nieuw",
        {
            "title": "Veilige schoolroute",
            "question": "Hoe komen kinderen veilig op school?",
            "description": "Samen met ouders en de school.",
            "lead": lead.pk,
        },
    )
    process = Process.objects.get(slug="veilige-schoolroute")
    assert response.status_code == 302 and response["Location"] == "/trajecten/veilige-schoolroute/beheer"
    base = "/trajecten/veilige-schoolroute"

    # phases, with reasons
    for title in ("Knelpunten ophalen", "Maatregelen kiezen"):
        response = post(lead_client, f"{base}/fasen", {"title": title, "reason": f"Nodig: {title}."})
        assert response.status_code == 302
    first, second = process.phases.order_by("position")
    response = post(
        lead_client,
        f"{base}/fasen/volgorde",
        {
            f"reorder-phase_{first.pk}": 2,
            f"reorder-phase_{second.pk}": 1,
            "reorder-reason": "Eerst kiezen, dan verfijnen.",
        },
    )
    assert response.status_code == 302
    assert [p.title for p in process.phases.order_by("position")] == ["Maatregelen kiezen", "Knelpunten ophalen"]
    assert post(lead_client, f"{base}/openen").status_code == 302
    process.refresh_from_db()
    assert process.status == "active"

    # a survey component in the current phase
    response = post(
        lead_client,
        f"{base}/onderdelen",
        {
            "component": "survey",
            "survey-title": "Jouw route",
            "survey-questions": "Waar is het gevaarlijk?",
            "survey-active_phases": [second.pk],
        },
    )
    assert response.status_code == 302, html(response)

    # a resident follows and answers the survey
    resident_client = Client()
    resident_client.force_login(resident)
    assert post(resident_client, f"{base}/volgen", {"digest": "0"}).status_code == 302
    survey_page = html(get(resident_client, base))
    assert "Jouw route" in survey_page and "nu open" in survey_page
    survey_id = process.placements.get().object_id
    response = post(resident_client, f"{base}/vragenlijst/{survey_id}/invullen", {"answer_0": "Bij de rotonde."})
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 1

    # advice request -> the specialist answers
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            lead_client,
            f"{base}/advies",
            {
                "specialist": specialist.pk,
                "question": "Mag er een zebrapad bij de rotonde?",
                "deadline": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
            },
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [specialist.email]
    request = AdviceRequest.objects.get()
    specialist_client = staff_login(Client(), specialist)
    page = html(get(specialist_client, "/trajecten/mijn-adviesaanvragen"))
    assert "Mag er een zebrapad" in page and "Open (1)" in page
    response = post(
        specialist_client,
        f"/trajecten/advies/{request.pk}",
        {"text": "Ja, met verlichting.", "basis": "RVV 1990", "conditions": "Verlichting aan beide kanten."},
    )
    assert response.status_code == 302
    assert "Beantwoord (1)" in html(get(specialist_client, "/trajecten/mijn-adviesaanvragen"))
    advice = Advice.objects.get()

    # decision with values and the advice
    data = {
        "title": "Er komt een zebrapad bij de rotonde",
        "decided_on": timezone.localdate().isoformat(),
        "decided_by": "process_lead",
        "reasons": "Het advies en de vragenlijst wijzen dezelfde kant op.",
        "advice": [advice.pk],
        "outside_scope": "0",
    }
    for value in values:
        data[f"weighed_{value.pk}"] = "1"
        data[f"explanation_{value.pk}"] = f"{value.name}: meegewogen."
    response = post(lead_client, f"{base}/besluiten", data)
    assert response.status_code == 302, html(response)
    decision = Decision.objects.get()
    assert list(decision.advice.all()) == [advice] and decision.assessments.count() == 4

    # update -> the follower hears it
    with django_capture_on_commit_callbacks(execute=True):
        response = post(lead_client, f"{base}/berichten", {"title": "Zebrapad komt", "body": "In het voorjaar."})
    assert response.status_code == 302
    assert mail.outbox[-1].to == [resident.email]

    # close with the outcome
    with django_capture_on_commit_callbacks(execute=True):
        response = post(lead_client, f"{base}/afronden", {"outcome": "Een zebrapad en betere verlichting."})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.status == "closed"

    # the public page shows the whole chain
    public = html(get(Client(), base))
    for text in (
        "Hoe komen kinderen veilig op school?",
        "Er komt een zebrapad bij de rotonde",
        "Zo zijn onze waarden meegewogen",
        "Samen: meegewogen.",
        "Ja, met verlichting.",
        "RVV 1990",
        "Zebrapad komt",
        "Het traject is afgerond",
        "Eerst kiezen, dan verfijnen.",
        "alleen te lezen",
        "minder dan 5",
    ):
        assert text in public, text


def test_errors_stay_on_the_form_and_nothing_is_saved(lead_client, process, specialist, values):
    base = f"/trajecten/{process.slug}"
    response = post(
        lead_client,
        f"{base}/advies",
        {"specialist": specialist.pk, "question": "Te laat?", "deadline": "2020-01-01"},
    )
    assert response.status_code == 400
    assert "De uiterste datum ligt in het verleden" in html(response)
    assert not AdviceRequest.objects.exists()

    data = {
        "title": "Half besluit",
        "decided_on": timezone.localdate().isoformat(),
        "decided_by": "council",
        "reasons": "Omdat.",
        "outside_scope": "0",
    }
    response = post(lead_client, f"{base}/besluiten", data)
    assert response.status_code == 400
    assert "Kies ja of nee." in html(response)
    assert not Decision.objects.exists()


def test_a_component_cannot_be_made_active_in_a_closed_phase_through_the_page(lead_client, process, lead, phases):
    services.phase_close(phase=phases[0], actor=lead, reason="Klaar.")
    response = post(
        lead_client,
        f"/trajecten/{process.slug}/onderdelen",
        {
            "component": "meeting",
            "meeting-title": "Avond",
            "meeting-starts_at": "2030-01-01T19:30",
            "meeting-place": "Buurthuis",
            "meeting-attendance": "0",
            "meeting-active_phases": [phases[0].pk],
        },
    )
    assert response.status_code == 400
    assert "afgesloten fase" in html(response)
    assert not process.placements.exists()


def test_a_phase_change_without_a_reason_is_refused_on_the_page(lead_client, process, phases):
    response = post(lead_client, f"/trajecten/{process.slug}/fasen/{phases[0].pk}", {"title": "Nieuw"})
    assert response.status_code == 200
    assert "utrecht-form-field-error-message" in html(response)
    phases[0].refresh_from_db()
    assert phases[0].title == "Ophalen"


def test_the_network_shows_stakeholders_as_svg_and_table_and_contacts_only_to_staff(lead_client, process, lead):
    school = services.stakeholder_add(
        process=process, actor=lead, name="De Regenboog", kind="organisation", role="school", contact="06-12345678"
    )
    services.stakeholder_add(
        process=process, actor=lead, name="Buurtgroep", kind="group", role="r", related_to=[school]
    )
    page = html(get(lead_client, f"/trajecten/{process.slug}/betrokkenen"))
    assert "<svg" in page and "<table" in page and "<line" in page
    # Contact details only after the process lead said why (issue 6: logged with a purpose).
    assert "06-12345678" not in page and "Toon persoonsgegevens" in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    lead_client.post("/privacy/inzage", {"token": token, "purpose": "contact"}, HTTP_HOST="testdam.localhost")
    assert "06-12345678" in html(get(lead_client, f"/trajecten/{process.slug}/betrokkenen"))
    public = html(get(Client(), f"/trajecten/{process.slug}"))
    assert "06-12345678" not in public and "De Regenboog" not in public


def test_workspace_pages_are_for_the_process_lead(process, resident, other_lead, client):
    client.force_login(resident)
    assert get(client, f"/trajecten/{process.slug}/beheer").status_code == 403
    other = staff_login(Client(), other_lead)
    assert get(other, f"/trajecten/{process.slug}/beheer").status_code == 403
    assert get(Client(), f"/trajecten/{process.slug}/beheer").status_code == 302  # to the staff log-in


def test_a_draft_is_not_public(draft, lead_client):
    assert get(Client(), f"/trajecten/{draft.slug}").status_code == 404
    assert draft.title not in html(get(Client(), "/trajecten/"))
    assert get(lead_client, f"/trajecten/{draft.slug}").status_code == 200
    unverified = Client()
    unverified.force_login(draft.lead)  # e.g. through an e-mail link: no second factor
    assert get(unverified, f"/trajecten/{draft.slug}").status_code == 404


def test_a_resident_follows_with_the_weekly_digest(process, resident, client):
    client.force_login(resident)
    post(client, f"/trajecten/{process.slug}/volgen", {"digest": "1"})
    assert ProcessFollow.objects.get(user=resident).digest is True
    assert "één keer per week een overzicht" in html(get(client, f"/trajecten/{process.slug}"))
    post(client, f"/trajecten/{process.slug}/niet-meer-volgen")
    assert not ProcessFollow.objects.exists()


def test_only_the_addressed_specialist_opens_the_answer_form(advice_request, make_staff):
    from zwerm.accounts.roles import Role

    colleague = staff_login(Client(), make_staff(Role.SPECIALIST))
    assert get(colleague, f"/trajecten/advies/{advice_request.pk}").status_code == 403


def test_the_admin_manages_values(admin, values):
    client = staff_login(Client(), admin)
    page = html(get(client, "/beheer/waarden/"))
    assert all(v.name in page for v in values)
    response = post(client, "/beheer/waarden/", {"name": "Zorgzaam", "description": "Voor elkaar zorgen."})
    assert response.status_code == 302
    response = post(client, "/beheer/waarden/", {"name": "Zorgzaam", "description": "Dubbel."})
    assert response.status_code == 400 and "al een waarde" in html(response)
    assert post(client, f"/beheer/waarden/{values[0].pk}/buiten-gebruik").status_code == 302
    values[0].refresh_from_db()
    assert values[0].retired_at is not None


def test_meeting_and_survey_pages(process, lead, phases, resident, client):
    meeting = services.meeting_create(
        process=process, actor=lead, title="Avond", starts_at=timezone.now(), place="Buurthuis", active_phases=phases
    )
    survey = services.survey_create(process=process, actor=lead, title="Wensen", questions=["Wat?"], active_phases=[])
    assert "Buurthuis" in html(get(client, f"/trajecten/{process.slug}/bijeenkomst/{meeting.pk}"))
    page = html(get(client, f"/trajecten/{process.slug}/vragenlijst/{survey.pk}"))
    assert "staat nu niet open" in page
    client.force_login(resident)
    response = post(client, f"/trajecten/{process.slug}/vragenlijst/{survey.pk}/invullen", {"answer_0": "Iets"})
    assert response.status_code == 400 and "staat nu niet open" in html(response)


def test_the_list_and_the_staff_home_link_to_processes(process, lead_client):
    assert process.title in html(get(Client(), "/trajecten/"))
    assert "/trajecten/werkplek" in html(get(lead_client, "/medewerkers"))
    assert process.title in html(get(lead_client, "/trajecten/werkplek"))


def test_every_page_renders_for_the_demo_processes(municipality, neighbourhood, make_staff):
    from zwerm.accounts.roles import Role
    from zwerm.processes.demo import build_demo_processes

    from ..foundation.builders import make_resident

    staff = {role: make_staff(role) for role in (Role.ADMIN, Role.PROCESS_LEAD, Role.SPECIALIST)}
    residents = [make_resident(municipality, neighbourhood) for _ in range(6)]
    processes = build_demo_processes(municipality=municipality, staff=staff, residents=residents)
    lead = staff_login(Client(), staff[Role.PROCESS_LEAD])
    specialist = staff_login(Client(), staff[Role.SPECIALIST])
    for process in processes:
        base = f"/trajecten/{process.slug}"
        phase = process.phases.first()
        urls = [base, *(f"{base}/{p}" for p in ("beheer", "bewerken", "fasen", "onderdelen", "betrokkenen"))]
        urls += [f"{base}/{p}" for p in ("advies", "besluiten", "berichten", f"fasen/{phase.pk}")]
        urls += [f"{base}/betrokkenen/{process.stakeholders.first().pk}"]
        for placement in process.placements.all():
            kind = {"meeting": "bijeenkomst", "survey": "vragenlijst"}[placement.kind]
            urls.append(f"{base}/{kind}/{placement.object_id}")
            if placement.kind == "meeting":
                urls.append(f"{base}/bijeenkomst/{placement.object_id}/bewerken")
        for url in urls:
            response = get(lead, url)
            assert response.status_code == 200, url
            ids = re.findall(r'\sid="([^"]+)"', html(response))
            assert len(ids) == len(set(ids)), (url, sorted(i for i in ids if ids.count(i) > 1))
    assert "1 over de uiterste datum" in html(get(Client(), f"/trajecten/{processes[0].slug}"))
    page = html(get(specialist, "/trajecten/mijn-adviesaanvragen"))
    assert "Te laat (1)" in page
    request = AdviceRequest.objects.filter(specialist=staff[Role.SPECIALIST]).first()
    assert get(specialist, f"/trajecten/advies/{request.pk}").status_code == 200
    assert get(lead, "/trajecten/werkplek").status_code == 200
    assert get(Client(), "/trajecten/").status_code == 200


def test_following_without_logging_in_leads_to_the_login(process):
    response = post(Client(), f"/trajecten/{process.slug}/volgen", {"digest": "0"})
    assert response.status_code == 302 and response["Location"].startswith("/account/")
    assert not ProcessFollow.objects.exists()
