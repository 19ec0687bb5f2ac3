"""The server-side map component (places.maps): shaded areas, hidden areas hatched and without a number, a table
with the same rows, numbers written the same in every language."""

import re

import pytest
from defusedxml import ElementTree as SafeTree
from django.template.loader import render_to_string
from django.utils import translation

from zwerm.core.disclosure import people
from zwerm.places.maps import area_map
from zwerm.places.services import district_save, district_shape_save

from .test_point_in_polygon import square

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def wijken(municipality):
    made = []
    for i, name in enumerate(["Akkers", "Beek", "Centrum", "Dorp"]):
        district = district_save(municipality=municipality, code=f"WK00010{i}", name=name)
        district_shape_save(district=district, geometry=square(5.0 + 0.01 * i, 52.0))
        made.append(district)
    made.append(district_save(municipality=municipality, code="WK000109", name="Zonder vorm"))
    return made


def rows(wijken, counts):
    return [(d, people(n).value, people(n).display) for d, n in zip(wijken, counts, strict=True)]


def build(rows, **kwargs):
    return area_map(
        rows,
        title="Kaart: inwoners per wijk",
        caption="Inwoners per wijk",
        label_header="Wijk",
        value_header="Inwoners",
        ident="test-map",
        **kwargs,
    )


def svg_of(html: str):
    found = re.search(r"<svg class=\"zwerm-map__svg\".*?</svg>", html, re.S)
    assert found, html
    return SafeTree.fromstring(found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_hidden_areas_are_hatched_and_never_show_a_number(wijken):
    chart = build(rows(wijken, [12, 3, 0, 40, 7]))
    html = render_to_string("places/_area_map.html", {"map": chart})
    svg = svg_of(html)
    paths = svg.findall(f"{SVG}path")
    assert len(paths) == 4  # the wijk without a shape is only in the table
    hidden = [p for p in paths if "zwerm-map__area--hidden" in p.get("class")]
    titles = [p.find(f"{SVG}title").text for p in hidden]
    assert titles == ["Beek: onvoldoende gegevens", "Centrum: onvoldoende gegevens"]
    assert all(p.get("fill") == "url(#test-map-hatch)" for p in hidden)
    for p in hidden:
        assert not re.search(r"\d", p.find(f"{SVG}title").text)
    shown = {p.find(f"{SVG}title").text for p in paths if p not in hidden}
    assert shown == {"Akkers: 12", "Dorp: 40"}
    assert "minder dan 5" in html and ">3<" not in html


def test_a_small_value_passed_by_mistake_is_still_hidden(wijken):
    careless = [(d, n, str(n)) for d, n in zip(wijken, [12, 3, 9, 40, 7], strict=True)]
    chart = build(careless)
    beek = next(a for a in chart.areas if a.label == "Beek")
    assert beek.hidden and beek.shown == "minder dan 5"
    html = render_to_string("places/_area_map.html", {"map": chart})
    assert 'Beek</th><td class="utrecht-table__cell">minder dan 5' in html
    assert all("3" not in item.label for item in chart.legend)


def test_the_legend_has_classes_of_published_values_and_the_hatched_item(wijken):
    chart = build(rows(wijken, [12, 3, 0, 40, 7]))
    labels = [item.label for item in chart.legend]
    assert labels[-1].startswith("onvoldoende gegevens") and chart.legend[-1].fill == ""
    assert labels[:-1] == ["7", "12", "40"]
    fills = {a.label: a.fill for a in chart.areas}
    assert fills["Dorp"] != fills["Akkers"] and fills["Beek"] == ""


@pytest.mark.parametrize("language", ["nl", "en"])
def test_coordinates_are_written_with_a_dot_in_every_language(wijken, language, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override(language):
        html = render_to_string("places/_area_map.html", {"map": build(rows(wijken, [12, 30, 20, 40, 7]))})
    svg = svg_of(html)
    assert re.fullmatch(r"0 0 640 \d+", svg.get("viewBox"))
    for path in svg.findall(f"{SVG}path"):
        assert re.fullmatch(r"(M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+ Z ?)+", path.get("d")), path.get("d")


def test_without_shapes_the_table_stands_alone(municipality):
    bare = district_save(municipality=municipality, code="WK000108", name="Nergens")
    chart = build([(bare, 20, "20")])
    html = render_to_string("places/_area_map.html", {"map": chart})
    assert not chart.drawn and "<svg" not in html and "Nergens" in html and "zwerm-chart--table-only" in html


def test_the_map_has_a_title_for_assistive_technology(wijken):
    html = render_to_string("places/_area_map.html", {"map": build(rows(wijken, [12, 30, 20, 40, 7]))})
    svg = svg_of(html)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "test-map-title"
    assert svg.find(f"{SVG}title").text == "Kaart: inwoners per wijk"


def test_a_map_of_buurten_draws_each_buurt(municipality):
    from zwerm.places.services import neighbourhood_save, neighbourhood_shape_save

    district = district_save(municipality=municipality, code="WK000107", name="Kanaal")
    rows = []
    for i in range(3):
        hood = neighbourhood_save(municipality=municipality, district=district, code=f"BU0001070{i}", name=f"Sluis {i}")
        neighbourhood_shape_save(neighbourhood=hood, geometry=square(6.0 + 0.01 * i, 52.0))
        rows.append((hood, 10 * (i + 1), str(10 * (i + 1))))
    chart = build(rows)
    assert [a.tooltip for a in chart.drawn] == ["Sluis 0: 10", "Sluis 1: 20", "Sluis 2: 30"]
    assert chart.width == 640 and 0 < chart.height <= 560
