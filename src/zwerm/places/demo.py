"""Made-up shapes for the demo municipality Zwermstad: generated here, copied from no map.

The town is a wobbly disc about 6 km across; each buurt is the part of it nearest to its own centre (a Voronoi
cell of made-up points), and each wijk the union of its buurten. The same shapes come out on every run."""

from __future__ import annotations

import math

import shapely

from zwerm.core.models import Municipality

from .models import Neighbourhood
from .services import district_shape_from_neighbourhoods, neighbourhood_shape_save

CENTRE = (5.45, 52.20)  # longitude, latitude of the made-up town's middle
KM_PER_DEGREE = 111.2

# buurt code -> its made-up centre, km east and north of the town's middle
SEEDS = {
    "BU99990101": (0.0, 0.0),  # Binnenstad
    "BU99990102": (1.1, 0.3),  # Stationskwartier
    "BU99990103": (-1.1, -0.2),  # Havenkwartier
    "BU99990201": (-1.4, 1.5),  # Bloemenbuurt
    "BU99990202": (0.0, 1.6),  # Vogelwijk
    "BU99990203": (1.5, 1.4),  # Molenbuurt
    "BU99990204": (0.2, 2.7),  # Parkzicht
    "BU99990301": (-0.4, -1.5),  # Oude Dorp
    "BU99990302": (1.3, -1.4),  # De Akkers
    "BU99990303": (-1.7, -1.6),  # Sportpark
    "BU99990304": (0.3, -2.7),  # Waterkant
}


def _to_lonlat(x_km: float, y_km: float) -> tuple[float, float]:
    lon0, lat0 = CENTRE
    return (
        lon0 + x_km / (KM_PER_DEGREE * math.cos(math.radians(lat0))),
        lat0 + y_km / KM_PER_DEGREE,
    )


def town() -> shapely.Polygon:
    """The town's outline in km: a disc with a wobbly edge, a little longer north-south."""
    points = []
    for i in range(96):
        angle = 2 * math.pi * i / 96
        radius = 3.0 + 0.35 * math.sin(3 * angle) + 0.2 * math.cos(5 * angle + 0.7)
        points.append((radius * math.cos(angle), 1.12 * radius * math.sin(angle)))
    return shapely.Polygon(points)


def buurt_shapes() -> dict[str, shapely.Geometry]:
    """Buurt code -> its made-up shape in WGS84."""
    outline = town()
    seeds = shapely.MultiPoint(list(SEEDS.values()))
    cells = shapely.voronoi_polygons(seeds, extend_to=outline.buffer(1.0)).geoms
    shapes = {}
    for code, seed in SEEDS.items():
        cell = next(c for c in cells if c.covers(shapely.Point(seed)))
        part = cell.intersection(outline)
        shapes[code] = shapely.transform(part, lambda xy: [_to_lonlat(x, y) for x, y in xy])
    return shapes


def demo_shapes_save(*, municipality: Municipality) -> int:
    """Give the demo's buurten (and so its wijken) their made-up shapes; returns how many buurten got one."""
    shapes = buurt_shapes()
    count = 0
    districts = set()
    for neighbourhood in Neighbourhood.objects.filter(municipality=municipality, code__in=shapes).select_related(
        "district"
    ):
        neighbourhood_shape_save(neighbourhood=neighbourhood, geometry=shapes[neighbourhood.code])
        districts.add(neighbourhood.district)
        count += 1
    for district in districts:
        district_shape_from_neighbourhoods(district=district)
    return count
