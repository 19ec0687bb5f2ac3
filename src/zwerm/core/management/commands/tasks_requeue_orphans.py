from datetime import timedelta

from django.core.management.base import BaseCommand

from zwerm.core.task_leases import requeue_orphans, requeue_transient_failures


class Command(BaseCommand):
    help = (
        "Put tasks that a worker took and never finished (the worker died), and tasks that failed because the "
        "database connection broke, back in the queue. "
        "Schedule every few minutes (core.task_leases explains how a dead worker is recognised)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-minutes",
            type=int,
            default=120,
            help="SQLite only (no advisory locks): a task running longer than this counts as orphaned",
        )
        parser.add_argument(
            "--grace-seconds",
            type=int,
            default=60,
            help="leave tasks younger than this alone (a worker takes its lease just after claiming)",
        )

    def handle(self, *args, stale_minutes: int, grace_seconds: int, **options):
        requeued = requeue_orphans(stale_after=timedelta(minutes=stale_minutes), grace=timedelta(seconds=grace_seconds))
        retried = requeue_transient_failures()
        self.stdout.write(
            f"{len(requeued)} orphaned tasks back in the queue; "
            f"{len(retried)} tasks that failed on a broken database connection queued again"
        )
