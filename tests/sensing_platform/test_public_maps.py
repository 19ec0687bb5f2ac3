"""Maps of people per wijk on the public signals page and the staff dashboard (places.maps): hidden wijken are
hatched and never carry a number, and a theme's map never lets its total give a small group away."""

import re

import pytest

from tests.foundation.builders import staff_login
from zwerm.accounts.roles import Role
from zwerm.places.services import district_shape_save
from zwerm.sensing.selectors import public_overview

from .test_public_people import HOST, waste_theme


def square(lon: float, lat: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]],
    }


@pytest.fixture
def shaped(districts):
    for i, district in enumerate(sorted(districts.values(), key=lambda d: d.code)):
        district_shape_save(district=district, geometry=square(5.0 + 0.01 * i, 52.0))
    return districts


@pytest.fixture
def noord(shaped, places):
    district = shaped["WK000101"]
    district.hood = next(h for h in places if h.district_id == district.pk)
    return district


@pytest.fixture
def zuid(shaped, places):
    district = shaped["WK000102"]
    district.hood = next(h for h in places if h.district_id == district.pk)
    return district


def map_titles(body: str) -> dict[str, str]:
    """Wijk name -> what its area in the map says (the <title> inside each <path>)."""
    svg = re.search(r'<svg class="zwerm-map__svg".*?</svg>', body, re.S).group(0)
    return dict(t.split(": ", 1) for t in re.findall(r"<path [^>]*><title>([^<]*)</title></path>", svg))


def test_the_public_page_draws_wijken_with_hidden_ones_hatched(client, themed, noord, zuid, residents_write):
    residents_write(noord.hood, people=7, texts=7)
    residents_write(zuid.hood, people=3, texts=3)
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    titles = map_titles(body)
    assert titles["Noord"] == "7" and titles["Zuid"] == "onvoldoende gegevens"
    assert re.search(r'<path [^>]*fill="url\(#districts-map-hatch\)"[^>]*><title>Zuid', body)
    assert "onvoldoende gegevens (minder dan 5)" in body  # the legend


def test_a_theme_map_holds_back_a_wijk_that_would_give_a_small_one_away(
    client, themed, municipality, noord, zuid, residents_write
):
    residents_write(noord.hood, people=7, texts=7)
    residents_write(zuid.hood, people=3, texts=3)
    theme = waste_theme(municipality)
    cells = public_overview(municipality=municipality)["theme_districts"][theme.pk]
    # the theme's total (10) is on the page: with Noord's 7 shown, Zuid's 3 would follow by subtraction
    assert not cells[noord.pk].shown and str(cells[noord.pk]) == "onvoldoende gegevens"  # as if below 5
    body = client.get(f"/signalen/?thema={theme.pk}", HTTP_HOST=HOST).content.decode()
    assert set(map_titles(body).values()) == {"onvoldoende gegevens"}
    assert re.search(r"Noord</th><td[^>]*>onvoldoende gegevens<", body)
    assert f'<option value="{theme.pk}" selected>' in body


def test_a_theme_map_shows_wijken_when_no_small_group_can_be_worked_out(
    client, themed, municipality, noord, zuid, residents_write
):
    residents_write(noord.hood, people=7, texts=7)
    residents_write(zuid.hood, people=5, texts=5)
    theme = waste_theme(municipality)
    body = client.get(f"/signalen/?thema={theme.pk}", HTTP_HOST=HOST).content.decode()
    titles = map_titles(body)
    assert titles["Noord"] == "7" and titles["Zuid"] == "5"


def test_an_unknown_theme_shows_the_map_of_all_themes(client, themed, noord, residents_write):
    residents_write(noord.hood, people=6, texts=6)
    body = client.get("/signalen/?thema=999999", HTTP_HOST=HOST).content.decode()
    assert map_titles(body)["Noord"] == "6" and "Inwoners die schreven, per wijk" in body


def test_without_shapes_the_public_page_keeps_its_bar_chart(client, themed, districts, places, residents_write):
    hood = next(h for h in places if h.district_id == districts["WK000101"].pk)
    residents_write(hood, people=6, texts=6)
    body = client.get("/signalen/", HTTP_HOST=HOST).content.decode()
    assert "zwerm-map__svg" not in body and "zwerm-chart__svg" in body


def test_the_staff_dashboard_draws_exact_counts_per_wijk_and_per_theme(
    client, make_staff, themed, municipality, noord, zuid, residents_write
):
    residents_write(zuid.hood, people=3, texts=3)
    staff_login(client, make_staff(Role.PROCESS_LEAD))
    body = client.get("/signalen/beheer", HTTP_HOST=HOST).content.decode()
    titles = map_titles(body)
    assert set(titles) == {"Noord", "Zuid"} and "onvoldoende gegevens" not in titles.values()  # staff see all
    theme = waste_theme(municipality)
    body = client.get(f"/signalen/beheer?kaart={theme.pk}", HTTP_HOST=HOST).content.decode()
    assert f"Mensen die over {theme.label} schreven, per wijk" in body and 'style="' not in body
    assert map_titles(body)["Zuid"].isdigit()
