"""A task whose worker is killed mid-run goes back into the queue and runs again; a live worker's task stays."""

import os
import subprocess
import sys
from datetime import timedelta

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.subprocess_db import subprocess_database_url
from zwerm.core.task_leases import ATTEMPTS, _key, requeue_orphans, requeue_transient_failures

from .tasks import die_the_first_time


def _worker() -> subprocess.CompletedProcess:
    env = {**os.environ, "ZWERM_TASKS_BACKEND": "database", "DATABASE_URL": subprocess_database_url()}
    command = [sys.executable, "-m", "zwerm", "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)


@pytest.mark.django_db(transaction=True)
def test_the_task_of_a_killed_worker_runs_again(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    marker = tmp_path / "marker"
    result = die_the_first_time.enqueue(marker=str(marker))
    assert _worker().returncode == -9 and marker.read_text() == "started"
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"  # django-tasks-db alone leaves it so

    assert requeue_orphans(grace=timedelta(0), stale_after=timedelta(0)) == [str(result.id)]
    call_command("tasks_requeue_orphans", verbosity=0)  # nothing left to requeue: the command is quiet about it
    assert _worker().returncode == 0
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL" and marker.read_text() == "ran"


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_still_holds_its_lease_stays_running(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("leases are PostgreSQL advisory locks; SQLite goes by age (the test above)")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = die_the_first_time.enqueue(marker=str(tmp_path / "marker"))
    DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", started_at=timezone.now())
    with psycopg.connect(subprocess_database_url(), autocommit=True) as worker:  # a live worker's connection
        worker.execute("SELECT pg_advisory_lock(%s)", [_key(result.id)])
        assert requeue_orphans(grace=timedelta(0)) == []
    assert requeue_orphans(grace=timedelta(0)) == [str(result.id)]  # its connection is gone


@pytest.mark.django_db
def test_a_task_that_failed_on_a_broken_connection_runs_again_a_bug_does_not(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    outage = die_the_first_time.enqueue(marker=str(tmp_path / "a"))
    bug = die_the_first_time.enqueue(marker=str(tmp_path / "b"))
    worn = die_the_first_time.enqueue(marker=str(tmp_path / "c"))
    failed = {"status": "FAILED", "finished_at": timezone.now(), "worker_ids": ["w1"]}
    DBTaskResult.objects.filter(pk=outage.id).update(**failed, exception_class_path="django.db.utils.OperationalError")
    DBTaskResult.objects.filter(pk=bug.id).update(**failed, exception_class_path="builtins.KeyError")
    DBTaskResult.objects.filter(pk=worn.id).update(
        **{**failed, "worker_ids": ["w"] * ATTEMPTS}, exception_class_path="django.db.utils.OperationalError"
    )
    assert requeue_transient_failures() == [str(outage.id)]
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("pk", "status")}
    assert statuses == {str(outage.id): "READY", str(bug.id): "FAILED", str(worn.id): "FAILED"}
