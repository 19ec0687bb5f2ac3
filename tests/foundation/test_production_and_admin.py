"""Production settings, the admin's configuration pages, and the limits on submissions."""

import os
import secrets
import subprocess
import sys

import pytest

from zwerm.accounts.models import RoleAssignment
from zwerm.accounts.roles import Role
from zwerm.core.models import Municipality
from zwerm.places.models import Neighbourhood

from .builders import make_resident, staff_login

HOST = "testdam.localhost"


def test_production_settings_pass_djangos_deployment_checks():
    env = {
        **os.environ,
        "ZWERM_ENVIRONMENT": "production",
        "ZWERM_SECRET_KEY": secrets.token_urlsafe(60),
        "ZWERM_ALLOWED_HOSTS": "zwerm.example",
        "ZWERM_HSTS_PRELOAD": "true",
        "ZWERM_CACHE_URL": "redis://127.0.0.1:6379/0",  # production refuses to start without a shared cache
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    done = subprocess.run(
        [sys.executable, "-m", "zwerm", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "ZWERM_ENVIRONMENT": "production", "ZWERM_SECRET_KEY": ""}
    done = subprocess.run(
        [sys.executable, "-m", "zwerm", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0 and "ZWERM_SECRET_KEY" in done.stderr


def test_pages_send_a_content_security_policy(client, municipality):
    response = client.get("/", HTTP_HOST=HOST)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_sets_texts_and_theme(client, make_staff, municipality):
    staff_login(client, make_staff(Role.ADMIN))
    response = client.post(
        "/beheer/gemeente",
        {
            "welcome_title": "Welkom in Testdam",
            "welcome_text": "Doe mee",
            "contact_email": "",
            "theme_class": "testdam-theme",
            "theme_stylesheet": "/static/themes/testdam.css",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    home = client.get("/", HTTP_HOST=HOST).content.decode()
    assert "Welkom in Testdam" in home and "testdam-theme" in home and "/static/themes/testdam.css" in home


def test_an_external_stylesheet_is_refused(client, make_staff, municipality):
    staff_login(client, make_staff(Role.ADMIN))
    response = client.post(
        "/beheer/gemeente", {"theme_class": "x", "theme_stylesheet": "https://cdn.example/x.css"}, HTTP_HOST=HOST
    )
    assert "begint met /" in response.content.decode()
    assert Municipality.objects.get(pk=municipality.pk).theme_stylesheet == ""


def test_the_admin_adds_buurten_from_a_csv_upload(client, make_staff, municipality):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_login(client, make_staff(Role.ADMIN))
    upload = SimpleUploadedFile(
        "wijken.csv", "wijkcode;wijknaam;buurtcode;buurtnaam\nWK000101;Noord;BU00010199;Nieuwbouw\n".encode("cp1252")
    )
    response = client.post("/beheer/wijken", {"action": "csv", "file": upload}, HTTP_HOST=HOST, follow=True)
    assert "1 buurten toegevoegd" in response.content.decode()
    assert Neighbourhood.objects.filter(code="BU00010199", municipality=municipality).exists()


def test_the_admin_grants_and_revokes_a_role(client, make_staff, municipality, resident):
    staff_login(client, make_staff(Role.ADMIN))
    client.post("/beheer/rollen", {"action": "grant", "email": resident.email, "role": "moderator"}, HTTP_HOST=HOST)
    assert RoleAssignment.objects.filter(user=resident, role="moderator").exists()
    client.post("/beheer/rollen", {"action": "revoke", "email": resident.email, "role": "moderator"}, HTTP_HOST=HOST)
    assert not RoleAssignment.objects.filter(user=resident, role="moderator").exists()


def test_non_admins_cannot_open_the_configuration_pages(client, make_staff, municipality):
    staff_login(client, make_staff(Role.MODERATOR))
    for url in ("/beheer/gemeente", "/beheer/wijken", "/beheer/rollen"):
        assert client.get(url, HTTP_HOST=HOST).status_code == 403


def test_too_many_submissions_in_an_hour_get_a_friendly_refusal(client, published, municipality, neighbourhood):
    commenter = make_resident(municipality, neighbourhood)
    client.force_login(commenter)
    statuses = [
        client.post(f"/initiatieven/{published.pk}/reageren", {"body": f"Reactie {i}"}, HTTP_HOST=HOST).status_code
        for i in range(31)
    ]
    assert statuses[:30] == [302] * 30
    assert statuses[30] == 429
    assert published.comments.count() == 30


def test_a_new_installation_gets_its_municipality_and_first_admin_by_command(db, monkeypatch):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from zwerm.accounts.selectors import user_has_role

    call_command(
        "create_municipality",
        "--name",
        "Voorbeeld",
        "--slug",
        "voorbeeld",
        "--code",
        "GM0344",
        "--host",
        "voorbeeld.localhost",
        stdout=io.StringIO(),
    )
    monkeypatch.setenv("ZWERM_ADMIN_PASSWORD", "een-lang-beheerderswachtwoord")
    call_command(
        "add_admin", "--municipality", "voorbeeld", "--email", "b@voorbeeld.nl", "--name", "Bea", stdout=io.StringIO()
    )
    municipality = Municipality.objects.get(slug="voorbeeld")
    from zwerm.accounts.models import User

    assert user_has_role(user=User.objects.get(email="b@voorbeeld.nl"), municipality=municipality, roles=Role.ADMIN)
    with pytest.raises(CommandError, match="al een beheerder"):
        call_command(
            "add_admin", "--municipality", "voorbeeld", "--email", "c@voorbeeld.nl", "--name", "C", stdout=io.StringIO()
        )
    with pytest.raises(CommandError, match="GM0344"):
        call_command("create_municipality", "--name", "X", "--slug", "x", "--code", "GM12", stdout=io.StringIO())
