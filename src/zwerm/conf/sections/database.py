import os

import dj_database_url

from ..env import env_bool, env_int, env_str
from .paths import DATA_DIR

# Default: a SQLite file in the data folder. PostgreSQL: postgres://user@host:5432/name
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'zwerm.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("ZWERM_DB_CONN_MAX_AGE", 0))}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer instead of failing with "database is locked" under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # A file, not memory, so that a worker process in the tests sees the same test database.
    # One file per test run, so runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"zwerm-test-{os.getpid()}.sqlite3")}
# Check a kept connection before each request reuses it, so that after a database restart the
# first request reconnects instead of failing (only matters when ZWERM_DB_CONN_MAX_AGE > 0).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("ZWERM_DB_CONN_HEALTH_CHECKS", True)

# How long a submission's idempotency key is remembered: a retry within this time is not stored twice.
IDEMPOTENCY_KEY_HOURS = env_int("ZWERM_IDEMPOTENCY_KEY_HOURS", 24)
