"""Finding 7: a request for a host name this installation does not serve gets 400, never 500."""

import pytest
from django.test import Client


@pytest.fixture
def production_hosts(settings, municipality):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testdam.localhost"]


@pytest.mark.parametrize("path", ["/", "/initiatieven/", "/api/v1/initiatives", "/account/inloggen"])
def test_a_wrong_host_is_a_bad_request(production_hosts, path):
    client = Client(raise_request_exception=False)
    response = client.get(path, HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "attacker.example" not in response.content.decode()


def test_a_wrong_host_on_a_post_is_a_bad_request_too(production_hosts):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    response = client.post("/account/inloggen", {"email": "a@b.example"}, HTTP_HOST="attacker.example")
    assert response.status_code == 400


def test_the_right_host_still_gets_its_page(production_hosts):
    assert Client().get("/", HTTP_HOST="testdam.localhost").status_code == 200
