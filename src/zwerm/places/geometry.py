"""Shapes of wijken and buurten as plain Python: no Django, so the import command, the selectors, the map
renderer and the tests share one reading of a shape.

A shape is stored as GeoJSON text in WGS84 (longitude, latitude; ADR 0025): a Polygon or MultiPolygon,
made valid and snapped to 6 decimals (about 10 cm). Point-in-polygon and simplification use shapely;
RD New (EPSG:28992), the CBS wijk- en buurtkaart's coordinates, is turned into WGS84 with pyproj."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
import shapely.errors
import shapely.geometry
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry
from shapely.prepared import PreparedGeometry, prep

WGS84 = 4326
RD_NEW = 28992
PRECISION = 1e-6  # degrees: about 10 cm, more than a municipal map needs
OUTLINE_TOLERANCE = 5e-5  # degrees: about 4 m, less than a pixel on a map of a whole town


class ShapeError(ValueError):
    """A shape that is not a usable wijk or buurt area."""


@dataclass(frozen=True)
class Bounds:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def epsg_of(crs_text: str | int | None) -> int:
    """The EPSG code of a CRS as files name it ("EPSG:28992", "urn:ogc:def:crs:EPSG::28992",
    "urn:ogc:def:crs:OGC:1.3:CRS84", 28992). None means WGS84, as GeoJSON (RFC 7946) says."""
    if crs_text in (None, ""):
        return WGS84
    try:
        crs = CRS.from_user_input(crs_text)
    except Exception as error:  # pyproj raises its own CRSError for any unknown text
        raise ShapeError(f"unknown coordinate system: {crs_text}") from error
    if crs.equals(CRS.from_epsg(WGS84), ignore_axis_order=True):
        return WGS84
    code = crs.to_epsg()
    if code is None:
        raise ShapeError(f"coordinate system without an EPSG code: {crs_text}")
    return int(code)


@lru_cache(maxsize=8)
def _transformer(epsg: int) -> Transformer:
    return Transformer.from_crs(epsg, WGS84, always_xy=True)


def to_wgs84(geometry: BaseGeometry, epsg: int) -> BaseGeometry:
    """`geometry` in longitude/latitude; coordinates in `epsg` (RD New or WGS84, or any EPSG pyproj knows)."""
    if epsg == WGS84:
        return geometry
    transformer = _transformer(epsg)
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def looks_like_rd(geometry: BaseGeometry) -> bool:
    """Coordinates beyond longitude/latitude range: a GeoJSON file without a `crs` member in metres (RD New)."""
    min_x, min_y, max_x, max_y = geometry.bounds
    return max(abs(min_x), abs(max_x)) > 180 or max(abs(min_y), abs(max_y)) > 90


def clean(geometry: BaseGeometry | None) -> BaseGeometry:
    """An area shape in WGS84 as it is stored: Polygon or MultiPolygon, valid, snapped to PRECISION."""
    if geometry is None or geometry.is_empty:
        raise ShapeError("empty shape")
    if not isinstance(geometry, shapely.Polygon | shapely.MultiPolygon):
        raise ShapeError(f"a wijk or buurt is an area, not a {geometry.geom_type}")
    if looks_like_rd(geometry):
        raise ShapeError("coordinates are not longitude/latitude")
    geometry = shapely.force_2d(geometry)
    if not geometry.is_valid:
        geometry = _areas_of(shapely.make_valid(geometry))
    geometry = shapely.set_precision(geometry, PRECISION)
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    areas = _areas_of(geometry)
    if areas.is_empty:
        raise ShapeError("the shape has no area")
    return areas


def _areas_of(geometry: BaseGeometry) -> BaseGeometry:
    """Only the polygon parts (make_valid may leave lines or points beside them)."""
    if isinstance(geometry, shapely.Polygon | shapely.MultiPolygon):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, shapely.Polygon | shapely.MultiPolygon)]
    polygons = [p for g in parts for p in (g.geoms if isinstance(g, shapely.MultiPolygon) else [g])]
    return shapely.MultiPolygon(polygons) if polygons else shapely.Polygon()


def as_text(geometry: BaseGeometry) -> str:
    """The stored form: compact GeoJSON geometry text."""
    return shapely.to_geojson(geometry)


def from_text(text: str) -> BaseGeometry:
    return shapely.from_geojson(text)


def parse(value: BaseGeometry | str | dict) -> BaseGeometry:
    """A geometry given as shapely, GeoJSON text or a GeoJSON mapping (always WGS84), cleaned."""
    if isinstance(value, dict):
        value = shapely.geometry.shape(value)
    elif isinstance(value, str):
        try:
            value = from_text(value)
        except shapely.errors.GEOSException as error:
            raise ShapeError("not a GeoJSON geometry") from error
    return clean(value)


def outline(geometry: BaseGeometry) -> BaseGeometry:
    """The shape simplified for drawing: topology kept, detail below OUTLINE_TOLERANCE dropped."""
    simple = geometry.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
    return geometry if simple.is_empty else simple


def bounds(geometry: BaseGeometry) -> Bounds:
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    return Bounds(min_lon, min_lat, max_lon, max_lat)


@lru_cache(maxsize=1024)
def _prepared(text: str) -> PreparedGeometry:
    return prep(from_text(text))


def covers(text: str, *, lon: float, lat: float) -> bool:
    """Whether the stored shape `text` holds the point (a point on the border counts as inside)."""
    return bool(_prepared(text).covers(shapely.Point(lon, lat)))


def union(texts: list[str]) -> BaseGeometry:
    """One area of several stored shapes (a wijk drawn from its buurten)."""
    return clean(shapely.union_all([from_text(t) for t in texts]))
