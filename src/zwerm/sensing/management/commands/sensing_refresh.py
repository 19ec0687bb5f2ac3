"""`zwerm sensing_refresh [--municipality SLUG] [--queue]`: the periodic refresh, for cron or a scheduler."""

from django.core.management.base import BaseCommand, CommandError

from zwerm.core.selectors import municipality_list
from zwerm.sensing.services import refresh_run, sensing_refresh


class Command(BaseCommand):
    help = "Rebuild sensing themes, trends and alerts (all municipalities, or one)."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="slug of one municipality (default: all)")
        parser.add_argument(
            "--queue", action="store_true", help="queue the work for the workers instead of running it here"
        )

    def handle(self, *args, **options):
        municipalities = list(municipality_list())
        if options["municipality"]:
            municipalities = [m for m in municipalities if m.slug == options["municipality"]]
            if not municipalities:
                raise CommandError(f"No municipality with slug {options['municipality']!r}.")
        for municipality in municipalities:
            if options["queue"]:
                sensing_refresh.enqueue(municipality_id=municipality.pk)
                self.stdout.write(f"{municipality.slug}: refresh queued")
                continue
            run = refresh_run(municipality=municipality)
            self.stdout.write(
                f"{municipality.slug}: {run.get_status_display()}, {run.texts} texts, {run.themes} themes, "
                f"{run.alerts} alerts, {run.seconds:.1f} s {run.message}".rstrip()
            )
