"""A task for the tests only: it logs one line, so a test can see which request id the worker gave it."""

import logging

from django_tasks import task

logger = logging.getLogger("zwerm.tests.monitoring")


@task()
def log_a_line() -> None:
    logger.info("the task ran")


@task()
def die_the_first_time(marker: str) -> None:
    """Kills its own worker (SIGKILL, as a lost node would) the first time; writes "ran" the second."""
    import os
    import signal
    from pathlib import Path

    path = Path(marker)
    if not path.exists():
        path.write_text("started")
        os.kill(os.getpid(), signal.SIGKILL)
    path.write_text("ran")
