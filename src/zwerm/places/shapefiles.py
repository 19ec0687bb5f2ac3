"""Reading the CBS wijk- en buurtkaart: GeoJSON and GeoPackage files, in RD New (EPSG:28992) or WGS84.

Plain Python (no Django, no GDAL): a GeoPackage is an SQLite database, read with the standard library; each
geometry is a GeoPackage header followed by WKB, which shapely reads. Every feature whose code is a buurt
(`BUxxxxxxxx`) or wijk (`WKxxxxxx`) becomes an `AreaFeature` with its shape in WGS84; gemeenten and other
rows are skipped. The property names of the CBS files over the years are understood: `buurtcode`/`BU_CODE`,
`wijkcode`/`WK_CODE`, `buurtnaam`/`BU_NAAM`, `wijknaam`/`WK_NAAM`, and `statcode`/`statnaam` of the CBS
gebiedsindelingen. `only` (a municipality's four digits, "0344") keeps the other municipalities' features
out before their geometry is even read: the national files hold every buurt of the country."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.errors
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from . import geometry as geo

SQLITE_MAGIC = b"SQLite format 3\x00"
BUURT = re.compile(r"^BU\d{8}$")
WIJK = re.compile(r"^WK\d{6}$")
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class ShapeFileError(ValueError):
    """A file that is not a readable GeoJSON or GeoPackage of wijken and buurten."""


@dataclass(frozen=True)
class AreaFeature:
    kind: str  # "wijk" or "buurt"
    code: str
    name: str
    district_code: str  # the wijk of a buurt (its own code for a wijk)
    shape: BaseGeometry  # WGS84


def _lower(properties: dict) -> dict:
    return {str(k).lower(): v for k, v in (properties or {}).items()}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _identify(properties: dict) -> tuple[str, str, str, str] | None:
    """(kind, code, name, wijk code) of a feature's properties, or None for anything but a wijk or buurt."""
    p = _lower(properties)
    buurt = _text(p.get("buurtcode") or p.get("bu_code")).upper()
    wijk = _text(p.get("wijkcode") or p.get("wk_code")).upper()
    stat = _text(p.get("statcode")).upper()
    if BUURT.match(buurt) or BUURT.match(stat):
        code = buurt if BUURT.match(buurt) else stat
        name = _text(p.get("buurtnaam") or p.get("bu_naam") or p.get("statnaam")) or code
        return "buurt", code, name, wijk if WIJK.match(wijk) else "WK" + code[2:8]
    if WIJK.match(wijk) or WIJK.match(stat):
        code = wijk if WIJK.match(wijk) else stat
        name = _text(p.get("wijknaam") or p.get("wk_naam") or p.get("statnaam")) or code
        return "wijk", code, name, code
    return None


def _wanted(code: str, only: str | None) -> bool:
    return only is None or code[2:6] == only


def _feature(found: tuple[str, str, str, str], shape: BaseGeometry, epsg: int) -> AreaFeature:
    kind, code, name, district_code = found
    if epsg == geo.WGS84 and geo.looks_like_rd(shape):
        epsg = geo.RD_NEW  # a GeoJSON file in metres that does not say so
    try:
        cleaned = geo.clean(geo.to_wgs84(shape, epsg))
    except geo.ShapeError as error:
        raise ShapeFileError(f"{code}: {error}") from error
    return AreaFeature(kind, code, name, district_code, cleaned)


def read_geojson(data: bytes, *, only: str | None = None) -> list[AreaFeature]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ShapeFileError(f"not JSON: {error}") from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ShapeFileError("not a GeoJSON FeatureCollection")
    crs = ((document.get("crs") or {}).get("properties") or {}).get("name")
    try:
        epsg = geo.epsg_of(crs)
    except geo.ShapeError as error:
        raise ShapeFileError(str(error)) from error
    features = []
    for feature in document.get("features") or []:
        found = _identify((feature or {}).get("properties") or {})
        if found is None or not _wanted(found[1], only) or not feature.get("geometry"):
            continue
        try:
            shape = shapely.geometry.shape(feature["geometry"])
        except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as error:
            raise ShapeFileError(f"{found[1]}: {error}") from error
        features.append(_feature(found, shape, epsg))
    return features


def gpkg_geometry(blob: bytes) -> BaseGeometry | None:
    """The geometry of a GeoPackage geometry blob: the "GP" header (with its optional envelope), then WKB."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ShapeFileError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0b0010_0000:
        raise ShapeFileError("extended GeoPackage geometries are not supported")
    if flags & 0b0001_0000:
        return None  # an empty geometry
    envelope = ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ShapeFileError("unknown GeoPackage envelope")
    return shapely.from_wkb(bytes(blob[8 + envelope :]))


def gpkg_srs_id(blob: bytes) -> int:
    """The srs_id in a geometry's header (little- or big-endian as its flags say)."""
    return struct.unpack("<i" if blob[3] & 1 else ">i", bytes(blob[4:8]))[0]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def read_geopackage(path: Path, *, only: str | None = None) -> list[AreaFeature]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise ShapeFileError(f"cannot open: {error}") from error
    try:
        return _read_layers(connection, only)
    except sqlite3.Error as error:
        raise ShapeFileError(f"not a GeoPackage: {error}") from error
    finally:
        connection.close()


def _read_layers(connection: sqlite3.Connection, only: str | None) -> list[AreaFeature]:
    srs = {
        srs_id: (organization, coordsys)
        for srs_id, organization, coordsys in connection.execute(
            "SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys"
        )
    }
    layers = connection.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'"
    ).fetchall()
    features = []
    for table, column, srs_id in layers:
        organization, coordsys = srs.get(srs_id, ("EPSG", srs_id))
        epsg = int(coordsys) if str(organization).upper() == "EPSG" and int(coordsys) > 0 else geo.WGS84
        cursor = connection.execute(f"SELECT * FROM {_quote(table)}")  # noqa: S608 (a quoted table name)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            values = dict(zip(names, row, strict=True))
            blob = values.pop(column)
            found = _identify(values)
            if found is None or not _wanted(found[1], only) or blob is None:
                continue
            shape = gpkg_geometry(blob)
            if shape is not None:
                features.append(_feature(found, shape, epsg))
    return features


def read_shape_file(path: Path, *, only: str | None = None) -> list[AreaFeature]:
    """The wijken and buurten of a GeoJSON or GeoPackage file (told apart by content, not by name)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        return read_geopackage(path, only=only)
    return read_geojson(path.read_bytes(), only=only)


def is_shape_file(path: Path) -> bool:
    """Whether `path` is a GeoJSON or GeoPackage file rather than a CSV list of codes."""
    if path.suffix.lower() in (".geojson", ".json", ".gpkg"):
        return True
    with path.open("rb") as handle:
        head = handle.read(64)
    return head.startswith(SQLITE_MAGIC) or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
