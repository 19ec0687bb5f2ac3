"""One place that queues background work so that it runs only after the surrounding transaction commits."""

from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend


def enqueue_on_commit(task, **kwargs) -> None:
    """Queue `task` with keyword ids so that it runs after the current transaction commits (Signalen's rule).

    With the database queue (production) the task row is written inside the transaction: a worker cannot see
    it before the commit, and the write and its task are stored together or not at all. Queued only after
    the commit instead, a database restart between the commit and the queueing would keep the write and lose
    its task (bench/cluster.py found exactly that). Other backends (the demo's in-process one) run the task
    when it is queued, so for them it is queued after the commit."""
    if isinstance(task_backends[task.backend or DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(**kwargs))
