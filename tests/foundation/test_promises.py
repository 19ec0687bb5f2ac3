"""Links and promises lead somewhere: the method page, the API's root, the favicon, the technical admin."""

from django.conf import settings
from django.test import Client

from zwerm.accounts import services as accounts
from zwerm.api import urls as api_urls

HOST = "testdam.localhost"


def test_the_method_page_explains_each_calculation_and_links_its_document(client, municipality):
    page = client.get("/hoe-we-rekenen", HTTP_HOST=HOST).content.decode()
    for anchor in ('id="dialogen"', 'id="buurtbudget"', 'id="signalen"', 'id="minder-dan-5"'):
        assert anchor in page
    for document in ("dialogues-method.md", "budgets-count.md", "sensing-method.md"):
        assert f"https://example.org/zwerm/docs/{document}" in page
    assert "minder dan 5" in page


def test_every_page_links_to_the_method_page(client, municipality):
    assert 'href="/hoe-we-rekenen"' in client.get("/", HTTP_HOST=HOST).content.decode()


def test_the_api_root_lists_its_resources_and_links_the_openapi_document(client, municipality):
    response = client.get("/api/v1/", HTTP_HOST=HOST)
    assert response.status_code == 200 and response["API-Version"] == settings.ZWERM_API_VERSION
    body = response.json()
    assert body["openapi"] == f"http://{HOST}/api/v1/openapi.json"
    assert body["documentation"].endswith("/docs/api/README.md")
    hrefs = {r["name"]: r["href"] for r in body["resources"]}
    listed = {p.name for p in api_urls.v1 if p.name and "<" not in str(p.pattern) and p.name not in ("root", "openapi")}
    assert listed <= set(hrefs), listed - set(hrefs)  # every collection of the API is on the map
    assert hrefs["initiatives"] == f"http://{HOST}/api/v1/initiatives"
    for href in hrefs.values():
        path = href.removeprefix(f"http://{HOST}")
        assert client.get(path, HTTP_HOST=HOST).status_code in (200, 401, 405), path


def test_favicon_ico_leads_to_the_icon(client, municipality):
    response = client.get("/favicon.ico", HTTP_HOST=HOST)
    assert response.status_code == 301 and response["Location"].endswith("zwerm/favicon.svg")


def test_a_technical_admin_reaches_the_django_admin_and_an_ordinary_staff_member_does_not(db):
    admin = accounts.staff_user_create(
        email="tech@testdam.example", display_name="Tech", password="een-lang-wachtwoord-9", technical_admin=True
    )
    staff = accounts.staff_user_create(
        email="mod@testdam.example", display_name="Mod", password="een-lang-wachtwoord-9"
    )
    assert admin.is_staff and admin.is_superuser
    assert not staff.is_staff and not staff.is_superuser
    assert Client().get("/beheer/django/").status_code == 302  # to the admin's log-in (with a second factor)
