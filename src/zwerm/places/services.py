"""Writes for places: wijken and buurten, one by one, from a CSV file or with their shapes from a CBS file."""

import csv
import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality

from . import geometry as geo
from .models import District, DistrictShape, Neighbourhood, NeighbourhoodShape, Postcode
from .selectors import normalise_postcode
from .shapefiles import AreaFeature, ShapeFileError, read_shape_file

REQUIRED_COLUMNS = ("wijkcode", "wijknaam", "buurtcode", "buurtnaam")


@dataclass
class PlacesImportReport:
    districts_created: int = 0
    neighbourhoods_created: int = 0
    updated: int = 0
    postcodes: int = 0
    shapes: int = 0
    district_shapes: int = 0  # of `shapes`: wijken with a shape from the file or drawn from their buurten
    neighbourhood_shapes: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def district_save(*, municipality: Municipality, code: str, name: str) -> District:
    code = code.strip().upper()
    if not re.fullmatch(r"WK\d{6}", code) or code[2:6] != municipality.cbs_code[2:]:
        raise ValidationError(
            {
                "code": _("Wijkcode %(code)s hoort niet bij %(m)s (%(gm)s).")
                % {"code": code, "m": municipality.name, "gm": municipality.cbs_code}
            }
        )
    district, _created = District.objects.update_or_create(
        code=code, defaults={"municipality": municipality, "name": name.strip()}
    )
    return district


def neighbourhood_save(*, municipality: Municipality, district: District, code: str, name: str) -> Neighbourhood:
    code = code.strip().upper()
    if district.municipality_id != municipality.id:
        raise ValidationError({"district": _("Kies een wijk in deze gemeente.")})
    if not re.fullmatch(r"BU\d{8}", code) or code[2:8] != district.code[2:8]:
        raise ValidationError(
            {"code": _("Buurtcode %(code)s hoort niet bij wijk %(wk)s.") % {"code": code, "wk": district.code}}
        )
    neighbourhood, _created = Neighbourhood.objects.update_or_create(
        code=code, defaults={"municipality": municipality, "district": district, "name": name.strip()}
    )
    return neighbourhood


def _shape_fields(value) -> dict:
    try:
        area = geo.parse(value)
    except geo.ShapeError as error:
        raise ValidationError({"shape": _("Deze vorm is geen bruikbaar gebied: %(e)s") % {"e": error}}) from error
    box = geo.bounds(area)
    return {
        "geometry": geo.as_text(area),
        "outline": geo.as_text(geo.outline(area)),
        "min_lon": box.min_lon,
        "min_lat": box.min_lat,
        "max_lon": box.max_lon,
        "max_lat": box.max_lat,
    }


def district_shape_save(*, district: District, geometry: geo.BaseGeometry | str | dict) -> DistrictShape:
    """Set the wijk's shape (WGS84: shapely, GeoJSON text or mapping); replaces an earlier one."""
    shape, _created = DistrictShape.objects.update_or_create(district=district, defaults=_shape_fields(geometry))
    return shape


def neighbourhood_shape_save(
    *, neighbourhood: Neighbourhood, geometry: geo.BaseGeometry | str | dict
) -> NeighbourhoodShape:
    """Set the buurt's shape (WGS84: shapely, GeoJSON text or mapping); replaces an earlier one."""
    shape, _created = NeighbourhoodShape.objects.update_or_create(
        neighbourhood=neighbourhood, defaults=_shape_fields(geometry)
    )
    return shape


def district_shape_from_neighbourhoods(*, district: District) -> DistrictShape | None:
    """Draw the wijk as the union of its buurten's shapes (when a file has buurten but no wijken)."""
    texts = list(NeighbourhoodShape.objects.filter(neighbourhood__district=district).values_list("geometry", flat=True))
    if not texts:
        return None
    return district_shape_save(district=district, geometry=geo.union(texts))


def places_import_csv(*, municipality: Municipality, text: str) -> PlacesImportReport:
    """Import wijken and buurten from CSV text (columns wijkcode, wijknaam, buurtcode, buurtnaam,
    optionally postcodes separated by spaces). All rows or none: any error leaves the database as it was."""
    report = PlacesImportReport()
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        report.errors.append(_("Kolommen ontbreken: %(cols)s.") % {"cols": ", ".join(missing)})
        return report
    reader.fieldnames = columns
    try:
        with transaction.atomic():
            for line, row in enumerate(reader, start=2):
                try:
                    _import_row(municipality=municipality, row=row, report=report)
                except ValidationError as error:
                    messages = (
                        "; ".join(m for ms in error.message_dict.values() for m in ms)
                        if hasattr(error, "error_dict")
                        else "; ".join(error.messages)
                    )
                    report.errors.append(_("Regel %(line)d: %(msg)s") % {"line": line, "msg": messages})
            if report.errors:
                raise ValidationError("rollback")
    except ValidationError:
        report.districts_created = report.neighbourhoods_created = report.updated = report.postcodes = 0
    return report


