"""What the interactive map and the server-drawn point map need: the buurten's outlines, the public points
as GeoJSON, and a simple projection for the SVG drawn without JavaScript."""

import json
import math
from dataclasses import dataclass

from django.conf import settings

from zwerm.core.models import Municipality
from zwerm.places.models import NeighbourhoodShape

from .points import Point

# Shapes change when staff import them; the map reads them on every page with a map: keep them a while.
_OUTLINE_CACHE_SECONDS = 300
MAX_HEIGHT = 480


def buurt_outlines(*, municipality: Municipality) -> dict:
    """The municipality's buurten as a GeoJSON FeatureCollection of their simplified outlines (WGS84)."""
    from django.core.cache import cache

    key = f"locations:outlines:{municipality.pk}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    rows = (
        NeighbourhoodShape.objects.filter(neighbourhood__municipality=municipality)
        .select_related("neighbourhood__district")
        .order_by("neighbourhood__code")
    )
    features = [
        {
            "type": "Feature",
            "id": shape.neighbourhood.code,
            "properties": {"name": shape.neighbourhood.name, "district": shape.neighbourhood.district.name},
            "geometry": json.loads(shape.outline or shape.geometry),
        }
        for shape in rows
    ]
    collection = {"type": "FeatureCollection", "features": features}
    cache.set(key, collection, _OUTLINE_CACHE_SECONDS)
    return collection


def map_config(*, municipality: Municipality | None) -> dict:
    """The map's settings for locations.js (a JSON script element on the page)."""
    return {
        "tiles": settings.ZWERM_MAP_TILES_URL,
        "attribution": settings.ZWERM_MAP_TILES_ATTRIBUTION,
        "gridMetres": int(settings.ZWERM_LOCATION_PUBLIC_GRID_METRES),
        "outlines": buurt_outlines(municipality=municipality) if municipality else None,
    }


def feature(*, point: Point, title: str, url: str, kind: str = "") -> dict:
    return {
        "type": "Feature",
        "geometry": point.as_geojson(),
        "properties": {"title": title, "url": url, "kind": kind},
    }


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    title: str
    url: str


@dataclass(frozen=True)
class PointMap:
    """An SVG point map drawn on the server: buurt outlines as paths, places as dots (x, y in the viewBox)."""

    width: int
    height: int
    paths: list[tuple[list[tuple[float, float]], str]]  # (outline points in the viewBox, buurt name)
    dots: list[Dot]


def point_map(*, outlines: dict | None, features: list[dict], width: int = 640) -> PointMap | None:
    """Project outlines and points (equirectangular, scaled by cos(latitude): true enough for one town)."""
    rings: list[tuple[list[list[float]], str]] = []
    for f in (outlines or {}).get("features", []):
        geometry = f["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon[:1]:
                rings.append((ring, f["properties"]["name"]))
    coords = [c for ring, _ in rings for c in ring] + [f["geometry"]["coordinates"] for f in features]
    if not coords:
        return None
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * scale_x, 0.002)
    span_y = max(north - south, 0.002)
    pad = 12
    factor = min((width - 2 * pad) / span_x, (MAX_HEIGHT - 2 * pad) / span_y)
    height = int(span_y * factor) + 2 * pad

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (pad + (lon - west) * scale_x * factor, pad + (north - lat) * factor)

    paths = []
    for ring, name in rings:
        # the template writes each coordinate through markup_number (the same in every language)
        paths.append(([project(lon, lat) for lon, lat in ring], name))
    dots = []
    for f in features:
        x, y = project(*f["geometry"]["coordinates"])
        dots.append(Dot(x=round(x, 1), y=round(y, 1), title=f["properties"]["title"], url=f["properties"]["url"]))
    return PointMap(width=width, height=height, paths=paths, dots=dots)


def places_map(*, municipality: Municipality, features: list[dict], ident: str, label: str) -> dict:
    """The context for locations/_point_map.html."""
    outlines = buurt_outlines(municipality=municipality)
    return {
        "ident": ident,
        "data_ident": f"{ident}-data",
        "label": label,
        "svg": point_map(outlines=outlines, features=features),
        "features": {"type": "FeatureCollection", "features": features},
    }
