"""Query parameters of the lists, checked by django-filter: a wrong value answers 400 with invalid-params.

The filter sets have no model: they filter what the apps' selectors return (already scoped to the
municipality and to what is public). Initiatives are filtered and searched by their own selector."""

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from zwerm.initiatives.selectors import InitiativeFilters, initiative_list

from .choices import BUDGET_STATUSES, INITIATIVE_KINDS, INITIATIVE_PUBLIC_STATUSES, PROCESS_PUBLIC_STATUSES

MAX_ID = 10**18 - 1  # ids the database can hold (and the URL patterns accept)
SEARCH_MAX = 200
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID}


class IdFilter(django_filters.NumberFilter):
    """A database id: a whole number in range, so that no query ever sees a number it cannot hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def id_filter(description: str, **kwargs) -> IdFilter:
    return extend_schema_field({**ID_SCHEMA, "description": description})(IdFilter(**kwargs))


class SortFilter(django_filters.OrderingFilter):
    """`sort=field` or `sort=-field` (descending); ties are broken by id, so that pages never overlap."""

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        return qs.order_by(*ordering, "-pk") if ordering else qs


def _choices(values) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class InitiativeFilter(django_filters.FilterSet):
    district = id_filter("Only initiatives in this wijk (its id).")
    neighbourhood = id_filter("Only initiatives in this buurt (its id).")
    kind = django_filters.ChoiceFilter(choices=_choices(INITIATIVE_KINDS))
    status = django_filters.ChoiceFilter(choices=_choices(INITIATIVE_PUBLIC_STATUSES))
    q = django_filters.CharFilter(max_length=SEARCH_MAX, help_text="Words in the title or description.")
    sort = django_filters.ChoiceFilter(
        choices=_choices(("-publishedAt", "-supporters")),
        help_text="Newest first or most supported first. Default: the best match first with `q`, else the newest.",
    )

    SORTS = {"-publishedAt": "newest", "-supporters": "supported"}

    def filter_queryset(self, queryset):
        """Through the initiatives' own selector (it knows the full-text search), not field by field."""
        data = self.form.cleaned_data
        filters = InitiativeFilters(
            district=data.get("district"),
            neighbourhood=data.get("neighbourhood"),
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            query=data.get("q") or "",
            sort=self.SORTS.get(data.get("sort") or "", ""),
        )
        return initiative_list(municipality=self.request.municipality, filters=filters)


class ProcessFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=_choices(PROCESS_PUBLIC_STATUSES))
    district = id_filter("Only processes about this wijk (its id).", field_name="district_id")
    sort = SortFilter(
        fields=(("created_at", "createdAt"), ("title", "title")),
        help_text="Order by createdAt or title; a leading minus sorts descending.",
    )


class DialogueFilter(django_filters.FilterSet):
    sort = SortFilter(fields=(("created_at", "createdAt"), ("opens_at", "opensAt")))


class BudgetFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=_choices(BUDGET_STATUSES))
    sort = SortFilter(fields=(("created_at", "createdAt"), ("total_amount", "totalAmount")))


class CouncilReportFilter(django_filters.FilterSet):
    process = django_filters.CharFilter(
        field_name="process__slug", max_length=80, help_text="Only reports about this process (its slug)."
    )
