"""Log-in by e-mail link for residents, password plus second factor for staff."""

import datetime
import logging
import re

from django.core import mail

from zwerm.accounts.models import Membership, User
from zwerm.accounts.roles import Role

from .builders import PASSWORD, current_code

HOST = "testdam.localhost"


def link_from_mail() -> str:
    match = re.search(r"http://\S+/account/inloggen/link\?\S+", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0).replace(f"http://{HOST}", "")


def test_register_choose_buurt_and_log_in_with_the_link(client, municipality, neighbourhood):
    response = client.post(
        "/account/registreren",
        {"email": "Nieuw@Example.org", "display_name": "Nina", "neighbourhood": neighbourhood.pk},
        HTTP_HOST=HOST,
    )
    assert response["Location"] == "/account/inloggen/verstuurd"
    user = User.objects.get(email="nieuw@example.org")
    assert Membership.objects.get(user=user, municipality=municipality).neighbourhood == neighbourhood
    link = link_from_mail()
    # The link first asks for a click (mail scanners must not use it up), then logs in.
    assert client.get(link, HTTP_HOST=HOST).status_code == 200
    response = client.post(link, HTTP_HOST=HOST)
    assert response.status_code == 302
    assert client.get("/account/profiel", HTTP_HOST=HOST).status_code == 200


