"""``zwerm dialogue …``: dialogue tools on the command line.

``analyse PATH --json OUT`` analyses a Pol.is open-data export folder without touching the
database. A further subcommand (such as ``import-polis``) is a subparser in
:meth:`Command.add_arguments` plus a ``handle_<name>`` method (dashes become underscores).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from zwerm.accounts.selectors import user_get_by_email
from zwerm.core.models import Municipality
from zwerm.dialogues.analysis.report import analyse_export_to_dict
from zwerm.dialogues.models import Dialogue
from zwerm.dialogues.polis_io import PolisFormatError
from zwerm.dialogues.services import dialogue_export_polis, dialogue_import_polis


class Command(BaseCommand):
    help = "Dialoog-gereedschap: analyseer een Pol.is-export (analyse PATH --json OUT)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND")
        subparsers.required = True
        analyse = subparsers.add_parser(
            "analyse",
            help="Analyse a Pol.is open-data export folder (no database needed).",
        )
        analyse.add_argument("path", type=Path, help="folder with comments.csv and votes.csv")
        analyse.add_argument(
            "--json",
            dest="json_out",
            type=Path,
            required=True,
            help="write the analysis as JSON to this file ('-' for stdout)",
        )
        analyse.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
        importer = subparsers.add_parser(
            "import-polis", help="Bring a Pol.is open-data export into a municipality as a (closed) dialogue."
        )
        importer.add_argument("path", type=Path, help="folder with comments.csv and votes.csv")
        importer.add_argument("--municipality", required=True, help="slug of the municipality")
        importer.add_argument(
            "--as",
            dest="as_email",
            required=True,
            help="e-mail of the process lead, moderator or admin doing the import",
        )
        importer.add_argument("--title", default="", help="title (default: the export's topic)")
        export = subparsers.add_parser("export-polis", help="Write a dialogue in the Pol.is open-data format.")
        export.add_argument("dialogue_id", type=int)
        export.add_argument("--output", type=Path, required=True, help="folder to write the CSV files into")

    def handle(self, *args, **options):
        handler = getattr(self, "handle_" + options["subcommand"].replace("-", "_"))
        return handler(**options)

    def handle_import_polis(self, *, path: Path, municipality: str, as_email: str, title: str, **options):
        found = Municipality.objects.filter(slug=municipality).first()
        author = user_get_by_email(email=as_email)
        if found is None or author is None:
            raise CommandError(f"unknown municipality {municipality!r} or user {as_email!r}")
        try:
            dialogue = dialogue_import_polis(folder=path, municipality=found, author=author, title=title)
        except PolisFormatError as e:
            raise CommandError(str(e)) from e
        except PermissionDenied as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"dialogue {dialogue.pk}: {dialogue.statements.count()} statements imported")

    def handle_export_polis(self, *, dialogue_id: int, output: Path, **options):
        dialogue = Dialogue.objects.filter(pk=dialogue_id).first()
        if dialogue is None:
            raise CommandError(f"no dialogue {dialogue_id}")
        folder = dialogue_export_polis(dialogue=dialogue, folder=output)
        self.stdout.write(f"written to {folder}")

    def handle_analyse(self, *, path: Path, json_out: Path, seed: int, **options):
        if not path.is_dir():
            raise CommandError(f"{path}: not a folder")
        try:
            document = analyse_export_to_dict(path, seed=seed)
        except PolisFormatError as e:
            raise CommandError(str(e)) from e
        text = json.dumps(document, ensure_ascii=False, indent=1)
        if str(json_out) == "-":
            self.stdout.write(text)
            return
        json_out.write_text(text + "\n", encoding="utf-8")
        groups = ", ".join(f"{g['id']}: {g['size']}" for g in document["groups"]) or "-"
        self.stdout.write(
            f"{document['counts']['participants']} participants, {document['k']} groups "
            f"({groups}), {document['seconds']:.3f} s -> {json_out}"
        )
