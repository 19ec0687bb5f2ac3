"""Locations in a real browser (ADR 0026): a resident places an initiative on the map (JavaScript), the public
sees it rounded, and the map page works without JavaScript; axe on every page."""

import re

import pytest

from zwerm.initiatives import services as initiatives
from zwerm.initiatives.models import Initiative
from zwerm.locations.points import Point, public_point
from zwerm.places.selectors import neighbourhood_list
from zwerm.places.services import neighbourhood_shape_save

# Two made-up buurten side by side (WGS84), so the map has shapes to draw and the point a buurt to fall in.
WEST = {"type": "Polygon", "coordinates": [[[5.10, 52.00], [5.15, 52.00], [5.15, 52.03], [5.10, 52.03], [5.10, 52.00]]]}
EAST = {"type": "Polygon", "coordinates": [[[5.15, 52.00], [5.20, 52.00], [5.20, 52.03], [5.15, 52.03], [5.15, 52.00]]]}


@pytest.fixture
def shaped(municipality):
    first, second = neighbourhood_list(municipality=municipality)[:2]
    neighbourhood_shape_save(neighbourhood=first, geometry=WEST)
    neighbourhood_shape_save(neighbourhood=second, geometry=EAST)
    return first, second


@pytest.fixture
def page_without_js(new_context):
    context = new_context(java_script_enabled=False)
    context.set_default_timeout(10_000)
    return context.new_page()


def test_a_resident_places_an_initiative_on_the_map(page, url, login_as, audit, shaped, resident, moderator):
    west, east = shaped
    login_as(page.context, resident)
    page.goto(url("/initiatieven/nieuw"))
    page.locator(".leaflet-container").wait_for()
    page.get_by_label("idee").check()
    page.get_by_label("Titel").fill("Bankje bij de vijver")
    page.get_by_label("Beschrijving").fill("Een bankje zodat ouderen kunnen uitrusten.")
    page.get_by_label("Buurt", exact=True).select_option(value=str(west.pk))
    # A click in the east half of the map (both buurten fill it) puts the point in the east buurt.
    the_map = page.locator(".leaflet-container")
    box = the_map.bounding_box()
    the_map.click(position={"x": box["width"] * 0.75, "y": box["height"] / 2})
    assert "Plek gekozen" in page.locator("[aria-live=polite]").last.inner_text()
    assert page.locator("[data-location=lon]").input_value() != ""
    audit.check(page, "location-initiative-form")
    page.get_by_role("button", name="Indienen").click(no_wait_after=True)  # the first text loads sensing's models
    page.wait_for_url(re.compile(r"/initiatieven/\d+(#.*)?$"), timeout=60_000)
    initiative = Initiative.objects.get()
    assert initiative.location is not None
    assert initiative.neighbourhood == east, "the buurt of the point wins over the one picked by hand"

    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Goed.")
    page.context.clear_cookies()
    page.goto(url(f"/initiatieven/{initiative.pk}"))
    page.locator(".leaflet-container").wait_for()
    html = page.content()
    exact = initiative.location
    assert f"{exact.lon:.6f}" not in html and f"{exact.lat:.6f}" not in html
    # the interactive map draws the buurten and the place (it stayed blank when the circle came before the view)
    assert page.locator("path.location-map__place").count() == 1
    assert page.locator("path.location-map__buurt").count() >= 1
    audit.check(page, "location-initiative-detail")
    page.goto(url("/initiatieven/kaart"))
    page.locator(".leaflet-container").wait_for()
    assert page.locator("svg.location-points__svg").is_hidden(), "the interactive map replaces the drawn one"
    assert page.locator("path.location-map__place").count() == 1
    assert page.locator("path.location-map__buurt").count() >= 1
    audit.check(page, "location-initiative-map")
    audit.assert_clean()


def test_the_map_page_without_javascript(page_without_js, url, screenshot, shaped, municipality, resident, moderator):
    west, _ = shaped
    item = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Moestuin op het plein",
        body="Samen groente kweken.",
        neighbourhood=west,
        location=Point(lon=5.12, lat=52.01),
    )
    initiatives.initiative_status_change(initiative=item, actor=moderator, to_status="published", reason="Goed.")
    page = page_without_js
    page.goto(url("/initiatieven/kaart"))
    svg = page.locator("svg.location-points__svg")
    assert svg.is_visible() and page.locator(".location-map").first.is_hidden()
    assert svg.locator("circle").count() == 1 and svg.locator("path").count() == 2
    screenshot(page, "location-map-nojs")
    page.goto(url(svg.locator("a").first.get_attribute("href")))
    assert page.url.endswith(f"/initiatieven/{item.pk}")
    shown = public_point(item.location)
    assert page.get_by_text("ongeveer hier").is_visible()
    assert f'data-lon="{shown.lon}"' in page.content()
    screenshot(page, "location-detail-nojs")
