"""Background work for privacy: the daily retention run (queued by `zwerm privacy_retention`)."""

from django_tasks import task

from .services import retention_run as run


@task()
def retention_run() -> dict:
    """Apply every process's retention period; returns what was done per municipality (counts only)."""
    runs = run(trigger="task")
    return {str(r.municipality_id): r.totals for r in runs}
