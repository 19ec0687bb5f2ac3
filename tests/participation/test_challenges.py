"""The uitdaagrecht: the procedure with its deadlines, advice and decision log, and the public register."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from tests.foundation.builders import make_resident, staff_login
from tests.processes.conftest import record_decision
from zwerm.core.personal_data import registry
from zwerm.participation import selectors, services
from zwerm.participation.models import Challenge, ChallengeContact, ChallengeEvent
from zwerm.processes import services as processes
from zwerm.processes.selectors import process_list_running

from .conftest import get, post, submit_challenge


def to_assessment(challenge, lead):
    services.challenge_confirm_receipt(challenge=challenge, actor=lead)
    return services.challenge_check(challenge=challenge, actor=lead, complete=True, note="")


def test_a_challenge_goes_through_the_procedure_to_an_agreement(challenge, lead, specialist, values):
    challenge = to_assessment(challenge, lead)
    process = challenge.process
    assert process.status == "active" and process.lead == lead
    request = processes.advice_request_create(
        process=process,
        actor=lead,
        specialist=specialist,
        question="Kan dit veilig?",
        deadline=datetime.date(2030, 1, 1),
    )
    processes.advice_give(request=request, actor=specialist, text="Ja, met een keuring.", basis="Beleid groen")
    services.challenge_conversation(challenge=challenge, actor=lead, note="Goed gesprek in het buurthuis.")
    decision = record_decision(process, lead, values, title="De buurtgroep neemt het onderhoud over")
    challenge = services.challenge_decide(challenge=challenge, actor=lead, decision=decision, granted=True)
    services.challenge_inform_council(challenge=challenge, actor=lead, note="Raadsinformatiebrief 2027-04.")
    challenge = services.challenge_agree(
        challenge=challenge, actor=lead, conditions="Jaarlijks verslag.", evaluate_on=datetime.date(2028, 6, 1)
    )
    assert challenge.state == Challenge.State.GRANTED
    steps = [e.step for e in challenge.events.all()]
    assert steps == ["submitted", "received", "complete", "conversation", "decided", "council", "agreement"]
    assert [d.state for d in selectors.challenge_deadlines(challenge)] == ["met", "met", "met"]


def test_a_decision_needs_the_conversation_first_and_comes_from_the_challenges_own_log(
    challenge, lead, values, process
):
    challenge = to_assessment(challenge, lead)
    other = record_decision(process, lead, values)
    services.challenge_conversation(challenge=challenge, actor=lead, note="Gesprek gevoerd.")
    with pytest.raises(ValidationError, match="besluitenlog van deze uitdaging"):
        services.challenge_decide(challenge=challenge, actor=lead, decision=other, granted=False)
    challenge.refresh_from_db()
    assert challenge.state == Challenge.State.ASSESSMENT


def test_without_a_conversation_there_is_no_decision(challenge, lead, values):
    challenge = to_assessment(challenge, lead)
    decision = record_decision(challenge.process, lead, values)
    with pytest.raises(ValidationError, match="gesprek"):
        services.challenge_decide(challenge=challenge, actor=lead, decision=decision, granted=False)


def test_an_incomplete_challenge_says_what_is_missing(challenge, lead):
    services.challenge_confirm_receipt(challenge=challenge, actor=lead)
    with pytest.raises(ValidationError):
        services.challenge_check(challenge=challenge, actor=lead, complete=False, note="")
    challenge = services.challenge_check(
        challenge=challenge, actor=lead, complete=False, note="De begroting ontbreekt."
    )
    assert challenge.state == Challenge.State.INCOMPLETE and challenge.process is None


def test_steps_out_of_order_are_refused(challenge, lead):
    with pytest.raises(ValidationError, match="kan niet nu"):
        services.challenge_check(challenge=challenge, actor=lead, complete=True, note="")


def test_residents_cannot_handle_a_challenge(challenge, resident):
    with pytest.raises(PermissionDenied):
        services.challenge_confirm_receipt(challenge=challenge, actor=resident)


def test_a_missed_deadline_shows_in_the_public_register(challenge):
    late = timezone.localdate(challenge.submitted_at) + datetime.timedelta(days=6)
    states = {d.key: d.state for d in selectors.challenge_deadlines(challenge, today=late)}
    assert states == {"receipt": "missed", "complete": "open", "decision": "open"}
    Challenge.objects.filter(pk=challenge.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=10))
    page = get(Client(), "/participatie/uitdagingen").content.decode()
    assert "Ontvangstbevestiging: termijn verstreken" in page


def test_a_challenge_needs_a_contact_and_sane_costs(municipality, resident, bylaw):
    with pytest.raises(ValidationError) as error:
        submit_challenge(municipality, resident, contacts=[services.ContactInput(name="Piet", email="geen-adres")])
    assert "e-mailadres" in str(error.value)
    with pytest.raises(ValidationError):
        submit_challenge(municipality, resident, cost=None)
    assert not Challenge.objects.exists() and not ChallengeContact.objects.exists()


def test_the_history_is_append_only(challenge):
    event = challenge.events.first()
    with pytest.raises(Exception, match="append-only"):
        event.delete()
    assert ChallengeEvent.objects.count() == 1


def test_a_resident_submits_through_the_form_and_sees_the_public_page(municipality, neighbourhood, bylaw):
    from zwerm.accounts.services import login_link_send  # noqa: F401  (the real log-in is covered elsewhere)

    resident = make_resident(municipality, neighbourhood)
    client = Client()
    client.force_login(resident)
    data = {
        "task": "Beheer van de speeltuin",
        "plan": "Wij doen het dagelijks beheer.",
        "involvement": "Met de school.",
        "cost": "4.500",
        "municipality_cost": "abc",
        "challenger_kind": "organisation",
        "challenger_name": "Stichting Speeltuin",
        "contact_0_name": "Ali",
        "contact_0_email": "ali@example.org",
    }
    response = post(client, "/participatie/uitdagingen/nieuw", data)
    assert response.status_code == 400 and "Vul een bedrag in euro" in response.content.decode()
    assert not Challenge.objects.exists()
    response = post(client, "/participatie/uitdagingen/nieuw", {**data, "municipality_cost": "6.000"})
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/participatie/uitdagingen/{challenge.pk}"
    assert str(challenge.cost) == "4500.00"
    page = get(Client(), response["Location"]).content.decode()
    assert "Stichting Speeltuin" in page and "Beheer van de speeltuin" in page
    assert "ali@example.org" not in page


def test_staff_see_contacts_only_after_giving_a_purpose(challenge, lead):
    client = staff_login(Client(), lead)
    page = get(client, f"/participatie/uitdagingen/{challenge.pk}/behandelen").content.decode()
    assert "sanne@example.org" not in page and "Persoonsgegevens zijn verborgen" in page


def test_staff_take_a_step_through_the_page(challenge, lead):
    client = staff_login(Client(), lead)
    response = post(client, f"/participatie/uitdagingen/{challenge.pk}/stap/receipt", {"receipt-note": "Ontvangen."})
    assert response.status_code == 302
    response = post(client, f"/participatie/uitdagingen/{challenge.pk}/stap/check", {"check-complete": "0"})
    assert response.status_code == 400 and "Vul de toelichting in." in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.state == Challenge.State.RECEIVED


def test_erasure_keeps_the_challenge_without_the_submitter(challenge, resident):
    provider = next(p for p in registry.providers() if p.key == "participation")
    exported = provider.export(resident)
    assert exported["uitdagingen_ingediend"][0]["uitdager"] == "Buurtgroep Wilgenpark"
    other = make_resident(challenge.municipality)
    assert provider.export(other)["uitdagingen_ingediend"] == []


def test_the_public_page_masks_contact_details_in_the_plan(municipality, resident, bylaw):
    challenge = submit_challenge(municipality, resident, plan="Bel ons op 06-12345678 of mail info@buurt.example.")
    page = get(Client(), f"/participatie/uitdagingen/{challenge.pk}").content.decode()
    assert "06-12345678" not in page and "info@buurt.example" not in page


def test_the_assessment_process_is_not_in_the_process_list_but_its_page_points_to_the_register(challenge, lead):
    process = to_assessment(challenge, lead).process
    listing = get(Client(), "/trajecten/")
    assert listing.status_code == 200
    assert process.title not in listing.content.decode()
    assert not process_list_running(municipality=process.municipality).filter(pk=process.pk).exists()
    page = get(Client(), process.get_absolute_url()).content.decode()
    assert "Dit traject beoordeelt een uitdaging" in page
    assert challenge.get_absolute_url() in page
