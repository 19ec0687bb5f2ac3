from django.core.management.base import BaseCommand

from zwerm.core.idempotency import idempotency_prune


class Command(BaseCommand):
    help = "Verwijder verlopen idempotentiesleutels (ouder dan ZWERM_IDEMPOTENCY_KEY_HOURS). Dagelijks inplannen."

    def handle(self, *args, **options):
        self.stdout.write(f"{idempotency_prune()} verlopen sleutels verwijderd.")
