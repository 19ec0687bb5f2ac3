"""The staff start page (/medewerkers) shows each role its open work with counts (issue 12 item 13)."""

import datetime
import re

from django.test import Client
from django.utils import timezone

from zwerm.accounts.roles import Role
from zwerm.council.services import question_ask
from zwerm.dialogues import services as dialogues
from zwerm.initiatives import services as initiatives
from zwerm.processes.models import AdviceRequest
from zwerm.processes.services import advice_request_create

from ..council.builders import make_process
from .builders import make_initiative, make_resident, staff_login

HOST = "testdam.localhost"


def counts(client) -> dict[str, int]:
    """Each card's title and its count, as the page shows them."""
    page = client.get("/medewerkers", HTTP_HOST=HOST).content.decode()
    found = re.findall(
        r'zwerm-work__title">.*?<span>(.*?)</span></h3>\s*<p class="zwerm-work__count" data-count="(\d+)"',
        page,
        re.S,
    )
    return {title: int(n) for title, n in found}


def test_a_moderator_sees_flags_statements_and_submitted_initiatives(
    municipality, neighbourhood, make_staff, moderator, resident
):
    lead = make_staff(Role.PROCESS_LEAD)
    flagged = make_initiative(municipality, resident, neighbourhood, publish_by=moderator)
    reporter = make_resident(municipality, neighbourhood)
    initiatives.flag_create(reporter=reporter, initiative=flagged, reason="Dit klopt niet.")
    make_initiative(municipality, resident, neighbourhood)  # submitted, not published
    dialogue = dialogues.dialogue_create(
        author=lead, municipality=municipality, title="Ons plein", question="Hoe maken we het plein beter?"
    )
    participant = dialogues.participant_for(dialogue=dialogue, user=reporter)
    dialogues.statement_submit(participant=participant, text="Meer bankjes op het plein")
    dialogues.statement_submit(participant=participant, text="Een waterpunt voor de kinderen")

    shown = counts(staff_login(Client(), moderator))
    assert shown["Meldingen van inwoners"] == 1
    assert shown["Stellingen om te beoordelen"] == 2
    assert shown["Ingediende initiatieven"] == 1
    assert "Adviesaanvragen aan jou" not in shown  # not a specialist's work


def test_a_specialist_sees_the_advice_asked_of_them_and_what_is_late(municipality, make_staff):
    lead, specialist = make_staff(Role.PROCESS_LEAD), make_staff(Role.SPECIALIST)
    process = make_process(municipality, lead)
    today = timezone.localdate()
    requests = [
        advice_request_create(
            process=process,
            actor=lead,
            specialist=specialist,
            question=question,
            deadline=today + datetime.timedelta(days=7),
        )
        for question in ("Past dit in het bestemmingsplan?", "Wat kost de brug?")
    ]
    # time passes: the second deadline is now two days ago
    AdviceRequest.objects.filter(pk=requests[1].pk).update(deadline=today - datetime.timedelta(days=2))
    client = staff_login(Client(), specialist)
    assert counts(client)["Adviesaanvragen aan jou"] == 2
    page = client.get("/medewerkers", HTTP_HOST=HOST).content.decode()
    assert "Waarvan 1 te laat." in page and "zwerm-work--urgent" in page
    assert counts(staff_login(Client(), lead))["Gevraagd advies dat nog komt"] == 2


def test_a_council_member_sees_their_open_questions_and_the_lead_the_questions_to_answer(municipality, make_staff):
    lead, member = make_staff(Role.PROCESS_LEAD), make_staff(Role.COUNCIL_MEMBER)
    process = make_process(municipality, lead)
    question_ask(process=process, asker=member, text="Wanneer is het park klaar?")
    assert counts(staff_login(Client(), member))["Jouw vragen zonder antwoord"] == 1
    assert counts(staff_login(Client(), lead))["Vragen van de raad"] == 1
    assert "Vragen van de raad" not in counts(staff_login(Client(), make_staff(Role.MODERATOR)))


def test_nothing_waiting_shows_a_check_not_an_empty_number(municipality, moderator):
    page = staff_login(Client(), moderator).get("/medewerkers", HTTP_HOST=HOST).content.decode()
    assert "zwerm-work--done" in page and 'class="zwerm-icon"' in page


def test_residents_do_not_get_the_staff_start_page(client, resident):
    client.force_login(resident)
    assert client.get("/medewerkers", HTTP_HOST=HOST).status_code == 403
