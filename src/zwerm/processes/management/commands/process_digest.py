"""`zwerm process_digest`: send the weekly digest of process updates (run it from a scheduled job)."""

from django.core.management.base import BaseCommand

from zwerm.processes.tasks import process_digest_send


class Command(BaseCommand):
    help = "Stuur volgers die een weekoverzicht kozen de berichten sinds hun vorige overzicht."

    def add_arguments(self, parser):
        parser.add_argument("--municipality-id", type=int, default=None, help="Alleen voor deze gemeente.")

    def handle(self, *args, **options):
        result = process_digest_send.enqueue(municipality_id=options["municipality_id"])
        self.stdout.write(f"process_digest_send queued ({result.id})")
