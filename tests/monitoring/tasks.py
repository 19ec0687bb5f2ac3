"""A task for the tests only: it logs one line, so a test can see which request id the worker gave it."""

import logging

from django_tasks import task

logger = logging.getLogger("zwerm.tests.monitoring")


@task()
def log_a_line() -> None:
    logger.info("the task ran")
