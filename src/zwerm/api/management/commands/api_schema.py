"""zwerm api_schema: write (or --check) the OpenAPI document of the API, docs/api/openapi.json."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

DEFAULT = "docs/api/openapi.json"


def schema_text() -> str:
    """The document as the server serves it, as stable text: the same code gives the same bytes."""
    with translation.override("nl"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return json.dumps(schema, indent=2, ensure_ascii=False, default=str) + "\n"


class Command(BaseCommand):
    help = "Schrijf het OpenAPI-document van de API (standaard naar docs/api/openapi.json), of controleer het."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=DEFAULT, help=f"bestand (standaard {DEFAULT}); '-' voor stdout")
        parser.add_argument("--check", action="store_true", help="alleen controleren; exit 1 als het verschilt")

    def handle(self, *args, file, check, **options):
        text = schema_text()
        if file == "-":
            sys.stdout.write(text)
            return
        path = Path(file)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(f"{path} is niet actueel. Maak het opnieuw met: zwerm api_schema --file {path}")
            self.stdout.write(f"{path} is actueel.")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"{path} geschreven.")
