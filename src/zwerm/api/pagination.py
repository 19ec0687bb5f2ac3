"""Pages: `page` (from 1) or `after` (a cursor from a `next` link), `pageSize` (at most MAX_PAGE_SIZE), links
and a count.

From page KEYSET_FROM_PAGE on, `next` links carry `after=<cursor>` when the list's order allows it (see
zwerm.core.keyset): the rows after the last one returned, found through the index, so a deep page costs what
the first costs. `count` is exact, kept ZWERM_COUNT_CACHE_SECONDS in the cache per query."""

from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from zwerm.core.keyset import cached_count, cursor_for, order_keys, rows_after

MAX_PAGE_SIZE = 100
KEYSET_FROM_PAGE = 5
AFTER_PARAM = "after"


class CachedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        return cached_count(self.object_list)


class PagePagination(PageNumberPagination):
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = MAX_PAGE_SIZE
    last_page_strings = ()  # `page` is a number, as the OpenAPI document says
    django_paginator_class = CachedCountPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.page_size = settings.ZWERM_API_PAGE_SIZE  # read per request
        self.keys = order_keys(queryset) if isinstance(queryset, QuerySet) else None
        self.rows: list = []
        self.more = False
        after = request.query_params.get(AFTER_PARAM)
        if after is None:
            self.after_mode = False
            self.rows = super().paginate_queryset(queryset, request, view) or []
            self.count = self.page.paginator.count
            return self.rows
        self.request = request
        self.after_mode = True
        later = rows_after(queryset, after) if self.keys else None
        if later is None:
            raise exceptions.ValidationError({AFTER_PARAM: [_("Gebruik de cursor uit een 'next'-link.")]})
        size = self.get_page_size(request) or settings.ZWERM_API_PAGE_SIZE
        rows = list(later[: size + 1])
        self.more, self.rows = len(rows) > size, rows[:size]
        self.count = cached_count(queryset)
        return self.rows

    def _after_link(self) -> str | None:
        cursor = cursor_for(self.rows[-1], self.keys) if self.keys and self.rows else None
        if cursor is None or self.request is None:
            return None
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, AFTER_PARAM, cursor)

    def get_next_link(self):
        if self.after_mode:
            return self._after_link() if self.more else None
        if self.page.has_next() and self.page.number >= KEYSET_FROM_PAGE:
            return self._after_link() or super().get_next_link()
        return super().get_next_link()

    def get_previous_link(self):
        return None if self.after_mode else super().get_previous_link()

    def get_paginated_response(self, data):
        return Response(
            {"count": self.count, "next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1. A page past the last answers 404.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": AFTER_PARAM,
                "required": False,
                "in": "query",
                "description": (
                    f"A cursor from a `next` link (those links use it from page {KEYSET_FROM_PAGE} on): the items "
                    "after it, as fast deep in the list as at its start. Wins over `page`; a cursor that is not "
                    "one answers 400. Lists whose order has no cursor (a search sorted by relevance) use `page`."
                ),
                "schema": {"type": "string", "maxLength": 500},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Items per page (the installation's default, normally 20; at most {MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Items on all pages together (may lag a minute behind: it is cached).",
                },
                "next": {"type": "string", "nullable": True, "format": "uri", "description": "The next page."},
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The previous page (none on pages reached with `after`).",
                },
                "results": schema,
            },
        }
