from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from zwerm.core.services import municipality_create


class Command(BaseCommand):
    help = "Voeg een gemeente toe (tenant), met de hostnamen waarop zij bereikbaar is."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="bijvoorbeeld 'Gemeente Voorbeeld'")
        parser.add_argument("--slug", required=True, help="korte naam in kleine letters, bijvoorbeeld 'voorbeeld'")
        parser.add_argument("--code", required=True, help="CBS-gemeentecode, bijvoorbeeld GM0344")
        parser.add_argument("--host", action="append", default=[], help="hostnaam (mag vaker)")

    def handle(self, *args, name, slug, code, host, **options):
        try:
            municipality = municipality_create(name=name, slug=slug, cbs_code=code.upper(), hostnames=tuple(host))
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Gemeente {municipality.name} ({municipality.cbs_code}) toegevoegd.")
