"""`zwerm privacy_retention [--now]`: remove personal data of closed processes past their retention period.

Run it daily from cron or a systemd timer. It queues `privacy.tasks.retention_run` for the worker;
with `--now` it does the work itself and prints what it did."""

from django.core.management.base import BaseCommand

from zwerm.privacy.services import retention_run
from zwerm.privacy.tasks import retention_run as retention_task


class Command(BaseCommand):
    help = "Verwijder persoonsgegevens van afgeronde trajecten waarvan de bewaartermijn voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Voer het meteen uit in plaats van via de wachtrij.")

    def handle(self, *args, now: bool = False, **options):
        if not now:
            result = retention_task.enqueue()
            self.stdout.write(f"retention run queued: {result.id}")
            return
        runs = retention_run(trigger="command")
        for run in runs:
            totals = ", ".join(f"{k}={v}" for k, v in sorted(run.totals.items())) or "nothing left to do"
            processes = len(run.processes)
            self.stdout.write(f"retention run: municipality {run.municipality_id}, {processes} processes: {totals}")
