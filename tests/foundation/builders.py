"""Fixtures that build municipalities, places and people through the real services."""

import itertools

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.core.services import municipality_create
from zwerm.initiatives import services as initiatives
from zwerm.places.services import district_save, neighbourhood_save

PASSWORD = "een-lang-wachtwoord-voor-tests"
_counter = itertools.count(1)


def make_municipality(*, name="Testdam", code="GM0001", host="testdam.localhost"):
    municipality = municipality_create(name=name, slug=name.lower(), cbs_code=code, hostnames=(host,))
    district = district_save(municipality=municipality, code=f"WK{code[2:]}01", name=f"{name} Noord")
    neighbourhoods = [
        neighbourhood_save(
            municipality=municipality, district=district, code=f"BU{code[2:]}01{i:02d}", name=f"Buurt {i}"
        )
        for i in range(1, 3)
    ]
    return municipality, neighbourhoods


@pytest.fixture
def municipality(db):
    municipality, _ = make_municipality()
    return municipality


@pytest.fixture
def neighbourhood(municipality):
    from zwerm.places.selectors import neighbourhood_list

    return neighbourhood_list(municipality=municipality).first()


@pytest.fixture
def other_municipality(db):
    municipality, _ = make_municipality(name="Andersum", code="GM0002", host="andersum.localhost")
    return municipality


def make_resident(municipality, neighbourhood=None, name=None):
    n = next(_counter)
    return accounts.resident_register(
        municipality=municipality,
        email=f"inwoner{n}@example.org",
        display_name=name or f"Inwoner {n}",
        neighbourhood=neighbourhood,
    )


@pytest.fixture
def resident(municipality, neighbourhood):
    return make_resident(municipality, neighbourhood)


@pytest.fixture
def other_resident(municipality, neighbourhood):
    return make_resident(municipality, neighbourhood)


@pytest.fixture
def make_staff(municipality):
    """make_staff(role) -> a staff user with that role, a password and a confirmed TOTP device."""
    admin = accounts.staff_user_create(
        email=f"admin{next(_counter)}@gemeente.example", display_name="Beheerder", password=PASSWORD
    )
    accounts.role_bootstrap_admin(municipality=municipality, user=admin)
    TOTPDevice.objects.create(user=admin, name="test", confirmed=True)

    def make(role, in_municipality=municipality):
        if role == Role.ADMIN and in_municipality == municipality:
            return admin
        user = accounts.staff_user_create(
            email=f"{role}{next(_counter)}@gemeente.example", display_name=f"Medewerker {role}", password=PASSWORD
        )
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        if in_municipality == municipality:
            accounts.role_grant(actor=admin, municipality=municipality, user=user, role=role)
        else:
            accounts.role_bootstrap_admin(municipality=in_municipality, user=user)
        return user

    return make


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def staff_login(client, user, host="testdam.localhost"):
    """Log in through the real staff form: password plus the current TOTP code."""
    response = client.post(
        "/account/medewerker/inloggen",
        {"email": user.email, "password": PASSWORD, "token": current_code(user)},
        HTTP_HOST=host,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def make_initiative(municipality, author, neighbourhood, *, publish_by=None, title=None, body="Een goed plan."):
    initiative = initiatives.initiative_create(
        author=author,
        municipality=municipality,
        kind="idea",
        title=title or f"Idee {next(_counter)}",
        body=body,
        neighbourhood=neighbourhood,
    )
    if publish_by is not None:
        initiatives.initiative_status_change(
            initiative=initiative, actor=publish_by, to_status="published", reason="Voldoet aan de spelregels."
        )
    return initiative


@pytest.fixture
def moderator(make_staff):
    return make_staff(Role.MODERATOR)


@pytest.fixture
def published(municipality, resident, neighbourhood, moderator):
    return make_initiative(municipality, resident, neighbourhood, publish_by=moderator)


@pytest.fixture
def host():
    return "testdam.localhost"


@pytest.fixture
def resident_client(client, resident):
    client.force_login(resident)
    return client
