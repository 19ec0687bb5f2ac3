"""The Django admin (/beheer/django/) asks why before it shows personal data, like Zwerm's own staff pages,
and logs every showing per model; pages without personal data and the index need no purpose."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from zwerm.accounts.models import Membership
from zwerm.accounts.roles import Role
from zwerm.privacy.django_admin.site import PersonalDataAdminSite
from zwerm.privacy.models import PersonalDataAccess

from ..foundation.builders import PASSWORD, current_code, staff_login
from .conftest import get, post

ADMIN = "/beheer/django/"
ACCESS_LOGS = f"{ADMIN}axes/accesslog/"
PURPOSE_TITLE = "Waarom bekijk je deze gegevens?"


def make_superuser(email="technisch@gemeente.example"):
    user = get_user_model().objects.create_superuser(email, PASSWORD, display_name="Technisch beheer")
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def admin_login(client, user, host="testdam.localhost"):
    """Through the Django admin's own log-in form: password plus the current code (django-otp)."""
    response = client.post(
        f"{ADMIN}login/?next={ADMIN}",
        {
            "username": user.email,
            "password": PASSWORD,
            "otp_device": TOTPDevice.objects.get(user=user).persistent_id,
            "otp_token": current_code(user),
        },
        HTTP_HOST=host,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def token(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def give_purpose(client, page: str, purpose="accounts", explanation=""):
    action = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    assert action == f"{ADMIN}privacy/inzage/"
    return post(client, action, {"token": token(page), "purpose": purpose, "explanation": explanation})


@pytest.fixture
def superuser(municipality):
    return make_superuser()


@pytest.fixture
def superuser_client(superuser):
    return admin_login(Client(), superuser)


@pytest.fixture
def logged_in_moderator(moderator):
    """A moderator logged in once: django-axes keeps their e-mail address and IP address."""
    staff_login(Client(), moderator)
    return moderator


def test_the_admin_runs_on_the_site_with_the_purpose_step():
    assert isinstance(admin.site, PersonalDataAdminSite)


def test_the_access_log_asks_why_first_and_logs_nothing_yet(superuser_client, logged_in_moderator):
    response = get(superuser_client, ACCESS_LOGS)
    page = response.content.decode()
    assert response.status_code == 200 and PURPOSE_TITLE in page
    assert "inlogpogingen met IP-adres" in page  # says what is hidden
    assert logged_in_moderator.email not in page and "127.0.0.1" not in page
    assert not PersonalDataAccess.objects.exists()


def test_after_a_purpose_the_access_log_shows_and_every_showing_is_logged(
    superuser_client, superuser, logged_in_moderator, municipality
):
    page = get(superuser_client, ACCESS_LOGS).content.decode()
    response = give_purpose(superuser_client, page, purpose="other", explanation="Vreemde inlogpogingen")
    assert response.status_code == 302 and response["Location"] == ACCESS_LOGS  # back to the admin page
    assert not PersonalDataAccess.objects.exists()  # giving a purpose is not a showing

    shown = get(superuser_client, ACCESS_LOGS).content.decode()
    assert logged_in_moderator.email in shown and PURPOSE_TITLE not in shown
    access = PersonalDataAccess.objects.get()
    assert access.staff == superuser and access.municipality == municipality
    assert access.scope == "admin:axes.accesslog" and access.path == ACCESS_LOGS
    assert access.purpose == "other" and access.explanation == "Vreemde inlogpogingen"
    assert "Django-beheer" in access.what and "inlogpogingen" in access.what

    row = re.search(rf'href="({ACCESS_LOGS}\d+/change/)', shown).group(1)
    assert logged_in_moderator.email in get(superuser_client, row).content.decode()
    assert list(PersonalDataAccess.objects.order_by("pk").values_list("path", flat=True)) == [ACCESS_LOGS, row]


def test_what_was_searched_for_stays_out_of_the_access_log(superuser_client, logged_in_moderator):
    page = get(superuser_client, ACCESS_LOGS).content.decode()
    give_purpose(superuser_client, page, purpose="other", explanation="Vreemde inlogpogingen")
    shown = get(superuser_client, f"{ACCESS_LOGS}?q={logged_in_moderator.email}&o=1").content.decode()
    assert logged_in_moderator.email in shown  # the search itself works
    path = PersonalDataAccess.objects.get().path
    assert logged_in_moderator.email not in path and path.startswith(f"{ACCESS_LOGS}?q=") and "o=1" in path


def test_a_purpose_opens_one_model_only(superuser_client, logged_in_moderator):
    give_purpose(superuser_client, get(superuser_client, ACCESS_LOGS).content.decode())
    devices = get(superuser_client, f"{ADMIN}otp_totp/totpdevice/").content.decode()
    assert PURPOSE_TITLE in devices and logged_in_moderator.email not in devices


def test_a_missing_purpose_shows_the_reason_and_opens_nothing(superuser_client, logged_in_moderator):
    page = get(superuser_client, ACCESS_LOGS).content.decode()
    give_purpose(superuser_client, page, purpose="other")  # "anders" without an explanation
    again = get(superuser_client, ACCESS_LOGS).content.decode()
    assert "Licht toe waarom je deze gegevens bekijkt." in again and PURPOSE_TITLE in again
    assert not PersonalDataAccess.objects.exists()


def test_every_registered_page_with_personal_data_asks_why(superuser_client):
    """Whatever an app registers in the admin: only the municipality (texts, theme) is open without a purpose."""
    open_pages = []
    for model in admin.site._registry:
        url = f"{ADMIN}{model._meta.app_label}/{model._meta.model_name}/"
        response = get(superuser_client, url)
        assert response.status_code == 200, url
        for page in (url, f"{url}add/"):
            if PURPOSE_TITLE not in get(superuser_client, page).content.decode():
                open_pages.append(page)
    assert open_pages == [f"{ADMIN}core/municipality/", f"{ADMIN}core/municipality/add/"]
    assert not PersonalDataAccess.objects.exists()


def test_the_municipality_page_and_the_index_need_no_purpose(superuser_client, municipality):
    index = get(superuser_client, ADMIN)
    assert index.status_code == 200 and PURPOSE_TITLE not in index.content.decode()
    listing = get(superuser_client, f"{ADMIN}core/municipality/").content.decode()
    assert "Testdam" in listing and PURPOSE_TITLE not in listing
    change = get(superuser_client, f"{ADMIN}core/municipality/{municipality.pk}/change/").content.decode()
    assert "testdam.localhost" in change and PURPOSE_TITLE not in change
    assert not PersonalDataAccess.objects.exists()


def test_the_gate_adds_the_same_queries_however_long_the_list(superuser_client, make_staff):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert get(superuser_client, ACCESS_LOGS).status_code == 200
        return len(captured)

    give_purpose(superuser_client, get(superuser_client, ACCESS_LOGS).content.decode())
    staff_login(Client(), make_staff(Role.MODERATOR))
    one_row = queries()
    for role in (Role.PROCESS_LEAD, Role.SPECIALIST, Role.COUNCIL_MEMBER):
        staff_login(Client(), make_staff(role))
    assert queries() == one_row
    assert PersonalDataAccess.objects.count() == 2


def test_a_purpose_for_a_zwerm_page_is_refused_by_the_admin(world, admin_client, superuser_client):
    roles_page = get(admin_client, "/beheer/rollen").content.decode()
    response = post(superuser_client, f"{ADMIN}privacy/inzage/", {"token": token(roles_page), "purpose": "accounts"})
    assert response.status_code == 400


def test_staff_without_the_django_admin_cannot_give_an_admin_purpose(world, admin_client, superuser_client):
    page = get(superuser_client, ACCESS_LOGS).content.decode()
    response = post(admin_client, f"{ADMIN}privacy/inzage/", {"token": token(page), "purpose": "accounts"})
    assert response.status_code == 302 and f"{ADMIN}login/" in response["Location"]
    assert get(admin_client, ACCESS_LOGS)["Location"].startswith(f"{ADMIN}login/")


def test_without_any_municipality_the_pages_with_personal_data_are_refused(db):
    """A fresh installation: nowhere to log a showing, so those pages say why; creating the first
    municipality (the admin's job then) still works."""
    client = admin_login(Client(), make_superuser(), host="beheer.localhost")
    refused = client.get(ACCESS_LOGS, HTTP_HOST="beheer.localhost")
    assert refused.status_code == 403 and "Er is nog geen gemeente" in refused.content.decode()
    assert client.get(ADMIN, HTTP_HOST="beheer.localhost").status_code == 200
    assert client.get(f"{ADMIN}core/municipality/add/", HTTP_HOST="beheer.localhost").status_code == 200
    assert not PersonalDataAccess.objects.exists()


@pytest.fixture
def people_search():
    """A package that registers people with a search, and a page that looks them up (autocomplete)."""
    user_admin = type("UserAdmin", (admin.ModelAdmin,), {"search_fields": ["email"]})
    membership_admin = type("MembershipAdmin", (admin.ModelAdmin,), {"autocomplete_fields": ["user"]})
    admin.site.register(get_user_model(), user_admin)
    admin.site.register(Membership, membership_admin)
    yield f"{ADMIN}autocomplete/?app_label=accounts&model_name=membership&field_name=user&term=inwoner"
    admin.site.unregister(Membership)
    admin.site.unregister(get_user_model())


def test_searching_people_in_a_form_needs_a_purpose_too(superuser_client, resident, people_search):
    response = get(superuser_client, people_search)
    assert response.status_code == 403 and resident.display_name not in response.content.decode()
    assert not PersonalDataAccess.objects.exists()
