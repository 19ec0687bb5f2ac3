"""The right of access: a person downloads everything Zwerm holds about them, and nothing about others."""

import json

from django.test import Client

from zwerm.accounts.roles import Role
from zwerm.core.personal_data import registry
from zwerm.council import services as council

from .conftest import get


def download(client) -> dict:
    response = get(client, "/privacy/mijn-gegevens/download")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_every_app_that_holds_personal_data_is_registered():
    assert set(registry.keys()) >= {
        "accounts",
        "initiatives",
        "dialogues",
        "processes",
        "budgets",
        "sensing",
        "council",
    }


def test_the_download_holds_every_part_of_what_the_resident_did(world, anna_client):
    data = download(anna_client)
    parts = data["onderdelen"]
    assert set(parts) == set(registry.keys())  # every registered app contributes its part
    account = parts["accounts"]["gegevens"]
    assert account["e-mailadres"] == world.anna.email
    assert account["lidmaatschappen"][0]["gemeente"] == "Testdam"
    ini = parts["initiatives"]["gegevens"]
    assert {i["titel"] for i in ini["initiatieven"]} == {"Bankje bij de vijver", "Losse boom"}
    assert [c["tekst"] for c in ini["reacties"]] == ["Goed idee, Bram!"]
    assert [s["titel"] for s in ini["steun"]] == ["Speeltuin"]
    assert len(ini["meedoen"]) == 1 and ini["meldingen"][0]["reden"] == "Klopt niet helemaal."
    dia = parts["dialogues"]["gegevens"]["deelname"][0]
    assert [s["tekst"] for s in dia["stellingen"]] == ["Minder auto's op het plein"]
    assert len(dia["stemmen"]) == 2  # the two seed statements
    pro = parts["processes"]["gegevens"]
    answers = pro["antwoorden_op_vragenlijsten"][0]["vragen_en_antwoorden"]
    assert answers == [{"vraag": "Wat mist er?", "antwoord": "Schaduw"}]
    assert pro["gevolgde_trajecten"][0]["traject"] == "Groen plein"
    bud = parts["budgets"]["gegevens"]
    assert bud["voorgestelde_projecten"][0]["titel"] == "Picknicktafel"
    assert "geheim" in bud["stembiljetten"]  # ballots: said so, never included


def test_nothing_of_another_person_leaks_into_the_download(world, anna_client):
    text = json.dumps(download(anna_client), ensure_ascii=False)
    for foreign in (
        world.bram.email,
        "Bram de Vries",
        "Mooi plan van Anna.",
        "Water",
        world.lead.email,
        world.moderator.email,
        world.lead.display_name,
    ):
        assert foreign not in text, foreign


def test_staff_find_their_own_record_in_their_download(world, make_staff):
    member = make_staff(Role.COUNCIL_MEMBER)
    council.council_follow(process=world.process, member=member)
    council.question_ask(process=world.process, asker=member, text="Wanneer is het klaar?")
    client = Client()
    client.force_login(member)
    parts = download(client)["onderdelen"]
    assert parts["council"]["gegevens"]["vragen_gesteld"][0]["vraag"] == "Wanneer is het klaar?"
    lead_client = Client()
    lead_client.force_login(world.lead)
    lead_parts = download(lead_client)["onderdelen"]
    assert lead_parts["processes"]["gegevens"]["trajecten_als_procesambtenaar"][0]["traject"] == "Groen plein"
    assert lead_parts["dialogues"]["gegevens"]["dialogen_opgezet"][0]["titel"] == "Het plein"


def test_the_download_and_the_pages_are_for_logged_in_people_only(world):
    anonymous = Client()
    for url in ("/privacy/mijn-gegevens", "/privacy/mijn-gegevens/download", "/privacy/account-verwijderen"):
        response = get(anonymous, url)
        assert response.status_code == 302 and "/account/inloggen" in response["Location"], url


def test_the_account_page_links_to_download_and_delete(anna_client):
    page = get(anna_client, "/account/profiel").content.decode()
    assert "/privacy/mijn-gegevens/download" in page and "/privacy/account-verwijderen" in page
