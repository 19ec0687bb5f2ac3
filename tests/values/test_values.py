"""The municipality's values: only its admins keep them, with clean text, on a page that also works empty."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from zwerm.accounts.roles import Role
from zwerm.values.models import Value
from zwerm.values.services import value_create, value_retire, value_update

from ..foundation.builders import staff_login

HOST = "testdam.localhost"


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.ADMIN)


@pytest.mark.parametrize("who", ["anonymous", "resident", "process_lead", "admin_elsewhere"])
def test_only_an_admin_here_keeps_the_values(who, municipality, other_municipality, resident, make_staff):
    actor = {
        "anonymous": lambda: AnonymousUser(),
        "resident": lambda: resident,
        "process_lead": lambda: make_staff(Role.PROCESS_LEAD),
        "admin_elsewhere": lambda: make_staff(Role.ADMIN, in_municipality=other_municipality),
    }[who]()
    with pytest.raises(PermissionDenied, match="beheerder"):
        value_create(municipality=municipality, actor=actor, name="Samen", description="Met de buurt.")
    assert not Value.objects.exists()


def test_an_admin_names_changes_and_retires_a_value(municipality, admin):
    value = value_create(municipality=municipality, actor=admin, name="Samen", description="Met de buurt.")
    value_update(value=value, actor=admin, name="Samen doen", description="Met de hele buurt.")
    value_retire(value=value, actor=admin)
    value.refresh_from_db()
    assert (value.name, value.retired_at is not None) == ("Samen doen", True)


def test_markup_in_a_value_is_refused_on_its_own_field(municipality, admin):
    with pytest.raises(ValidationError) as error:
        value_create(municipality=municipality, actor=admin, name="<b>Samen</b>", description="Met de buurt.")
    assert "HTML" in error.value.message_dict["name"][0]
    assert not Value.objects.exists()


def test_the_values_page_says_there_are_none_yet_and_adds_the_first(municipality, admin):
    client = staff_login(Client(), admin)
    page = client.get("/beheer/waarden/", HTTP_HOST=HOST).content.decode()
    assert "Er zijn nog geen waarden" in page
    response = client.post("/beheer/waarden/", {"name": "Samen", "description": "Met de buurt."}, HTTP_HOST=HOST)
    assert response.status_code == 302
    page = client.get("/beheer/waarden/", HTTP_HOST=HOST).content.decode()
    assert "Samen" in page and "Er zijn nog geen waarden" not in page
