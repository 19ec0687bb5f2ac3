"""``zwerm council …``: council tools on the command line.

``report PROCESS-SLUG --format pdf|html|json --output FILE [--municipality SLUG]`` renders a progress
report from the process record as it is now (for scheduled reports; nothing is stored).
``report --list`` prints the process slugs per municipality, one ``municipality: process`` a line."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwerm.core.selectors import municipality_list
from zwerm.processes.selectors import process_get, process_list_for_council

from ...reports import ReportRenderingUnavailable, render_html, render_json, render_pdf, report_content

FORMATS = ("pdf", "html", "json")


class Command(BaseCommand):
    help = "Raadsgereedschap: maak een voortgangsrapportage (report SLUG --format pdf|html|json --output FILE)."

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND")
        subparsers.required = True
        report = subparsers.add_parser("report", help="Render a progress report, or list the process slugs.")
        report.add_argument("slug", nargs="?", help="the process slug")
        report.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf", help="pdf (default), html or json")
        report.add_argument("--output", type=Path, help="the file to write ('-' for stdout, not for pdf)")
        report.add_argument("--municipality", help="the municipality slug (needed when a slug occurs in several)")
        report.add_argument(
            "--list", dest="list_slugs", action="store_true", help="print the process slugs per municipality"
        )

    def handle(self, *args, **options):
        return getattr(self, "handle_" + options["subcommand"])(**options)

    def _municipalities(self, slug: str | None):
        municipalities = municipality_list()
        if slug:
            municipalities = [m for m in municipalities if m.slug == slug]
            if not municipalities:
                raise CommandError(f"no municipality with slug {slug!r}")
        return municipalities

    def handle_report(self, *, slug, fmt, output, municipality, list_slugs, **options):
        if list_slugs:
            for m in self._municipalities(municipality):
                for process in process_list_for_council(municipality=m):
                    self.stdout.write(f"{m.slug}: {process.slug}")
            return
        if not slug:
            raise CommandError("give a PROCESS-SLUG, or --list to see them")
        if output is None:
            raise CommandError("--output FILE is required")
        found = [p for m in self._municipalities(municipality) if (p := process_get(municipality=m, slug=slug))]
        if not found:
            raise CommandError(f"no process with slug {slug!r} (see `zwerm council report --list`)")
        if len(found) > 1:
            names = ", ".join(p.municipality.slug for p in found)
            raise CommandError(f"{slug!r} exists in several municipalities ({names}): add --municipality")
        process = found[0]
        content = report_content(process=process)
        if fmt == "pdf":
            if str(output) == "-":
                raise CommandError("a PDF cannot go to stdout: give --output FILE")
            try:
                output.write_bytes(render_pdf(content))
            except ReportRenderingUnavailable as error:
                raise CommandError(str(error)) from error
        else:
            text = render_json(content) if fmt == "json" else render_html(content)
            if str(output) == "-":
                self.stdout.write(text)
                return
            output.write_text(text, encoding="utf-8")
        self.stdout.write(f"{process.municipality.slug}: {process.slug} -> {output} ({fmt})")
