"""Turn what a form received (a point from the map, or an address for the geocoder) into a checked location."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality
from zwerm.places import selectors as places
from zwerm.places.models import Neighbourhood

from .geocoders import GeocoderUnavailable, geocoder
from .points import Point, point_from


@dataclass(frozen=True)
class Resolved:
    point: Point
    neighbourhood: Neighbourhood | None  # the buurt the point lies in, when the municipality has shapes


def neighbourhood_for_point(*, municipality: Municipality, point: Point) -> Neighbourhood | None:
    """The buurt a point lies in (point-in-polygon over the shapes of places, ADR 0025), or None outside every
    known buurt (and always None for a municipality without shapes)."""
    return places.neighbourhood_at(municipality=municipality, lon=point.lon, lat=point.lat)


def geocoding_available() -> bool:
    return geocoder() is not None


def location_resolve(*, municipality: Municipality, lon=None, lat=None, address: str = "") -> Resolved | None:
    """An address typed is looked up (and then forgotten: only the point is kept); else the point chosen on
    the map is taken."""
    point = None
    if (address or "").strip():
        coder = geocoder()
        if coder is None:
            raise ValidationError(_("Een adres opzoeken kan hier niet. Kies de buurt in de lijst."), code="no_geocoder")
        try:
            found = coder.geocode(address, municipality=municipality)
        except GeocoderUnavailable:
            raise ValidationError(
                _("Het adres kon nu niet worden opgezocht. Probeer het later nog eens, of kies alleen de buurt."),
                code="geocoder_unavailable",
            ) from None
        if found is None:
            raise ValidationError(
                _("Dit adres is niet gevonden in %(name)s. Kijk of het goed is geschreven.")
                % {"name": municipality.name},
                code="not_found",
            )
        point = found.point
    else:
        point = point_from(lon, lat)
    if point is None:
        return None
    return Resolved(point=point, neighbourhood=neighbourhood_for_point(municipality=municipality, point=point))
