from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwerm.core.models import Municipality
from zwerm.core.text import decode_export
from zwerm.places.services import places_import_csv, places_import_shapes
from zwerm.places.shapefiles import ShapeFileError, is_shape_file, read_shape_file


class Command(BaseCommand):
    help = (
        "Importeer wijken en buurten (CBS-codes) uit een CSV-bestand (wijkcode, wijknaam, buurtcode, buurtnaam"
        "[, postcodes]) of met hun vormen uit de CBS wijk- en buurtkaart (GeoJSON of GeoPackage, RD New of WGS84)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, help="slug of CBS-code (GMxxxx) van de gemeente")

    def handle(self, *args, file: Path, municipality: str, **options):
        found = (
            Municipality.objects.filter(slug=municipality).first()
            or Municipality.objects.filter(cbs_code=municipality.upper()).first()
        )
        if found is None:
            raise CommandError(f"Onbekende gemeente: {municipality}")
        try:
            if is_shape_file(file):
                features = read_shape_file(file, only=found.cbs_code[2:])
                if not features:
                    raise CommandError(f"Geen wijken of buurten van {found.name} ({found.cbs_code}) in {file}.")
                report = places_import_shapes(municipality=found, features=features)
            else:
                report = places_import_csv(municipality=found, text=decode_export(file.read_bytes()))
        except OSError as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error
        except ShapeFileError as error:
            raise CommandError(f"Kan de vormen in {file} niet lezen: {error}") from error
        if report.errors:
            for error in report.errors:
                self.stderr.write(error)
            raise CommandError("Niets geïmporteerd: los de fouten hierboven op en probeer opnieuw.")
        self.stdout.write(
            f"{report.districts_created} wijken en {report.neighbourhoods_created} buurten toegevoegd, "
            f"{report.updated} bijgewerkt, {report.postcodes} postcodes, {report.shapes} vormen."
        )
