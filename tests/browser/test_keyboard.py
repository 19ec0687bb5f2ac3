"""Keyboard only: Tab, Shift+Tab, Space, Enter and typing; no mouse clicks anywhere in these tests."""

import re

from tests.browser.keyboard import assert_focus_visible, focused, tab_to
from tests.foundation.builders import make_initiative, make_resident
from zwerm.initiatives.models import Initiative, Support


def test_skip_link_is_first_and_moves_focus_to_main(page, url, screenshot, municipality):
    page.goto(url("/"))
    skip_link = page.locator("a[href='#main']")
    assert skip_link.bounding_box()["y"] < 0, "the skip link stays out of sight until it has focus"
    page.keyboard.press("Tab")
    first = assert_focus_visible(page)
    assert first["href"] == "#main" and first["text"] == "Direct naar de inhoud"
    box = skip_link.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the skip link is visible when it has focus"
    screenshot(page, "keyboard-skip-link-focused")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab continues inside the main content, past the header and its menu.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_resident_brings_in_an_initiative_by_keyboard(page, context, url, screenshot, login_as, municipality, resident):
    login_as(context, resident)
    page.goto(url("/"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # skip link: into main
    tab_to(page, "the 'Initiatief indienen' link", text="Initiatief indienen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/initiatieven/nieuw")

    # First a submit without a title: the error summary names it and links to the field.
    tab_to(page, "the kind radio group", name="kind")
    page.keyboard.press("Space")
    tab_to(page, "the submit button", text="Indienen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator("#form-errors")
    assert "Titel: Vul een titel in." in summary.inner_text()
    screenshot(page, "keyboard-create-errors")
    tab_to(page, "the error summary's link to the title", text="Titel: Vul een titel in.")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_title"

    page.keyboard.type("Picknicktafel in het park")
    tab_to(page, "the description", name="body")
    page.keyboard.type("Een tafel waar buren samen kunnen eten.")
    tab_to(page, "the buurt choice", name="neighbourhood")
    page.keyboard.type("Buurt 2")
    assert page.locator("#id_neighbourhood option:checked").inner_text().startswith("Buurt 2")
    tab_to(page, "the location", name="location_description")
    page.keyboard.type("Bij de grote eik")
    screenshot(page, "keyboard-create-filled")
    tab_to(page, "the submit button", text="Indienen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/initiatieven/\d+(#.*)?$"))
    screenshot(page, "keyboard-create-done")

    initiative = Initiative.objects.get(title="Picknicktafel in het park")
    assert initiative.author == resident
    assert initiative.kind == "initiative"
    assert initiative.neighbourhood.name == "Buurt 2"
    assert initiative.location_description == "Bij de grote eik"
    assert initiative.status == "submitted"


def test_resident_supports_an_initiative_by_keyboard(
    page, context, url, screenshot, login_as, municipality, neighbourhood, resident, moderator
):
    initiative = make_initiative(
        municipality,
        make_resident(municipality, neighbourhood),
        neighbourhood,
        publish_by=moderator,
        title="Bloembakken in de straat",
    )
    login_as(context, resident)
    page.goto(url("/initiatieven/"))
    tab_to(page, "the initiative's link", text="Bloembakken in de straat")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/initiatieven/{initiative.pk}")
    tab_to(page, "the support button", text="Steunen")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.get_by_role("button", name="Steun intrekken").is_visible()
    screenshot(page, "keyboard-supported")
    assert Support.objects.filter(initiative=initiative, resident=resident).count() == 1
