"""The demo's places: points inside the made-up buurt shapes (places.demo), so the demo's maps show something."""

import json
import random

from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import shape

from zwerm.places.models import NeighbourhoodShape

from .points import Point


def demo_point(*, neighbourhood, seed: int) -> Point | None:
    """A point somewhere inside the buurt's shape (the same for the same seed), or None without a shape."""
    row = NeighbourhoodShape.objects.filter(neighbourhood=neighbourhood).first()
    if row is None:
        return None
    area = shape(json.loads(row.geometry))
    west, south, east, north = area.bounds
    rng = random.Random(seed)
    for _ in range(50):
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if area.contains(ShapelyPoint(lon, lat)):
            return Point(lon=round(lon, 6), lat=round(lat, 6))
    inside = area.representative_point()
    return Point(lon=round(inside.x, 6), lat=round(inside.y, 6))
