"""A resident places an initiative; the public sees only the rounded place (ADR 0026)."""

import pytest

from tests.foundation.builders import make_initiative
from zwerm.initiatives import services as initiatives
from zwerm.initiatives.models import Initiative
from zwerm.locations.points import Point, public_point

from .fake_geocoder import fake_locatieserver

HOST = "testdam.localhost"
EXACT = Point(lon=5.123457, lat=52.098765)


def _form(neighbourhood, **extra):
    return {
        "kind": "idea",
        "title": "Bankje bij de vijver",
        "body": "Een bankje zodat ouderen kunnen uitrusten.",
        "neighbourhood": neighbourhood.pk,
        **extra,
    }


def test_an_initiative_keeps_the_point_and_the_public_sees_it_rounded(municipality, resident, neighbourhood):
    initiative = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Een bankje bij de vijver.",
        neighbourhood=neighbourhood,
        location=EXACT,
    )
    initiative.refresh_from_db()
    assert initiative.location == EXACT
    assert initiative.public_point == public_point(EXACT) != EXACT


def test_an_update_keeps_the_point_unless_told_otherwise(municipality, resident, neighbourhood):
    initiative = make_initiative(municipality, resident, neighbourhood)
    initiatives.initiative_update(
        initiative=initiative,
        editor=resident,
        kind="idea",
        title="Nieuw",
        body="Tekst.",
        neighbourhood=neighbourhood,
        location=EXACT,
    )
    initiatives.initiative_update(
        initiative=initiative, editor=resident, kind="idea", title="Nieuwer", body="Tekst.", neighbourhood=neighbourhood
    )
    assert Initiative.objects.get(pk=initiative.pk).location == EXACT
    initiatives.initiative_update(
        initiative=initiative,
        editor=resident,
        kind="idea",
        title="Zonder",
        body="Tekst.",
        neighbourhood=neighbourhood,
        location=None,
    )
    assert Initiative.objects.get(pk=initiative.pk).location is None


def test_the_form_takes_the_point_the_map_set(resident_client, neighbourhood):
    response = resident_client.post(
        "/initiatieven/nieuw",
        _form(neighbourhood, location_lon="5.123457", location_lat="52.098765"),
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Initiative.objects.get().location == EXACT


def test_the_form_refuses_a_point_outside_the_country(resident_client, neighbourhood):
    response = resident_client.post(
        "/initiatieven/nieuw", _form(neighbourhood, location_lon="-74.0", location_lat="40.7"), HTTP_HOST=HOST
    )
    assert response.status_code == 200
    assert "niet in Nederland" in response.content.decode()
    assert not Initiative.objects.exists()


def test_without_javascript_and_geocoder_the_resident_picks_the_buurt_only(resident_client, neighbourhood, settings):
    settings.ZWERM_GEOCODER = ""
    html = resident_client.get("/initiatieven/nieuw", HTTP_HOST=HOST).content.decode()
    assert 'name="neighbourhood"' in html and 'name="address"' not in html
    response = resident_client.post("/initiatieven/nieuw", _form(neighbourhood), HTTP_HOST=HOST)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.location is None and initiative.neighbourhood == neighbourhood


def test_an_address_becomes_a_point_and_the_address_is_not_kept(resident_client, neighbourhood, settings):
    with fake_locatieserver() as (url, _):
        settings.ZWERM_GEOCODER, settings.ZWERM_GEOCODER_PDOK_URL = "pdok", url
        html = resident_client.get("/initiatieven/nieuw", HTTP_HOST=HOST).content.decode()
        assert 'name="address"' in html
        response = resident_client.post(
            "/initiatieven/nieuw", _form(neighbourhood, address="Bijenstraat 12"), HTTP_HOST=HOST
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    initiative = Initiative.objects.get()
    assert initiative.location == EXACT
    texts = [v for v in Initiative.objects.filter(pk=initiative.pk).values().get().values() if isinstance(v, str)]
    assert not any("Bijenstraat" in v or "12" in v for v in texts)


@pytest.mark.parametrize("who", ["anonymous", "other resident"])
def test_pages_never_show_the_exact_point(
    client, municipality, resident, other_resident, neighbourhood, moderator, who
):
    initiative = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Bij de vijver.",
        neighbourhood=neighbourhood,
        location=EXACT,
    )
    initiatives.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="Goed.")
    if who != "anonymous":
        client.force_login(other_resident)
    html = client.get(f"/initiatieven/{initiative.pk}", HTTP_HOST=HOST).content.decode()
    shown = public_point(EXACT)
    assert f'data-lon="{shown.lon}"' in html and f'data-lat="{shown.lat}"' in html
    for exact in ("5.123457", "52.098765", "5.12345", "52.09876"):
        assert exact not in html


def test_the_buurt_of_the_point_wins_over_the_buurt_picked_by_hand(municipality, resident):
    from zwerm.places.selectors import neighbourhood_list
    from zwerm.places.services import neighbourhood_shape_save

    first, second = neighbourhood_list(municipality=municipality)
    square = {"type": "Polygon", "coordinates": [[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1], [5.1, 52.1], [5.1, 52.0]]]}
    neighbourhood_shape_save(neighbourhood=second, geometry=square)
    initiative = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Bij de vijver.",
        neighbourhood=first,
        location=EXACT,
    )
    assert initiative.neighbourhood == second
    outside = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Bij het bos.",
        neighbourhood=first,
        location=Point(lon=6.0, lat=52.5),
    )
    assert outside.neighbourhood == first


def test_the_map_page_lists_placed_initiatives_and_draws_them_without_javascript(
    client, municipality, resident, neighbourhood, moderator
):
    placed = initiatives.initiative_create(
        author=resident,
        municipality=municipality,
        kind="idea",
        title="Bankje",
        body="Bij de vijver.",
        neighbourhood=neighbourhood,
        location=EXACT,
    )
    initiatives.initiative_status_change(initiative=placed, actor=moderator, to_status="published", reason="Goed.")
    make_initiative(municipality, resident, neighbourhood, publish_by=moderator, title="Geen punt")
    html = client.get("/initiatieven/kaart", HTTP_HOST=HOST).content.decode()
    assert "Bankje" in html and "Geen punt" not in html
    assert "<svg" in html and "<circle" in html and f'href="/initiatieven/{placed.pk}"' in html
    shown = public_point(EXACT)
    assert f"[{shown.lon}, {shown.lat}]" in html  # the GeoJSON for the interactive map: rounded
    assert "5.123457" not in html and "52.098765" not in html


def test_the_map_page_filters_by_buurt(client, municipality, resident, neighbourhood, moderator):
    from zwerm.places.selectors import neighbourhood_list

    other = neighbourhood_list(municipality=municipality).exclude(pk=neighbourhood.pk).first()
    for title, buurt in (("Hier", neighbourhood), ("Daar", other)):
        item = initiatives.initiative_create(
            author=resident,
            municipality=municipality,
            kind="idea",
            title=title,
            body="Tekst.",
            neighbourhood=buurt,
            location=EXACT,
        )
        initiatives.initiative_status_change(initiative=item, actor=moderator, to_status="published", reason="Goed.")
    html = client.get(f"/initiatieven/kaart?neighbourhood={other.pk}", HTTP_HOST=HOST).content.decode()
    assert "Daar" in html and ">Hier<" not in html