def test_a_login_link_works_once(client, resident):
    client.post("/account/inloggen", {"email": resident.email}, HTTP_HOST=HOST)
    link = link_from_mail()
    client.post(link, HTTP_HOST=HOST)
    client.logout()
    response = client.post(link, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Deze link werkt niet meer" in response.content.decode()


def test_a_forged_link_is_refused_with_a_clear_page(client, resident):
    response = client.get("/account/inloggen/link?token=nietecht123", HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "verlopen, al gebruikt of niet compleet" in response.content.decode()


def test_an_expired_link_is_refused(client, resident, settings):
    client.post("/account/inloggen", {"email": resident.email}, HTTP_HOST=HOST)
    link = link_from_mail()
    settings.SESAME_MAX_AGE = -1
    assert client.post(link, HTTP_HOST=HOST).status_code == 400


def test_asking_a_link_for_an_unknown_address_reveals_nothing(client, db, municipality):
    response = client.post("/account/inloggen", {"email": "onbekend@example.org"}, HTTP_HOST=HOST)
    assert response["Location"] == "/account/inloggen/verstuurd"
    assert mail.outbox == []


def test_registration_with_a_bad_name_or_buurt_saves_nothing(client, municipality, neighbourhood):
    response = client.post(
        "/account/registreren",
        {"email": "a@example.org", "display_name": "<b>x</b>", "neighbourhood": neighbourhood.pk},
        HTTP_HOST=HOST,
    )
    assert "HTML of code" in response.content.decode()
    response = client.post(
        "/account/registreren",
        {"email": "a@example.org", "display_name": "Ann", "neighbourhood": 424242},
        HTTP_HOST=HOST,
    )
    assert "Kies een buurt uit de lijst." in response.content.decode()
    assert not User.objects.filter(email="a@example.org").exists()


def test_staff_log_in_with_password_and_code(client, make_staff):
    guesser = make_staff(Role.MODERATOR)
    response = client.post(
        "/account/medewerker/inloggen",
        {"email": guesser.email, "password": PASSWORD, "token": "000000"},
        HTTP_HOST=HOST,
    )
    assert "Vul de geldige code" in response.content.decode()
    assert client.get("/initiatieven/beheer/moderatie", HTTP_HOST=HOST).status_code == 302
    moderator = make_staff(Role.MODERATOR)
    response = client.post(
        "/account/medewerker/inloggen",
        {"email": moderator.email, "password": PASSWORD, "token": current_code(moderator)},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    assert client.get("/initiatieven/beheer/moderatie", HTTP_HOST=HOST).status_code == 200


def test_a_wrong_password_is_refused_and_repeated_failures_lock_out(client, make_staff, settings):
    moderator = make_staff(Role.MODERATOR)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            "/account/medewerker/inloggen", {"email": moderator.email, "password": "fout", "token": ""}, HTTP_HOST=HOST
        )
        assert "klopt niet" in response.content.decode()
    response = client.post(
        "/account/medewerker/inloggen", {"email": moderator.email, "password": "fout", "token": ""}, HTTP_HOST=HOST
    )
    assert response.status_code == 429
    response = client.post(
        "/account/medewerker/inloggen",
        {"email": moderator.email, "password": PASSWORD, "token": current_code(moderator)},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 429
    assert "Je account wacht nu 15 minuten" in response.content.decode()


def test_after_a_wrong_authenticator_code_the_account_waits_and_says_how_long(client, make_staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # django-otp doubles this wait after every further wrong code
    moderator = make_staff(Role.MODERATOR)
    login = {"email": moderator.email, "password": PASSWORD}
    response = client.post("/account/medewerker/inloggen", {**login, "token": "000000"}, HTTP_HOST=HOST)
    assert "Vul de geldige code van zes cijfers" in response.content.decode()
    # Even the right code is not checked while the account waits; the message says so instead of "not valid".
    response = client.post("/account/medewerker/inloggen", {**login, "token": current_code(moderator)}, HTTP_HOST=HOST)
    page = response.content.decode()
    assert response.status_code == 200 and "Vul de geldige code" not in page
    assert "Er is te vaak een verkeerde code ingevuld. Je account wacht nu 1 minuut" in page
    device = moderator.totpdevice_set.get()
    device.throttling_failure_timestamp -= datetime.timedelta(minutes=1)  # a minute later
    device.save()
    response = client.post("/account/medewerker/inloggen", {**login, "token": current_code(moderator)}, HTTP_HOST=HOST)
    assert response.status_code == 302


def test_a_refused_page_logs_one_line_without_a_traceback(client, make_staff, caplog):
    client.force_login(make_staff(Role.SPECIALIST))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/beheer/rollen", HTTP_HOST=HOST).status_code in (302, 403)
        assert client.get("/signalen/beheer/import", HTTP_HOST=HOST).status_code == 403
    refused = [r for r in caplog.records if r.name == "django.request" and "Forbidden" in r.getMessage()]
    assert refused and all(r.exc_info is None and not r.exc_text for r in refused)


def test_staff_without_authenticator_link_one_first(client, municipality):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zwerm.accounts.services import staff_user_create

    user = staff_user_create(email="nieuw@gemeente.example", display_name="Nieuw", password=PASSWORD)
    response = client.post(
        "/account/medewerker/inloggen", {"email": user.email, "password": PASSWORD, "token": ""}, HTTP_HOST=HOST
    )
    assert response["Location"].startswith("/account/medewerker/authenticator")
    assert "<svg" in client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    device = TOTPDevice.objects.get(user=user)
    code = f"{TOTP(device.bin_key).token():06d}"
    response = client.post("/account/medewerker/authenticator", {"token": code}, HTTP_HOST=HOST)
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_a_resident_email_link_login_gives_no_staff_pages(client, make_staff):
    moderator = make_staff(Role.MODERATOR)
    client.force_login(moderator)
    response = client.get("/initiatieven/beheer/moderatie", HTTP_HOST=HOST)
    assert response.status_code == 302 and "medewerker/inloggen" in response["Location"]


def test_an_email_link_session_cannot_link_its_own_authenticator(client, make_staff):
    moderator = make_staff(Role.MODERATOR)
    client.force_login(moderator)  # as after an e-mail link: no password given in this session
    response = client.get("/account/medewerker/authenticator", HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == "/account/medewerker/inloggen"
    assert client.get("/initiatieven/beheer/moderatie", HTTP_HOST=HOST).status_code == 302


def test_failed_attempts_on_one_account_do_not_lock_out_another(client, make_staff, settings):
    victim, other = make_staff(Role.MODERATOR), make_staff(Role.MODERATOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/account/medewerker/inloggen", {"email": victim.email, "password": "fout", "token": ""}, HTTP_HOST=HOST
        )
    response = client.post(
        "/account/medewerker/inloggen",
        {"email": other.email, "password": PASSWORD, "token": current_code(other)},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302


def test_bad_login_links_do_not_lock_out_residents(client, resident, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post("/account/inloggen/link?token=vals", HTTP_HOST=HOST)
    client.post("/account/inloggen", {"email": resident.email}, HTTP_HOST=HOST)
    link = link_from_mail()
    assert client.post(link, HTTP_HOST=HOST).status_code == 302
