"""A task taken by a worker that then dies is run again, not left "running" for ever.

django-tasks-db marks a task RUNNING when a worker claims it and never looks back: after a SIGKILL, an
out-of-memory kill or a lost node, the task stays RUNNING and never runs. So while a worker runs a task it
holds a PostgreSQL session-level advisory lock on that task's id (taken in `task_started`, released in
`task_finished`); the lock goes away by itself when the worker's connection does. `requeue_orphans` (the
command `zwerm tasks_requeue_orphans`, scheduled every few minutes) puts every RUNNING task whose lock nobody
holds back to READY, and tasks that failed only because the database connection broke (a PostgreSQL restart)
too, up to ATTEMPTS tries. Zwerm's tasks are written to be run again safely (they take ids and upsert), so a
task interrupted half-way has, in effect, run once. On SQLite (demo and tests) there are no advisory locks:
a task RUNNING for longer than `stale_after` counts as orphaned there."""

from datetime import timedelta
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone
from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult

# A worker claims a task and takes its lock a moment later: never look at a task that just started.
GRACE = timedelta(minutes=1)
# A task that failed because the database connection broke (a restart, a fail-over) did nothing: it runs
# again, up to this many attempts in all. Any other failure is a bug and stays FAILED for a person to see.
TRANSIENT = (
    "django.db.utils.OperationalError",
    "django.db.utils.InterfaceError",
    "psycopg.OperationalError",
    "psycopg.InterfaceError",
)
ATTEMPTS = 5


def _key(task_id) -> int:
    """A signed 64-bit advisory-lock key from the task's UUID."""
    return int.from_bytes(UUID(str(task_id)).bytes[:8], "big", signed=True)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _task_started(sender, task_result, **kwargs) -> None:
    if getattr(task_result, "db_result", None) is not None and _postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_key(task_result.id)])


def _task_finished(sender, task_result, **kwargs) -> None:
    if getattr(task_result, "db_result", None) is not None and _postgres() and connection.is_usable():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_key(task_result.id)])


def connect() -> None:
    task_started.connect(_task_started, dispatch_uid="zwerm-task-lease")
    task_finished.connect(_task_finished, dispatch_uid="zwerm-task-lease")


def requeue_orphans(*, stale_after: timedelta = timedelta(hours=2), grace: timedelta = GRACE) -> list[str]:
    """Put RUNNING tasks whose worker is gone back in the queue; returns their ids."""
    now = timezone.now()
    running = DBTaskResult.objects.filter(status="RUNNING", started_at__lte=now - grace)
    requeued = []
    for task_id in running.values_list("pk", flat=True):
        if _postgres():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [_key(task_id)])
                (free,) = cursor.fetchone()
            if not free:
                continue  # a live worker holds it
        elif not running.filter(pk=task_id, started_at__lte=now - stale_after).exists():
            continue
        try:
            with transaction.atomic():
                if DBTaskResult.objects.filter(pk=task_id, status="RUNNING").update(status="READY", started_at=None):
                    requeued.append(str(task_id))
        finally:
            if _postgres():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [_key(task_id)])
    return requeued


def requeue_transient_failures() -> list[str]:
    """Put tasks that failed on a broken database connection back in the queue (ATTEMPTS at most)."""
    requeued = []
    failed = DBTaskResult.objects.filter(status="FAILED", exception_class_path__in=TRANSIENT)
    for task_id, workers in failed.values_list("pk", "worker_ids"):
        if len(workers or []) >= ATTEMPTS:
            continue
        again = {
            "status": "READY",
            "started_at": None,
            "finished_at": None,
            "exception_class_path": "",
            "traceback": "",
        }
        if DBTaskResult.objects.filter(pk=task_id, status="FAILED").update(**again):
            requeued.append(str(task_id))
    return requeued
