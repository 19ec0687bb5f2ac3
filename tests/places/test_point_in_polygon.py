"""A point gets its buurt and wijk from the shapes (places.selectors.neighbourhood_at / district_at)."""

import pytest
from django.core.exceptions import ValidationError

from zwerm.places.selectors import district_at, neighbourhood_at
from zwerm.places.services import (
    district_save,
    district_shape_from_neighbourhoods,
    district_shape_save,
    neighbourhood_save,
    neighbourhood_shape_save,
)


def square(lon: float, lat: float, size: float = 0.01) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
    }


@pytest.fixture
def shaped(municipality):
    """Two wijken side by side; Noord has buurten Oost and West, and a buurt Plas with a hole (a lake)."""
    noord = district_save(municipality=municipality, code="WK000101", name="Noord")
    zuid = district_save(municipality=municipality, code="WK000102", name="Zuid")
    west = neighbourhood_save(municipality=municipality, district=noord, code="BU00010101", name="West")
    oost = neighbourhood_save(municipality=municipality, district=noord, code="BU00010102", name="Oost")
    plas = neighbourhood_save(municipality=municipality, district=zuid, code="BU00010201", name="Plas")
    neighbourhood_shape_save(neighbourhood=west, geometry=square(5.00, 52.00))
    neighbourhood_shape_save(neighbourhood=oost, geometry=square(5.01, 52.00))
    with_hole = {
        "type": "Polygon",
        "coordinates": [
            square(5.00, 51.98, 0.02)["coordinates"][0],
            square(5.005, 51.985, 0.01)["coordinates"][0],
        ],
    }
    neighbourhood_shape_save(neighbourhood=plas, geometry=with_hole)
    district_shape_from_neighbourhoods(district=noord)
    return {"noord": noord, "zuid": zuid, "west": west, "oost": oost, "plas": plas}


def test_a_point_gets_its_buurt_and_wijk(municipality, shaped):
    found = neighbourhood_at(municipality=municipality, lon=5.015, lat=52.005)
    assert found == shaped["oost"] and found.district == shaped["noord"]
    assert district_at(municipality=municipality, lon=5.005, lat=52.005) == shaped["noord"]


def test_a_point_outside_every_shape_or_in_a_hole_has_no_buurt(municipality, shaped):
    assert neighbourhood_at(municipality=municipality, lon=4.5, lat=52.005) is None
    assert neighbourhood_at(municipality=municipality, lon=5.01, lat=51.99) is None  # the lake
    assert neighbourhood_at(municipality=municipality, lon=5.001, lat=51.99) == shaped["plas"]


def test_a_point_on_a_shared_border_always_gets_the_same_buurt(municipality, shaped):
    assert neighbourhood_at(municipality=municipality, lon=5.01, lat=52.005) == shaped["west"]


def test_the_wijk_comes_from_its_buurten_when_it_has_no_shape_of_its_own(municipality, shaped):
    assert not hasattr(shaped["zuid"], "shape") or shaped["zuid"].shape is None
    assert district_at(municipality=municipality, lon=5.001, lat=51.99) == shaped["zuid"]


def test_another_municipalitys_shapes_are_never_found(municipality, other_municipality, shaped):
    assert neighbourhood_at(municipality=other_municipality, lon=5.015, lat=52.005) is None


def test_a_wijk_drawn_from_its_buurten_covers_them(municipality, shaped):
    shape = shaped["noord"].shape
    assert (shape.min_lon, shape.max_lon) == pytest.approx((5.00, 5.02))


def test_a_shape_can_be_replaced(municipality, shaped):
    neighbourhood_shape_save(neighbourhood=shaped["oost"], geometry=square(6.0, 53.0))
    assert neighbourhood_at(municipality=municipality, lon=5.015, lat=52.005) is None
    assert neighbourhood_at(municipality=municipality, lon=6.005, lat=53.005) == shaped["oost"]


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [5.0, 52.0]},
        {"type": "Polygon", "coordinates": [[[155000, 463000], [156000, 463000], [156000, 464000], [155000, 463000]]]},
        "not json",
    ],
)
def test_a_shape_that_is_no_area_in_wgs84_is_refused(municipality, shaped, geometry):
    with pytest.raises(ValidationError):
        district_shape_save(district=shaped["zuid"], geometry=geometry)


def test_a_self_crossing_shape_is_made_valid(municipality, shaped):
    bow_tie = {"type": "Polygon", "coordinates": [[[5, 52], [5.01, 52.01], [5.01, 52], [5, 52.01], [5, 52]]]}
    shape = district_shape_save(district=shaped["zuid"], geometry=bow_tie)
    assert '"MultiPolygon"' in shape.geometry
