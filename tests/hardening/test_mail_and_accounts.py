"""Findings 6, 10 and 11: one-line titles and subjects, registration that changes no existing account, and log-in
links on the municipality's own host names."""

import re

import pytest
from django.core import mail

from tests.foundation.builders import make_initiative, make_municipality, make_resident, staff_login
from zwerm.accounts.models import Membership, User
from zwerm.core.mail import header_line, send_mass_mail
from zwerm.core.text import clean_text
from zwerm.initiatives import services as initiative_services
from zwerm.initiatives.models import Initiative

HOST = "testdam.localhost"


# --- finding 6: titles are one line; every subject is built from cleaned text -----------------------------


@pytest.mark.parametrize("breaks", ["\n", "\r\n", "\r", " \n\n ", "\u2028", "\x85", "\v"])
def test_a_title_with_a_line_break_becomes_one_line(municipality, resident, neighbourhood, breaks):
    initiative = make_initiative(municipality, resident, neighbourhood, title=f"Bankjes{breaks}bij de bus")
    assert Initiative.objects.get(pk=initiative.pk).title == "Bankjes bij de bus"


def test_other_texts_keep_their_paragraphs():
    assert (
        clean_text("Eerste alinea.\n\nTweede.", field_label="de tekst", max_length=100) == "Eerste alinea.\n\nTweede."
    )


def test_the_moderators_status_change_reaches_the_author(
    client, municipality, resident, neighbourhood, moderator, django_capture_on_commit_callbacks
):
    initiative = make_initiative(municipality, resident, neighbourhood, title="Bankjes\r\nBcc: buren")
    staff_login(client, moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/initiatieven/{initiative.pk}/status",
            {"to_status": "published", "reason": "Voldoet aan de spelregels."},
            HTTP_HOST=HOST,
            follow=True,
        )
    assert "De status is gewijzigd" in response.content.decode()
    [message] = mail.outbox
    assert message.to == [resident.email]
    assert "\n" not in message.subject and "Bankjes Bcc: buren" in message.subject
    assert message.bcc == []


def test_a_title_stored_with_a_line_break_earlier_still_gets_its_mail(
    municipality, resident, neighbourhood, moderator, django_capture_on_commit_callbacks
):
    """Rows written before titles were one line: the subject is cleaned where the mail is sent."""
    initiative = make_initiative(municipality, resident, neighbourhood)
    Initiative.objects.filter(pk=initiative.pk).update(title="Oud\nidee", public_title="Oud\nidee")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiative_services.initiative_status_change(
            initiative=Initiative.objects.get(pk=initiative.pk), actor=moderator, to_status="published", reason="Goed."
        )
    assert [m.subject for m in mail.outbox] == ["Nieuwe status voor 'Oud idee': gepubliceerd"]


def test_every_subject_is_one_line():
    assert header_line("a\r\nb\u2028c\x00d\te") == "a b c d e"
    assert len(header_line("x" * 1000)) == 200
    assert send_mass_mail([("Een\nonderwerp", "Tekst", None, ["a@example.org"])]) == 1
    assert mail.outbox[-1].subject == "Een onderwerp"


# --- finding 10: registration with a known address changes nothing, only sends a log-in link ----------------


def _register(client, email, neighbourhood, name="Indringer"):
    return client.post(
        "/account/registreren",
        {"email": email, "display_name": name, "neighbourhood": neighbourhood.pk},
        HTTP_HOST=HOST,
    )


def test_registering_a_known_address_changes_nothing_and_sends_a_log_in_link(client, resident, neighbourhood, db):
    other_town, (other_hood, *_rest) = make_municipality(name="Elders", code="GM0002", host="elders.localhost")
    before = list(Membership.objects.filter(user=resident).values_list("municipality_id", "neighbourhood_id"))
    name = resident.display_name
    response = client.post(
        "/account/registreren",
        {"email": resident.email.upper(), "display_name": "Indringer", "neighbourhood": other_hood.pk},
        HTTP_HOST="elders.localhost",
    )
    assert response["Location"] == "/account/inloggen/verstuurd"  # the same answer as for a new address
    assert list(Membership.objects.filter(user=resident).values_list("municipality_id", "neighbourhood_id")) == before
    assert User.objects.get(pk=resident.pk).display_name == name
    [message] = mail.outbox
    assert message.to == [resident.email] and "/account/inloggen/link?" in message.body


def test_a_known_address_gets_a_limited_number_of_links_per_hour(client, resident, neighbourhood, settings):
    settings.ZWERM_LOGIN_LINKS_PER_RECIPIENT_PER_HOUR = 3
    for i in range(6):
        client.post("/account/inloggen", {"email": resident.email}, HTTP_HOST=HOST, REMOTE_ADDR=f"10.0.0.{i}")
        _register(client, resident.email, neighbourhood)
    assert len(mail.outbox) == 3


def test_a_new_address_still_registers(client, municipality, neighbourhood):
    assert _register(client, "nieuw@example.org", neighbourhood, name="Nina").status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert Membership.objects.get(user=user, municipality=municipality).neighbourhood == neighbourhood
    assert len(mail.outbox) == 1


# --- finding 11: e-mailed links use the municipality's configured host names --------------------------------


def _link(message) -> str:
    match = re.search(r"\S+/account/inloggen/link\?\S+", message.body)
    assert match, message.body
    return match.group(0)


@pytest.mark.parametrize("path", ["/account/inloggen", "/account/registreren"])
def test_a_forged_host_does_not_end_up_in_the_log_in_link(client, resident, neighbourhood, path):
    # Development accepts any Host (ALLOWED_HOSTS "*") and serves the default municipality for an unknown one.
    data = {"email": resident.email, "display_name": "X", "neighbourhood": neighbourhood.pk}
    client.post(path, data, HTTP_HOST="attacker.example")
    [message] = mail.outbox
    assert _link(message).startswith(f"http://{HOST}/account/inloggen/link?")
    assert "attacker.example" not in message.body


def test_a_configured_host_keeps_its_port(client, resident):
    client.post("/account/inloggen", {"email": resident.email}, HTTP_HOST=f"{HOST}:8000")
    assert _link(mail.outbox[-1]).startswith(f"http://{HOST}:8000/account/inloggen/link?")


def test_open_data_links_use_a_configured_host(client, municipality, resident, neighbourhood, moderator):
    make_initiative(municipality, make_resident(municipality, neighbourhood), neighbourhood, publish_by=moderator)
    response = client.get("/open-data/initiatieven.json", HTTP_HOST="attacker.example")
    if response.status_code == 404:
        pytest.skip("no initiatives dataset at this path")
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "attacker.example" not in body and f"http://{HOST}/" in body
