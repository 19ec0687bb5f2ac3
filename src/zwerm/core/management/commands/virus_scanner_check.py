from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from zwerm.core.uploads import ScannerUnavailable, virus_scanner


class Command(BaseCommand):
    help = (
        "Controleer de virusscanner van ZWERM_VIRUS_SCANNER: antwoordt hij, en wat vindt hij in de gegeven "
        "bestanden. Eindigt met status 1 als hij niet antwoordt of iets vindt."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="bestanden om te laten controleren")

    def handle(self, *args, files, **options):
        try:
            scanner = virus_scanner()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if scanner is None:
            self.stdout.write("Geen virusscanner ingesteld (ZWERM_VIRUS_SCANNER is leeg of 'none').")
            return
        if not scanner.ping():
            raise CommandError(f"De virusscanner '{scanner.name}' antwoordt niet.")
        self.stdout.write(f"De virusscanner '{scanner.name}' antwoordt.")
        found = False
        for path in files:
            try:
                with path.open("rb") as file:
                    result = scanner.scan(iter(lambda: file.read(256 * 1024), b""))
            except (OSError, ScannerUnavailable) as error:
                raise CommandError(f"{path}: {error}") from None
            found = found or result.infected
            self.stdout.write(f"{path}: {'GEVONDEN ' + result.signature if result.infected else 'schoon'}")
        if found:
            raise CommandError("De virusscanner vond iets.")
