"""`zwerm import_places` reads wijk and buurt shapes from CBS-style GeoJSON and GeoPackage files, in RD New or
WGS84. The files are made up here, by the test: never real CBS data."""

import io
import json
import sqlite3
import struct

import pytest
import shapely
from django.core.management import CommandError, call_command

from zwerm.places.models import District, Neighbourhood
from zwerm.places.selectors import district_at, neighbourhood_at
from zwerm.places.shapefiles import ShapeFileError, gpkg_geometry, read_geojson

# A point in Utrecht in RD New and in WGS84 (pyproj: 155000, 463000 -> 5.38720, 52.15517).
RD_X, RD_Y = 155000, 463000
LON, LAT = 5.38720, 52.15517


def rd_square(x: float, y: float, size: float = 500) -> shapely.Polygon:
    return shapely.box(x, y, x + size, y + size)


def wgs_square(lon: float, lat: float, size: float = 0.01) -> shapely.Polygon:
    return shapely.box(lon, lat, lon + size, lat + size)


def features_2023():
    """The 2023 CBS kaart's property names: buurten of Testdam (GM0001) and one of another municipality."""
    return [
        (
            {"wijkcode": "WK000191", "wijknaam": "Binnenstad", "gemeentecode": "GM0001"},
            rd_square(RD_X - 500, RD_Y - 500, 1000),
        ),
        (
            {"buurtcode": "BU00019101", "buurtnaam": "Oude Haven", "wijkcode": "WK000191"},
            rd_square(RD_X - 500, RD_Y - 500),
        ),
        ({"buurtcode": "BU00019102", "buurtnaam": "Domplein", "wijkcode": "WK000191"}, rd_square(RD_X, RD_Y - 500)),
        ({"buurtcode": "BU00019201", "buurtnaam": "Polder", "wijkcode": "WK000192"}, rd_square(RD_X + 2000, RD_Y)),
        ({"buurtcode": "BU00020101", "buurtnaam": "Elders", "wijkcode": "WK000201"}, rd_square(RD_X, RD_Y)),
        ({"gemeentecode": "GM0001", "gemeentenaam": "Testdam"}, rd_square(RD_X - 5000, RD_Y - 5000, 10000)),
    ]


def geojson_file(tmp_path, features, *, crs: str | None = "urn:ogc:def:crs:EPSG::28992", name="kaart.geojson"):
    document = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": props, "geometry": json.loads(shapely.to_geojson(shape))}
            for props, shape in features
        ],
    }
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def gpkg_blob(shape: shapely.Geometry, srs_id: int, *, envelope: bool = True) -> bytes:
    """A GeoPackage geometry: "GP", version 0, flags (little-endian, envelope [minx maxx miny maxy]), srs_id, WKB."""
    flags = 0b0000_0011 if envelope else 0b0000_0001
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id)
    if envelope:
        minx, miny, maxx, maxy = shape.bounds
        header += struct.pack("<4d", minx, maxx, miny, maxy)
    return header + shapely.to_wkb(shape, byte_order=1)


