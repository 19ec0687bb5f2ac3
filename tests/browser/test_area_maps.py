"""Maps of wijken (places.maps) in a real browser with axe-core (WCAG 2.1 A/AA), at 1280 and 390 px and in English
(the audit): the public signals page, where the demo's reports of unknown people leave every wijk hatched as
"onvoldoende gegevens" with no number in the map, and the staff dashboard, whose map follows the theme picked
in a plain form (no JavaScript). Screenshots: test-artifacts/screenshots/maps-NN-<step>.png."""

import re

from playwright.sync_api import expect

from zwerm.accounts.roles import Role
from zwerm.places.selectors import district_list
from zwerm.places.services import district_save, district_shape_save, neighbourhood_save
from zwerm.sensing.demo import build_demo_sensing


def square(lon: float, lat: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + 0.02, lat], [lon + 0.02, lat + 0.015], [lon, lat + 0.015], [lon, lat]]],
    }


def test_maps_of_wijken_for_residents_and_staff(page, staff_page, url, audit, municipality, make_staff):
    zuid = district_save(municipality=municipality, code="WK000102", name="Testdam Zuid")
    neighbourhood_save(municipality=municipality, district=zuid, code="BU00010201", name="Buurt Zuid")
    for i, district in enumerate(district_list(municipality=municipality)):
        district_shape_save(district=district, geometry=square(5.0, 52.0 - 0.015 * i))
    build_demo_sensing(municipality=municipality)

    page.goto(url("/signalen/"))
    areas = page.locator("svg.zwerm-map__svg path")
    expect(areas).to_have_count(2)
    for title in page.locator("svg.zwerm-map__svg path.zwerm-map__area--hidden title").all_text_contents():
        assert not re.search(r"\d", title), title
    expect(page.get_by_text("onvoldoende gegevens (minder dan 5)")).to_be_visible()
    audit.check(page, "maps-01-public")

    staff = staff_page(make_staff(Role.PROCESS_LEAD))
    staff.goto(url("/signalen/beheer"))
    expect(staff.locator("svg.zwerm-map__svg path:not(.zwerm-map__area--hidden)")).to_have_count(2)
    audit.check(staff, "maps-02-dashboard")
    choice = staff.get_by_label("Toon op de kaart")
    theme = choice.locator("option").nth(1).text_content()
    choice.select_option(label=theme)
    staff.get_by_role("button", name="Toon kaart").click()
    staff.wait_for_url(re.compile(r"kaart=\d+"))
    expect(staff.locator("caption", has_text=f"Mensen die over {theme} schreven, per wijk")).to_be_visible()
    audit.check(staff, "maps-03-dashboard-theme")
    audit.assert_clean()
