"""The geocoder plug-in: none by default, PDOK's Locatieserver against a local fake (no network)."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from zwerm.locations.geocoders import geocoder
from zwerm.locations.geocoders.pdok import PdokLocatieserver
from zwerm.locations.points import Point
from zwerm.locations.selectors import location_resolve

from .fake_geocoder import EMPTY, fake_locatieserver


def test_there_is_no_geocoder_unless_one_is_configured(settings, municipality):
    settings.ZWERM_GEOCODER = ""
    assert geocoder() is None
    with pytest.raises(ValidationError, match="Kies de buurt"):
        location_resolve(municipality=municipality, address="Bijenstraat 12")


def test_an_unknown_geocoder_stops_with_a_clear_message(settings):
    settings.ZWERM_GEOCODER = "nergens.geocoder.Bestaat"
    with pytest.raises(ImproperlyConfigured, match="ZWERM_GEOCODER"):
        geocoder()


def test_pdok_turns_an_address_into_a_point_within_the_municipality(settings, municipality):
    with fake_locatieserver() as (url, received):
        settings.ZWERM_GEOCODER = "pdok"
        settings.ZWERM_GEOCODER_PDOK_URL = url
        assert isinstance(geocoder(), PdokLocatieserver)
        resolved = location_resolve(municipality=municipality, address="  Bijenstraat   12 ")
    assert resolved.point == Point(lon=5.123457, lat=52.098765)
    (query,) = received
    assert query["q"] == ["Bijenstraat 12"]
    assert "gemeentecode:0001" in query["fq"]  # only the municipality's own addresses
    assert query["rows"] == ["1"]


def test_an_address_that_is_not_found_says_so(settings, municipality):
    with fake_locatieserver(answer=EMPTY) as (url, _):
        settings.ZWERM_GEOCODER, settings.ZWERM_GEOCODER_PDOK_URL = "pdok", url
        with pytest.raises(ValidationError, match="niet gevonden in Testdam"):
            location_resolve(municipality=municipality, address="Nergensweg 1")


def test_a_geocoder_that_fails_leaves_the_resident_a_way_on(settings, municipality):
    with fake_locatieserver(status=503, answer={"fout": "onderhoud"}) as (url, _):
        settings.ZWERM_GEOCODER, settings.ZWERM_GEOCODER_PDOK_URL = "pdok", url
        with pytest.raises(ValidationError, match="kies alleen de buurt"):
            location_resolve(municipality=municipality, address="Bijenstraat 12")


def test_a_geocoder_that_is_not_there_at_all_also_fails_softly(settings, municipality):
    settings.ZWERM_GEOCODER, settings.ZWERM_GEOCODER_PDOK_URL = "pdok", "http://127.0.0.1:9/free"
    with pytest.raises(ValidationError, match="kies alleen de buurt"):
        location_resolve(municipality=municipality, address="Bijenstraat 12")


def test_a_point_from_the_map_needs_no_geocoder(settings, municipality):
    settings.ZWERM_GEOCODER = ""
    resolved = location_resolve(municipality=municipality, lon="5.1", lat="52.1")
    assert resolved.point == Point(lon=5.1, lat=52.1)
