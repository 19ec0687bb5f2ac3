"""Reads for values, scoped to one municipality."""

from django.db.models import QuerySet

from zwerm.core.models import Municipality

from .models import Value


def value_list(*, municipality: Municipality, include_retired: bool = False) -> QuerySet[Value]:
    """The municipality's values in their order; retired values only when asked (they stay in old records)."""
    qs = Value.objects.filter(municipality=municipality)
    if not include_retired:
        qs = qs.filter(retired_at__isnull=True)
    return qs.order_by("position", "name")


def value_get(*, municipality: Municipality, pk: int) -> Value | None:
    return Value.objects.filter(municipality=municipality, pk=pk).first()
