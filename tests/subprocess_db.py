"""The test database as a DATABASE_URL, for a Zwerm process a test starts (a worker, a web server)."""

from django.db import connection


def subprocess_database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
