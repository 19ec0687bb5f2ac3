"""With JavaScript switched off, filtering the list and bringing in an initiative still work."""

import re

import pytest

from tests.foundation.builders import make_initiative
from zwerm.initiatives import services as initiatives
from zwerm.initiatives.models import Initiative
from zwerm.places.selectors import neighbourhood_list


@pytest.fixture
def page_without_js(new_context):
    context = new_context(java_script_enabled=False)
    context.set_default_timeout(10_000)
    return context.new_page()


def test_filtering_the_list_without_javascript(page_without_js, url, screenshot, municipality, resident, moderator):
    page = page_without_js
    first, second = neighbourhood_list(municipality=municipality)[:2]
    make_initiative(municipality, resident, first, publish_by=moderator, title="Idee in buurt 1")
    make_initiative(municipality, resident, second, publish_by=moderator, title="Idee in buurt 2")
    concern = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="concern",
        title="Zorg in buurt 2",
        body="Er wordt te hard gereden.",
        neighbourhood=second,
    )
    initiatives.initiative_status_change(initiative=concern, actor=moderator, to_status="published", reason="Goed.")

    page.goto(url("/initiatieven/"))
    page.get_by_label("Buurt", exact=True).select_option(label="Buurt 2")
    page.get_by_label("Soort").select_option(label="idee")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken en filteren").click()
    assert re.search(r"[?&]kind=idea", page.url) and f"neighbourhood={second.pk}" in page.url
    results = page.locator("#results")
    assert "Idee in buurt 2" in results.inner_text()
    assert "Idee in buurt 1" not in results.inner_text()
    assert "Zorg in buurt 2" not in results.inner_text()
    assert page.get_by_label("Soort").input_value() == "idea", "the chosen filters stay selected"
    screenshot(page, "nojs-list-filtered")


def test_bringing_in_an_initiative_without_javascript(page_without_js, login_as, url, screenshot, resident):
    page = page_without_js
    login_as(page.context, resident)
    page.goto(url("/initiatieven/nieuw"))
    page.get_by_label("zorg").check()
    page.get_by_label("Titel").fill("Te hard rijden")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    assert "Vul een beschrijving in." in page.locator("#form-errors").inner_text()
    assert page.get_by_label("Titel").input_value() == "Te hard rijden", "what was typed is kept"
    assert page.get_by_label("zorg").is_checked()

    page.get_by_label("Beschrijving").fill("Auto's rijden veel te hard door de Dorpsstraat.")
    page.get_by_label("Buurt", exact=True).select_option(label="Buurt 1 (Testdam Noord)")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    assert page.get_by_text("Je initiatief is ingediend").is_visible()
    screenshot(page, "nojs-create-done")
    initiative = Initiative.objects.get(title="Te hard rijden")
    assert (initiative.kind, initiative.author, initiative.status) == ("concern", resident, "submitted")
