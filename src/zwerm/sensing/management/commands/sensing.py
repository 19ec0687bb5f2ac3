"""`zwerm sensing analyse|route|forecast|name-cache`: the sensing engine on CSV files, without the database.

Thin: arguments in, `zwerm.sensing.engine.reports` does the work, figures out.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwerm.sensing.engine.forecast import forecast_csv
from zwerm.sensing.engine.importer import CsvError
from zwerm.sensing.engine.pipeline import PipelineConfig
from zwerm.sensing.engine.redaction import RedactionPolicy, build_name_cache
from zwerm.sensing.engine.reports import analyse_csv, route_csv
from zwerm.sensing.engine.themes import ThemeConfig
from zwerm.sensing.engine.vectorisers import vectoriser_names


class Command(BaseCommand):
    help = "Analyse texts from a CSV file (themes, trends, alerts, mood) or evaluate the router."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        a = sub.add_parser("analyse", help="Themes, assignments, trends and alerts for a CSV; writes JSON.")
        a.add_argument("file")
        a.add_argument("--text", required=True, help="column with the text")
        a.add_argument("--time", help="column with the date or date-time")
        a.add_argument("--area", help="column with the district or neighbourhood")
        a.add_argument("--label", help="column with known categories: only compared with the themes (NMI, ARI)")
        a.add_argument("--id", help="column with the row id (default: the row number)")
        a.add_argument("--json", required=True, help="where to write the JSON report")
        a.add_argument("--vectoriser", default="tfidf", choices=vectoriser_names())
        a.add_argument(
            "--names", action="store_true", help="also redact names with deduce (first start builds a cache, ~90 s)"
        )
        r = sub.add_parser("route", help="Train the router on one CSV, print accuracy and macro-F1 on another.")
        r.add_argument("--train", required=True)
        r.add_argument("--test", required=True)
        r.add_argument("--text", required=True)
        r.add_argument("--label", required=True)
        sub.add_parser("name-cache", help="Build deduce's name cache now (~90 s once), so --names starts fast.")
        f = sub.add_parser("forecast", help="Expected weekly counts per group after --until, with an interval; JSON.")
        f.add_argument("file")
        f.add_argument("--time", required=True, help="column with the date or date-time")
        f.add_argument("--group", required=True, help="column with the group (theme, category, channel)")
        f.add_argument("--area", help="column with the area: also forecast each group per area")
        f.add_argument("--until", required=True, type=date.fromisoformat, help="learn from rows up to this date")
        f.add_argument("--horizon", required=True, type=int, help="weeks to forecast (1 to 52)")
        f.add_argument("--json", required=True, help="where to write the JSON")

    def handle(self, *args, **options):
        try:
            if options["action"] == "analyse":
                self._analyse(options)
            elif options["action"] == "route":
                self._route(options)
            elif options["action"] == "forecast":
                self._forecast(options)
            else:
                self.stdout.write(f"deduce name cache ready in {build_name_cache()}")
        except (CsvError, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error

    def _problems(self, imported, name: str) -> None:
        for problem in imported.problems:
            self.stderr.write(f"{name}: {problem.message}")
        self.stdout.write(
            f"{name}: {imported.read} rows read, {imported.accepted} accepted, "
            f"{imported.refused} refused (encoding {imported.encoding}, "
            f"delimiter {imported.delimiter!r})"
        )

    def _analyse(self, options) -> None:
        config = PipelineConfig(
            themes=ThemeConfig(vectoriser=options["vectoriser"]), redaction=RedactionPolicy(names=options["names"])
        )
        report = analyse_csv(
            options["file"],
            text=options["text"],
            time_column=options["time"],
            area=options["area"],
            label=options["label"],
            id_column=options["id"],
            json_out=options["json"],
            config=config,
        )
        imported = report["import"]
        for problem in imported["problems"]:
            self.stderr.write(f"{options['file']}: {problem['message']}")
        self.stdout.write(
            f"{imported['rows']} rows read, {imported['accepted']} accepted, {imported['refused']} refused"
        )
        self.stdout.write(
            f"{len(report['themes'])} themes, {len(report['alerts'])} alerts, "
            f"{report['seconds']:.1f} s; written to {options['json']}"
        )
        for theme in report["themes"]:
            self.stdout.write(f"  {theme['id']:>5}  {theme['size']:>6}  {theme['label']}")
        if "agreement" in report:
            agreement = report["agreement"]
            self.stdout.write(
                f"agreement with {options['label']!r}: NMI {agreement['nmi']:.3f}, ARI {agreement['ari']:.3f}"
            )

    def _forecast(self, options) -> None:
        if not 1 <= options["horizon"] <= 52:
            raise CommandError("--horizon is a number of weeks from 1 to 52.")
        report = forecast_csv(
            options["file"],
            time_column=options["time"],
            group=options["group"],
            area=options["area"],
            until=options["until"],
            horizon=options["horizon"],
        )
        Path(options["json"]).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        self.stdout.write(
            f"{len(report['groups'])} groups, {options['horizon']} weeks each, {report['seconds']:.1f} s; "
            f"written to {options['json']}"
        )

    def _route(self, options) -> None:
        result = route_csv(options["train"], options["test"], text=options["text"], label=options["label"])
        self._problems(result.train, "train")
        self._problems(result.test, "test")
        score = result.score
        self.stdout.write(f"categories: {len(result.categories)}; test texts: {score.n}")
        self.stdout.write(f"accuracy: {score.accuracy:.3f}")
        self.stdout.write(f"macro F1: {score.macro_f1:.3f}")
        self.stdout.write(
            f"handed to a person (confidence below threshold): {score.handed_to_person:.1%}; "
            f"accuracy of the rest: {score.accuracy_when_confident:.3f}"
        )