def gpkg_file(tmp_path, layers: dict[str, list], *, srs_id: int = 28992, name="kaart.gpkg"):
    path = tmp_path / name
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
            organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
            srs_id INTEGER, z INTEGER, m INTEGER);
        """
    )
    db.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', 28992, '', '')")
    db.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '', '')")
    for table, rows in layers.items():
        columns = sorted({k for props, _shape in rows for k in props})
        db.execute(
            f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY, geom BLOB, {", ".join(c + " TEXT" for c in columns)})'
        )
        db.execute("INSERT INTO gpkg_contents VALUES (?, 'features', ?)", (table, table))
        db.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)", (table, srs_id))
        for props, shape in rows:
            db.execute(
                f'INSERT INTO "{table}" (geom, {", ".join(columns)}) VALUES (?, {", ".join("?" for _c in columns)})',  # noqa: S608 (the test's own names)
                [gpkg_blob(shape, srs_id), *(props.get(c) for c in columns)],
            )
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")  # a table that is no layer
    db.commit()
    db.close()
    return path


def run(path, municipality="testdam"):
    out = io.StringIO()
    call_command("import_places", str(path), "--municipality", municipality, stdout=out)
    return out.getvalue()


def test_a_geojson_file_in_rd_new_gives_wijken_buurten_and_their_shapes(municipality, tmp_path):
    output = run(geojson_file(tmp_path, features_2023()))
    assert "2 wijken en 3 buurten toegevoegd" in output
    assert {"BU00019101", "BU00019102", "BU00019201"} <= set(Neighbourhood.objects.values_list("code", flat=True))
    found = neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001)
    assert found.name == "Domplein" and found.district.name == "Binnenstad"
    assert neighbourhood_at(municipality=municipality, lon=LON - 0.001, lat=LAT - 0.001).name == "Oude Haven"


def test_a_wijk_missing_from_the_file_is_named_by_its_code_and_drawn_from_its_buurten(municipality, tmp_path):
    run(geojson_file(tmp_path, features_2023()))
    polder = District.objects.get(code="WK000192")
    assert polder.name == "WK000192" and polder.shape.min_lon > LON
    assert district_at(municipality=municipality, lon=LON + 0.033, lat=LAT + 0.002) == polder


def test_a_geopackage_in_rd_new_with_a_layer_per_level(municipality, tmp_path):
    rows = features_2023()
    path = gpkg_file(tmp_path, {"wijken": rows[:1], "buurten": rows[1:5], "gemeenten": rows[5:]})
    assert "2 wijken en 3 buurten toegevoegd" in run(path)
    assert neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001).code == "BU00019102"


def test_a_geopackage_in_wgs84_with_old_property_names(municipality, tmp_path):
    rows = [
        (
            {"BU_CODE": "BU00019301", "BU_NAAM": "Molenbuurt", "WK_CODE": "WK000193", "GM_CODE": "GM0001"},
            wgs_square(5.0, 52.0),
        ),
        ({"WK_CODE": "WK000193", "WK_NAAM": "Molenwijk", "GM_CODE": "GM0001"}, wgs_square(5.0, 52.0, 0.02)),
    ]
    run(gpkg_file(tmp_path, {"cbs_buurten_2015": rows}, srs_id=4326, name="oud.gpkg"))
    found = neighbourhood_at(municipality=municipality, lon=5.005, lat=52.005)
    assert found.name == "Molenbuurt" and found.district.name == "Molenwijk"


def test_a_geojson_file_without_crs_in_metres_is_read_as_rd_new(municipality, tmp_path):
    run(geojson_file(tmp_path, features_2023()[1:3], crs=None))
    assert neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001).code == "BU00019102"


def test_statcode_files_and_a_buurt_in_two_parts(municipality, tmp_path):
    rows = [
        ({"statcode": "BU00019401", "statnaam": "Havens"}, wgs_square(5.0, 52.0)),
        ({"statcode": "BU00019401", "statnaam": "Havens"}, wgs_square(5.02, 52.0)),  # the water part
    ]
    run(geojson_file(tmp_path, rows, crs="urn:ogc:def:crs:OGC:1.3:CRS84"))
    assert neighbourhood_at(municipality=municipality, lon=5.025, lat=52.005).name == "Havens"
    assert neighbourhood_at(municipality=municipality, lon=5.005, lat=52.005).name == "Havens"
    assert Neighbourhood.objects.filter(code="BU00019401").count() == 1


def test_importing_again_updates_names_and_shapes(municipality, tmp_path):
    run(geojson_file(tmp_path, features_2023()))
    moved = [({"buurtcode": "BU00019102", "buurtnaam": "Dom", "wijkcode": "WK000191"}, rd_square(RD_X + 5000, RD_Y))]
    assert "0 wijken en 0 buurten toegevoegd, 1 bijgewerkt" in run(geojson_file(tmp_path, moved, name="nieuw.geojson"))
    assert neighbourhood_at(municipality=municipality, lon=LON + 0.001, lat=LAT - 0.001) is None
    assert Neighbourhood.objects.get(code="BU00019102").name == "Dom"


def test_a_file_without_this_municipality_imports_nothing(municipality, tmp_path):
    before = Neighbourhood.objects.count()
    with pytest.raises(CommandError, match="Geen wijken of buurten"):
        run(geojson_file(tmp_path, features_2023()[4:]))
    assert Neighbourhood.objects.count() == before


def test_a_feature_that_is_no_area_stops_the_import(municipality, tmp_path):
    rows = [*features_2023()[1:3], ({"buurtcode": "BU00019103", "buurtnaam": "Punt"}, shapely.Point(RD_X, RD_Y))]
    before = Neighbourhood.objects.count()
    with pytest.raises(CommandError, match="BU00019103"):
        run(geojson_file(tmp_path, rows))
    assert Neighbourhood.objects.count() == before


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"type": "Feature"}', b'{"type": "FeatureCollection", "crs": {"properties": {"name": "EPSG:0"}}}'],
)
def test_unreadable_geojson_says_why(content):
    with pytest.raises(ShapeFileError):
        read_geojson(content)


def test_a_geopackage_geometry_without_envelope_and_an_empty_one():
    shape = wgs_square(5.0, 52.0)
    assert gpkg_geometry(gpkg_blob(shape, 4326, envelope=False)).equals(shape)
    assert gpkg_geometry(b"GP\x00\x11" + struct.pack("<i", 4326) + shapely.to_wkb(shapely.Polygon())) is None
    with pytest.raises(ShapeFileError):
        gpkg_geometry(b"XX\x00\x01\x00\x00\x00\x00")
