"""The ingest task waits in the database queue and runs in a separate worker process, as in production."""

import os
import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from tests.foundation.builders import make_initiative
from tests.subprocess_db import subprocess_database_url
from zwerm.sensing.models import Text


@pytest.mark.django_db(transaction=True)
def test_an_initiative_is_ingested_by_a_separate_worker(settings, municipality, resident, neighbourhood):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    initiative = make_initiative(
        municipality, resident, neighbourhood, body="De lantaarnpaal is kapot, bel 0612345678."
    )
    queued = DBTaskResult.objects.get(task_path="zwerm.sensing.services.ingest.text_ingest_source")
    assert queued.status == "READY"
    assert queued.args_kwargs["kwargs"] == {
        "channel": "initiative",
        "source_id": initiative.pk,
        "municipality_id": municipality.pk,
    }  # ids only: no text travels through the queue
    assert not Text.objects.exists()
    env = {**os.environ, "ZWERM_TASKS_BACKEND": "database"}
    env["DATABASE_URL"] = subprocess_database_url()
    done = subprocess.run(
        [sys.executable, "-m", "zwerm", "db_worker", "--batch"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", done.stderr
    text = Text.objects.get()
    assert text.source_id == str(initiative.pk) and "0612345678" not in text.text