def _import_row(*, municipality: Municipality, row: dict, report: PlacesImportReport) -> None:
    wk, bu = (row.get("wijkcode") or "").strip().upper(), (row.get("buurtcode") or "").strip().upper()
    existed = District.objects.filter(code=wk).exists()
    district = district_save(municipality=municipality, code=wk, name=row.get("wijknaam") or wk)
    report.districts_created += 0 if existed else 1
    existed = Neighbourhood.objects.filter(code=bu).exists()
    neighbourhood = neighbourhood_save(
        municipality=municipality, district=district, code=bu, name=row.get("buurtnaam") or bu
    )
    if existed:
        report.updated += 1
    else:
        report.neighbourhoods_created += 1
    for postcode in (row.get("postcodes") or "").split():
        postcode = normalise_postcode(postcode)
        if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", postcode):
            raise ValidationError({"postcodes": _("Ongeldige postcode: %(p)s") % {"p": postcode}})
        Postcode.objects.update_or_create(
            municipality=municipality, postcode=postcode, defaults={"neighbourhood": neighbourhood}
        )
        report.postcodes += 1


def places_import_shapes(*, municipality: Municipality, features: list[AreaFeature]) -> PlacesImportReport:
    """Import wijken and buurten with their shapes (read by places.shapefiles from a CBS GeoJSON or GeoPackage
    file): creates or renames them and sets their shapes; a code seen twice (land and water parts) gets the
    union. Features of other municipalities are skipped and counted. A wijk without a shape of its own is drawn
    from its buurten. All or nothing: any error leaves the database as it was."""
    report = PlacesImportReport()
    mine = [f for f in features if f.code[2:6] == municipality.cbs_code[2:]]
    report.skipped = len(features) - len(mine)
    merged: dict[str, AreaFeature] = {}
    for feature in mine:
        earlier = merged.get(feature.code)
        if earlier is not None:
            feature = AreaFeature(
                feature.kind, feature.code, earlier.name, earlier.district_code, earlier.shape.union(feature.shape)
            )
        merged[feature.code] = feature
    wijken = [f for f in merged.values() if f.kind == "wijk"]
    buurten = [f for f in merged.values() if f.kind == "buurt"]
    try:
        with transaction.atomic():
            districts: dict[str, District] = {}
            for feature in wijken:
                existed = District.objects.filter(code=feature.code).exists()
                districts[feature.code] = district_save(municipality=municipality, code=feature.code, name=feature.name)
                district_shape_save(district=districts[feature.code], geometry=feature.shape)
                report.shapes += 1
                report.district_shapes += 1
                report.districts_created += 0 if existed else 1
                report.updated += 1 if existed else 0
            for feature in buurten:
                district = (
                    districts.get(feature.district_code)
                    or District.objects.filter(municipality=municipality, code=feature.district_code).first()
                )
                if district is None:
                    district = district_save(
                        municipality=municipality, code=feature.district_code, name=feature.district_code
                    )
                    districts[district.code] = district
                    report.districts_created += 1
                existed = Neighbourhood.objects.filter(code=feature.code).exists()
                neighbourhood = neighbourhood_save(
                    municipality=municipality, district=district, code=feature.code, name=feature.name
                )
                neighbourhood_shape_save(neighbourhood=neighbourhood, geometry=feature.shape)
                report.shapes += 1
                report.neighbourhood_shapes += 1
                report.neighbourhoods_created += 0 if existed else 1
                report.updated += 1 if existed else 0
            shaped = {f.code for f in wijken}
            for district in districts.values():
                if district.code not in shaped and district_shape_from_neighbourhoods(district=district):
                    report.shapes += 1
                    report.district_shapes += 1
    except ValidationError as error:
        messages = (
            [m for ms in error.message_dict.values() for m in ms] if hasattr(error, "error_dict") else error.messages
        )
        report.errors.extend(messages)
        report.districts_created = report.neighbourhoods_created = report.updated = report.shapes = 0
        report.district_shapes = report.neighbourhood_shapes = 0
    return report


def places_import_shape_file(*, municipality: Municipality, file: File) -> PlacesImportReport:
    """Import wijken and buurten with their shapes from an uploaded CBS wijk- en buurtkaart (GeoJSON or
    GeoPackage, told apart by content; RD New or WGS84). The caller has checked the upload (size and type:
    core.uploads.upload_check). A GeoPackage is an SQLite database and needs a file on disk: the upload's
    temporary file when it has one, else a copy that is removed afterwards. All or nothing, like
    `places_import_shapes`; a file that cannot be read or holds none of this municipality's wijken and
    buurten gives an error in the report and changes nothing."""
    temporary_path = getattr(file, "temporary_file_path", None)
    if temporary_path is not None:
        return _import_shape_path(municipality=municipality, path=Path(temporary_path()))
    with tempfile.NamedTemporaryFile(suffix=".kaart") as copy:
        file.seek(0)
        for chunk in file.chunks():
            copy.write(chunk)
        copy.flush()
        return _import_shape_path(municipality=municipality, path=Path(copy.name))


def _import_shape_path(*, municipality: Municipality, path: Path) -> PlacesImportReport:
    report = PlacesImportReport()
    try:
        features = read_shape_file(path, only=municipality.cbs_code[2:])
    except (OSError, ShapeFileError) as error:
        report.errors.append(
            _("Dit bestand is geen leesbare GeoJSON of GeoPackage met wijken en buurten (%(e)s).") % {"e": error}
        )
        return report
    if not features:
        report.errors.append(
            _("In dit bestand staan geen wijken of buurten van %(m)s (codes met %(gm)s).")
            % {"m": municipality.name, "gm": municipality.cbs_code[2:]}
        )
        return report
    return places_import_shapes(municipality=municipality, features=features)
