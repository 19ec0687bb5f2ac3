"""Keyset (cursor) pages and cheap counts for long lists.

A deep page found with OFFSET makes the database read and throw away every row before it; a keyset page
starts right after the last row shown, through the same index that gives the order (`published_at < x OR
(published_at = x AND id < y)`), so page 5,000 costs what page 1 costs. The cursor is that last row's sort
values, written as an opaque URL-safe text. Counts: exact counts of whole tables are a scan of the table,
so lists either count up to a bound ("meer dan 1.000") or keep the exact count for a short while in the cache.
"""

import base64
import binascii
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, ValidationError
from django.db.models import Field, Q, QuerySet

Key = tuple[Field, bool]  # a column of the order and whether it sorts descending


def order_keys(qs: QuerySet) -> list[Key] | None:
    """The columns of the queryset's order, or None when it cannot be paged by keys: every key must be a
    plain column of the model (no annotation such as a search rank, no relation) and the last one the
    primary key, so that the order is total and no row is skipped or shown twice."""
    keys: list[Key] = []
    meta = qs.model._meta
    for item in qs.query.order_by:
        if not isinstance(item, str):
            return None
        name = item.lstrip("-")
        try:
            field = meta.pk if name == "pk" else meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not isinstance(field, Field) or not field.concrete or field.is_relation:
            return None
        keys.append((field, item.startswith("-")))
    if not keys or keys[-1][0] is not meta.pk:
        return None
    return keys


def cursor_for(obj, keys: list[Key]) -> str | None:
    """The cursor after `obj`; None when one of its sort values is empty (NULL has no place in the order)."""
    values = [getattr(obj, field.attname) for field, _ in keys]
    if any(value is None for value in values):
        return None
    texts = [field.value_to_string(obj) for field, _ in keys]
    raw = json.dumps(texts, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, keys: list[Key]) -> list | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        texts = json.loads(raw)
    except (binascii.Error, ValueError):
        return None
    if not isinstance(texts, list) or len(texts) != len(keys) or not all(isinstance(t, str) for t in texts):
        return None
    try:
        values = [field.to_python(text) for (field, _), text in zip(keys, texts, strict=True)]
    except (ValidationError, ValueError, TypeError, OverflowError):
        return None
    return None if any(value is None for value in values) else values


def _after_q(keys: list[Key], values: list) -> Q:
    """Rows after `values` in the order of `keys`: k1 < v1 OR (k1 = v1 AND (k2 < v2 OR ...)), written as
    k1 <= v1 AND (k1 < v1 OR ...) so that the first key bounds the index range."""
    (field, descending), value = keys[0], values[0]
    strictly = Q(**{f"{field.attname}__{'lt' if descending else 'gt'}": value})
    if len(keys) == 1:
        return strictly
    up_to = Q(**{f"{field.attname}__{'lte' if descending else 'gte'}": value})
    return up_to & (strictly | _after_q(keys[1:], values[1:]))


def rows_after(qs: QuerySet, cursor: str) -> QuerySet | None:
    """The queryset from the row after `cursor` on; None when the order has no keys or the cursor is not one."""
    keys = order_keys(qs)
    if keys is None:
        return None
    values = _decode(cursor, keys)
    if values is None:
        return None
    return qs.filter(_after_q(keys, values))


def bounded_count(qs, *, limit: int) -> int:
    """The number of rows, but at most limit + 1: more than `limit` says "more than limit"."""
    if isinstance(qs, QuerySet):
        return qs.order_by()[: limit + 1].count()
    return min(len(qs), limit + 1)


def cached_count(qs) -> int:
    """The exact number of rows, kept ZWERM_COUNT_CACHE_SECONDS in the cache per query (0: always counted)."""
    seconds = settings.ZWERM_COUNT_CACHE_SECONDS
    if not isinstance(qs, QuerySet) or seconds <= 0:
        return qs.count() if isinstance(qs, QuerySet) else len(qs)
    try:
        sql, params = qs.order_by().query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing (an empty `__in`, `.none()`)
        return 0
    key = "zwerm:count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    count = cache.get(key)
    if count is None:
        count = qs.count()
        cache.set(key, count, seconds)
    return count
