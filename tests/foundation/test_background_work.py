"""Background work through the real queue: enqueued after commit, run by a separate `db_worker`."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from tests.subprocess_db import subprocess_database_url
from zwerm.accounts.roles import Role
from zwerm.initiatives import services


@pytest.mark.django_db(transaction=True)
def test_a_status_change_mail_waits_in_the_database_queue_until_a_worker_runs(
    settings, municipality, resident, neighbourhood, make_staff
):
    from .builders import make_initiative

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    moderator = make_staff(Role.MODERATOR)
    initiative = make_initiative(municipality, resident, neighbourhood)
    mail.outbox.clear()
    services.initiative_status_change(initiative=initiative, actor=moderator, to_status="published", reason="OK")
    queued = DBTaskResult.objects.get(task_path="zwerm.initiatives.tasks.status_change_notify")
    assert queued.status == "READY" and queued.args_kwargs["kwargs"] == {
        "status_change_id": initiative.status_changes.last().pk
    }
    assert mail.outbox == []
    # The worker is a separate process, as in production.
    env = {
        **os.environ,
        "ZWERM_TASKS_BACKEND": "database",
        "ZWERM_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    env["DATABASE_URL"] = subprocess_database_url()
    done = subprocess.run(
        [sys.executable, "-m", "zwerm", "db_worker", "--batch"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert "Voldoet" not in done.stdout and "OK" in done.stdout  # the mail with the reason went out
