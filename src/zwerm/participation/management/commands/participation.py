"""``zwerm participation …``: the participation framework on the command line.

``report --year YYYY --format pdf|html|json --output FILE [--municipality SLUG]`` renders the yearly
participation report as it is now. ``mirror --format json --output FILE [--municipality SLUG] [--quarter
YYYY-Qn]`` writes the organisation's mirror: indicators for the quarter with their trend."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zwerm.core.selectors import municipality_list

from ...mirror import mirror_content, parse_quarter
from ...report import ReportRenderingUnavailable, render_html, render_json, render_pdf, report_content


class Command(BaseCommand):
    help = "Participatie: jaarverslag (report) en de spiegel van de organisatie (mirror)."

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND")
        subparsers.required = True
        report = subparsers.add_parser("report", help="Render the yearly participation report.")
        report.add_argument("--year", type=int, default=timezone.localdate().year)
        report.add_argument("--format", dest="fmt", choices=("pdf", "html", "json"), default="pdf")
        report.add_argument("--output", type=Path, required=True, help="the file to write ('-': stdout, not pdf)")
        report.add_argument("--municipality", help="the municipality slug (default: the default municipality)")
        mirror = subparsers.add_parser("mirror", help="Write the organisation's mirror (indicators with trends).")
        mirror.add_argument("--format", dest="fmt", choices=("json",), default="json")
        mirror.add_argument("--output", type=Path, required=True, help="the file to write ('-': stdout)")
        mirror.add_argument("--quarter", help="YYYY-Qn (default: the current quarter)")
        mirror.add_argument("--municipality", help="the municipality slug (default: the default municipality)")

    def handle(self, *args, **options):
        return getattr(self, "handle_" + options["subcommand"])(**options)

    def _municipality(self, slug: str | None):
        municipalities = list(municipality_list())
        wanted = slug or settings.ZWERM_DEFAULT_MUNICIPALITY
        if wanted:
            found = [m for m in municipalities if m.slug == wanted]
            if not found:
                raise CommandError(f"no municipality with slug {wanted!r}")
            return found[0]
        if not municipalities:
            raise CommandError("there is no municipality yet (zwerm create_municipality or zwerm demo_data)")
        return municipalities[0]

    def _write(self, output: Path, text: str) -> None:
        if str(output) == "-":
            self.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")

    def handle_report(self, *, year, fmt, output, municipality, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("--year must be a year between 2000 and 2100")
        m = self._municipality(municipality)
        content = report_content(municipality=m, year=year)
        if fmt == "pdf":
            if str(output) == "-":
                raise CommandError("a PDF cannot go to stdout: give --output FILE")
            try:
                output.write_bytes(render_pdf(content))
            except ReportRenderingUnavailable as error:
                raise CommandError(str(error)) from error
        else:
            self._write(output, render_json(content) if fmt == "json" else render_html(content))
        if str(output) != "-":
            self.stdout.write(f"{m.slug}: {year} -> {output} ({fmt})")

    def handle_mirror(self, *, fmt, output, quarter, municipality, **options):
        try:
            period = parse_quarter(quarter) if quarter else None
        except ValueError as error:
            raise CommandError(str(error)) from error
        m = self._municipality(municipality)
        content = mirror_content(municipality=m, quarter=period)
        self._write(output, render_json(content))
        if str(output) != "-":
            self.stdout.write(f"{m.slug}: {content['period']} -> {output}")
