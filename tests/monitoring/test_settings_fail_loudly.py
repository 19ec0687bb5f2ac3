"""Production settings stop start-up with a clear message instead of quietly meaning something else."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {"ZWERM_ENVIRONMENT": "production", "ZWERM_SECRET_KEY": "s" * 60, "ZWERM_ALLOWED_HOSTS": "zwerm.example"}
SHARED_CACHE = {"ZWERM_CACHE_URL": "redis://127.0.0.1:6379/0"}


def _start(extra: dict, code: str = "from django.conf import settings; settings.TASKS") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZWERM_") and k != "DATABASE_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "zwerm.conf.settings", **extra})
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({**PRODUCTION, **SHARED_CACHE, "ZWERM_SECURE_COOKIES": "treu"}, "ZWERM_SECURE_COOKIES='treu' is not a yes/no"),
        ({**PRODUCTION, **SHARED_CACHE, "ZWERM_DB_CONN_MAX_AGE": "60s"}, "ZWERM_DB_CONN_MAX_AGE='60s' is not a whole"),
        ({**PRODUCTION}, "ZWERM_CACHE_URL is not set: production runs several web processes"),
        ({**PRODUCTION, **SHARED_CACHE, "ZWERM_TASKS_BACKEND": "databse"}, "ZWERM_TASKS_BACKEND='databse' is not one"),
        ({"ZWERM_ENVIRONMENT": "prodcution"}, "ZWERM_ENVIRONMENT='prodcution' is not one of: demo, production, test"),
    ],
    ids=["bad-boolean", "bad-number", "no-shared-cache", "unknown-task-backend", "unknown-environment"],
)
def test_a_wrong_setting_stops_start_up_and_names_itself(extra, message):
    done = _start(extra)
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and message in done.stderr, done.stderr[-800:]


def test_production_queues_tasks_in_the_database_and_one_declared_process_may_go_without_a_cache():
    done = _start(
        {**PRODUCTION, "ZWERM_SINGLE_WEB_PROCESS": "ja"},
        "from django.conf import settings as s; print(s.TASKS['default']['BACKEND'], s.SILENCED_SYSTEM_CHECKS)",
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.split()[0] == "django_tasks_db.DatabaseBackend"
    assert "django_ratelimit.E003" in done.stdout  # one process: its local-memory counters are the only ones
