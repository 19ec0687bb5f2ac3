"""Staff access to personal data is logged with a purpose (who, what, when, why), append-only, and the
admin reads the log."""

import re

import pytest
from django.test import Client

from zwerm.accounts.roles import Role
from zwerm.core.models import AppendOnlyError
from zwerm.privacy.models import PersonalDataAccess
from zwerm.privacy.selectors import privacy_settings_get
from zwerm.processes import services as processes

from ..foundation.builders import staff_login
from .conftest import get, post


def token(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def reveal(client, page, purpose="contact", explanation=""):
    return post(client, "/privacy/inzage", {"token": token(page), "purpose": purpose, "explanation": explanation})


@pytest.fixture
def lead_client(world):
    return staff_login(Client(), world.lead)


def test_stakeholder_contacts_need_a_purpose_and_each_look_is_logged(world, lead_client):
    processes.stakeholder_add(
        process=world.process,
        actor=world.lead,
        name="School",
        kind="organisation",
        role="school",
        contact="info@school.example",
    )
    url = f"/trajecten/{world.process.slug}/betrokkenen"
    page = get(lead_client, url).content.decode()
    assert "info@school.example" not in page and "Waarom bekijk je deze gegevens?" in page
    assert not PersonalDataAccess.objects.exists()
    response = reveal(lead_client, page, purpose="contact")
    assert response.status_code == 302 and response["Location"] == url
    assert "info@school.example" in get(lead_client, url).content.decode()
    access = PersonalDataAccess.objects.get()
    assert access.staff == world.lead and access.purpose == "contact" and access.path == url
    assert "School" not in access.what and world.process.title in access.what
    get(lead_client, url)
    assert PersonalDataAccess.objects.count() == 2  # every showing is logged


def test_other_needs_an_explanation(world, lead_client):
    processes.stakeholder_add(
        process=world.process,
        actor=world.lead,
        name="School",
        kind="organisation",
        role="school",
        contact="info@school.example",
    )
    url = f"/trajecten/{world.process.slug}/betrokkenen"
    page = get(lead_client, url).content.decode()
    reveal(lead_client, page, purpose="other")
    assert "info@school.example" not in get(lead_client, url).content.decode()
    reveal(lead_client, page, purpose="other", explanation="Vraag van de ombudsman")
    assert "info@school.example" in get(lead_client, url).content.decode()
    assert PersonalDataAccess.objects.get().explanation == "Vraag van de ombudsman"


def test_a_forged_or_resident_reveal_is_refused(world, anna_client, lead_client):
    assert post(lead_client, "/privacy/inzage", {"token": "vals", "purpose": "contact"}).status_code == 400
    processes.stakeholder_add(
        process=world.process,
        actor=world.lead,
        name="School",
        kind="organisation",
        role="school",
        contact="info@school.example",
    )
    page = get(lead_client, f"/trajecten/{world.process.slug}/betrokkenen").content.decode()
    assert reveal(anna_client, page).status_code == 403


def test_the_log_is_append_only(world, lead_client):
    processes.stakeholder_add(
        process=world.process, actor=world.lead, name="S", kind="organisation", role="r", contact="x@example.org"
    )
    url = f"/trajecten/{world.process.slug}/betrokkenen"
    reveal(lead_client, get(lead_client, url).content.decode())
    get(lead_client, url)
    access = PersonalDataAccess.objects.get()
    with pytest.raises(AppendOnlyError):
        access.delete()
    access.purpose = "other"
    with pytest.raises(AppendOnlyError):
        access.save()


def test_staff_e_mail_addresses_on_the_roles_page_need_a_purpose(world, admin_client):
    page = get(admin_client, "/beheer/rollen").content.decode()
    assert world.lead.email not in page  # not in a cell, not in a hidden field
    reveal(admin_client, page, purpose="accounts")
    assert world.lead.email in get(admin_client, "/beheer/rollen").content.decode()
    # Revoking works by assignment, without an e-mail address in the page.
    assignment = re.search(r'name="assignment" value="(\d+)"', page).group(1)
    post(admin_client, "/beheer/rollen", {"action": "revoke", "assignment": assignment})


def test_who_flagged_is_hidden_in_the_moderation_queue_until_a_purpose_is_given(world):
    client = staff_login(Client(), world.moderator)
    page = get(client, "/initiatieven/beheer/moderatie").content.decode()
    assert "Anna Jansen" not in page and "Klopt niet helemaal." in page
    reveal(client, page, purpose="moderation")
    assert "Anna Jansen" in get(client, "/initiatieven/beheer/moderatie").content.decode()


def test_the_admin_reads_the_log_paginated_and_filtered_by_staff_member(world, admin_client, settings):
    settings.ZWERM_PAGE_SIZE = 2
    processes.stakeholder_add(
        process=world.process, actor=world.lead, name="S", kind="organisation", role="r", contact="x@example.org"
    )
    lead_client = staff_login(Client(), world.lead)
    url = f"/trajecten/{world.process.slug}/betrokkenen"
    reveal(lead_client, get(lead_client, url).content.decode(), purpose="contact")
    for _ in range(2):
        get(lead_client, url)
    reveal(admin_client, get(admin_client, "/beheer/rollen").content.decode(), purpose="accounts")
    get(admin_client, "/beheer/rollen")
    page = get(admin_client, "/privacy/beheer/inzage-log").content.decode()
    assert "pagina=2" in page
    only_lead = get(admin_client, f"/privacy/beheer/inzage-log?medewerker={world.lead.pk}").content.decode()
    assert only_lead.count("contactgegevens van betrokkenen") == 2 and "e-mailadressen van medewerkers" not in only_lead
    assert get(admin_client, "/privacy/beheer/inzage-log?medewerker=abc").status_code == 200


def test_only_the_admin_reads_the_log(world, make_staff):
    assert get(staff_login(Client(), world.lead), "/privacy/beheer/inzage-log").status_code == 403
    resident = Client()
    resident.force_login(world.anna)
    assert get(resident, "/privacy/beheer/inzage-log").status_code in (302, 403)


def test_the_log_of_another_municipality_is_not_shown(world, other_municipality, make_staff, admin_client):
    other_admin = make_staff(Role.ADMIN, in_municipality=other_municipality)
    other = staff_login(Client(), other_admin, host="andersum.localhost")
    page = other.get("/beheer/rollen", HTTP_HOST="andersum.localhost").content.decode()
    other.post("/privacy/inzage", {"token": token(page), "purpose": "accounts"}, HTTP_HOST="andersum.localhost")
    other.get("/beheer/rollen", HTTP_HOST="andersum.localhost")
    assert PersonalDataAccess.objects.filter(municipality=other_municipality).count() == 1
    assert "Nog geen inzage vastgelegd." in get(admin_client, "/privacy/beheer/inzage-log").content.decode()


def test_settings_page_sets_process_dialogue_and_municipality_choices(world, admin_client, municipality):
    assert get(admin_client, "/privacy/beheer/instellingen").status_code == 200
    post(
        admin_client,
        "/privacy/beheer/instellingen",
        {
            "target": f"process:{world.process.pk}",
            f"p{world.process.pk}-contributions_on_erase": "remove",
            f"p{world.process.pk}-retention_months": "12",
        },
    )
    world.process.refresh_from_db()
    assert world.process.contributions_on_erase == "remove" and world.process.retention_months == 12
    post(admin_client, "/privacy/beheer/instellingen", {"target": f"dialogue:{world.dialogue.pk}"})
    world.dialogue.refresh_from_db()
    assert world.dialogue.keep_votes_on_erase is False
    post(admin_client, "/privacy/beheer/instellingen", {"target": "municipality", "contributions_on_erase": "remove"})
    assert privacy_settings_get(municipality=municipality).contributions_on_erase == "remove"
    bad = post(
        admin_client,
        "/privacy/beheer/instellingen",
        {"target": f"process:{world.process.pk}", f"p{world.process.pk}-contributions_on_erase": "weg"},
    )
    assert bad.status_code == 400
    assert post(admin_client, "/privacy/beheer/instellingen", {"target": "process:999999"}).status_code == 400
