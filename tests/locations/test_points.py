"""The public never sees a place more precisely than the grid (ADR 0026)."""

import random

import pytest
from django.core.exceptions import ValidationError

from zwerm.locations.points import Point, distance_metres, point_from, public_point


def test_the_public_point_is_never_the_point_chosen_but_lies_near_it():
    rng = random.Random(7)
    for _ in range(500):
        point = Point(lon=round(rng.uniform(4.0, 6.5), 6), lat=round(rng.uniform(51.0, 53.0), 6))
        shown = public_point(point, metres=100)
        assert shown != point
        # at most half the cell's diagonal away
        assert distance_metres(point, shown) <= 100 * 0.75


def test_every_house_in_one_cell_gets_the_same_public_point():
    corner = public_point(Point(lon=5.12, lat=52.09), metres=100)
    neighbours = [
        Point(lon=corner.lon + dx, lat=corner.lat + dy) for dx in (-0.0003, 0, 0.0003) for dy in (-0.0002, 0, 0.0002)
    ]
    assert {public_point(p, metres=100) for p in neighbours} == {corner}


def test_the_public_point_is_stable_and_has_no_house_level_digits():
    point = Point(lon=5.123456, lat=52.098765)
    assert public_point(point) == public_point(point)
    shown = public_point(point)
    assert len(str(shown.lon).split(".")[1]) <= 5 and len(str(shown.lat).split(".")[1]) <= 5


def test_the_grid_follows_the_setting(settings):
    line = [Point(lon=5.1 + i * 0.0001, lat=52.1) for i in range(150)]  # about a kilometre
    settings.ZWERM_LOCATION_PUBLIC_GRID_METRES = 100
    fine = {public_point(p) for p in line}
    settings.ZWERM_LOCATION_PUBLIC_GRID_METRES = 500
    coarse = {public_point(p) for p in line}
    assert len(coarse) < len(fine)
    assert all(distance_metres(p, public_point(p)) <= 500 * 0.75 for p in line)


@pytest.mark.parametrize("lon, lat", [("5,1", "52"), ("abc", "52"), ("nan", "52"), ("inf", "52"), ("", "52.1")])
def test_a_point_that_cannot_be_read_is_refused(lon, lat):
    with pytest.raises(ValidationError):
        point_from(lon, lat)


def test_a_point_outside_the_netherlands_is_refused():
    with pytest.raises(ValidationError, match="niet in Nederland"):
        point_from("-0.12", "51.5")


def test_no_point_is_no_location():
    assert point_from("", "") is None and point_from(None, None) is None
