"""One place that queues background work after the surrounding transaction commits."""

from django.db import transaction


def enqueue_on_commit(task, **kwargs) -> None:
    """Queue `task` with keyword ids once the current transaction has committed (Signalen's rule)."""
    transaction.on_commit(lambda: task.enqueue(**kwargs))
