"""A point in WGS84 and the rounded point the public sees.

The public never sees the point as chosen: it is snapped to the centre of a grid cell of
ZWERM_LOCATION_PUBLIC_GRID_METRES (default 100 m), the scale of a street or a part of a buurt, so a single
house cannot be found from it. The grid is fixed (its size in degrees is computed at 52° north, the middle
of the Netherlands, not at the point itself): the same cell always gives the same public point, so asking
again or averaging gives nothing more away.
"""

import enum
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

METRES_PER_DEGREE_LAT = 111_320.0
GRID_LATITUDE = 52.0
# The Netherlands with its waters, generously (WGS84): a point outside is a mistake or someone playing.
BOUNDS = (3.0, 50.6, 7.5, 53.8)  # west, south, east, north
DECIMALS = 6  # about 10 cm: what is stored


class Keep(enum.Enum):
    """For updates: leave the location as it is (None takes it away)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class Point:
    lon: float
    lat: float

    def as_geojson(self) -> dict:
        return {"type": "Point", "coordinates": [self.lon, self.lat]}


def point_from(lon, lat) -> Point | None:
    """A checked point from two numbers (or strings with a dot), or None when both are empty."""
    if lon in (None, "") and lat in (None, ""):
        return None
    try:
        point = Point(lon=round(float(lon), DECIMALS), lat=round(float(lat), DECIMALS))
    except (TypeError, ValueError):
        raise ValidationError(_("Deze plek is niet te lezen. Kies de plek opnieuw.")) from None
    if not all(math.isfinite(v) for v in (point.lon, point.lat)):
        raise ValidationError(_("Deze plek is niet te lezen. Kies de plek opnieuw."))
    west, south, east, north = BOUNDS
    if not (west <= point.lon <= east and south <= point.lat <= north):
        raise ValidationError(_("Deze plek ligt niet in Nederland. Kies een plek in de gemeente."))
    return point


def grid_metres() -> int:
    return max(int(getattr(settings, "ZWERM_LOCATION_PUBLIC_GRID_METRES", 100)), 1)


def public_point(point: Point | None, *, metres: int | None = None) -> Point | None:
    """The centre of the grid cell the point lies in: what pages, the API and open data show."""
    if point is None:
        return None
    size = metres or grid_metres()
    step_lat = size / METRES_PER_DEGREE_LAT
    step_lon = size / (METRES_PER_DEGREE_LAT * math.cos(math.radians(GRID_LATITUDE)))
    lon = (math.floor(point.lon / step_lon) + 0.5) * step_lon
    lat = (math.floor(point.lat / step_lat) + 0.5) * step_lat
    return Point(lon=round(lon, 5), lat=round(lat, 5))


def distance_metres(a: Point, b: Point) -> float:
    """Distance on the sphere (haversine), good enough at a town's scale."""
    r = 6_371_000.0
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))
