"""A cheap fingerprint of the database: the row count of every table (one query) and given rows' fields."""

from __future__ import annotations

from django.apps import apps
from django.db import connection

# Bookkeeping that a refused request may legitimately touch: sessions (a log-out, a message), django-axes'
# access log, queued tasks, the Django admin's log.
IGNORED_APPS = {"sessions", "axes", "django_tasks_database", "django_tasks_db", "admin"}


def _tables() -> list[tuple[str, str]]:
    existing = set(connection.introspection.table_names())
    return [
        (m._meta.label, m._meta.db_table)
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label not in IGNORED_APPS and not m._meta.proxy and m._meta.db_table in existing
    ]


def row_counts() -> dict[str, int]:
    tables = _tables()
    quote = connection.ops.quote_name
    # Table names come from the models, quoted by the backend: no outside input reaches this SQL.
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for _, table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = cursor.fetchone()
    return {label: n for (label, _), n in zip(tables, counts, strict=True)}


def rows_of(objects) -> list[dict]:
    """The current field values of each object (re-read from the database)."""
    return [type(o)._default_manager.filter(pk=o.pk).values().first() for o in objects]


def fingerprint(objects=()) -> tuple[dict, list]:
    return row_counts(), rows_of(objects)


def difference(before: tuple[dict, list], after: tuple[dict, list]) -> str:
    counts = [f"{k}: {before[0][k]} -> {after[0].get(k)}" for k in before[0] if before[0][k] != after[0].get(k)]
    rows = [
        f"row {b.get('id') if b else None}: "
        + (", ".join(f"{k} {b[k]!r} -> {a.get(k)!r}" for k in b if b[k] != a.get(k)) if b and a else f"{b} -> {a}")
        for b, a in zip(before[1], after[1], strict=True)
        if b != a
    ]
    return "; ".join(counts + rows)
