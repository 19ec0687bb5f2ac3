"""Pages of long lists without an exact count and without deep OFFSETs.

The first pages have numbers (`?pagina=3`); from page KEYSET_FROM_PAGE on, "Volgende" links carry a cursor
(`?na=…`, see zwerm.core.keyset) when the list's order allows it, so deep pages cost what the first costs.
The count goes up to ZWERM_LIST_COUNT_LIMIT ("meer dan 1.000 gevonden") instead of scanning the table.
"""

import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict

from zwerm.core.keyset import bounded_count, cursor_for, order_keys, rows_after

PAGE_PARAM = "pagina"
CURSOR_PARAM = "na"
KEYSET_FROM_PAGE = 5  # "Volgende" after this page number follows a cursor


@dataclass
class ListPage:
    object_list: list[Any]
    number: int | None  # None on a page reached through a cursor
    count: int  # exact when count_exact, otherwise more than count_limit
    count_exact: bool
    count_limit: int
    num_pages: int | None = None  # known only when the count is exact
    next_param: str = ""  # "pagina=3" or "na=…", empty on the last page
    previous_param: str = ""
    first_param: str = ""  # on cursor pages: back to the start

    @property
    def has_next(self) -> bool:
        return bool(self.next_param)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_param)

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous or bool(self.first_param)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def _page_number(raw: str | None) -> int:
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return number if number >= 1 else 1


def paginate(request, items, *, per_page: int | None = None) -> ListPage:
    """The requested page of `items` (a queryset or a list). A page number past the end gives the last page,
    garbage the first; a cursor that is not one gives the first page."""
    per_page = per_page or settings.ZWERM_PAGE_SIZE
    limit = settings.ZWERM_LIST_COUNT_LIMIT
    count = bounded_count(items, limit=limit)
    exact = count <= limit
    num_pages = max(math.ceil(count / per_page), 1) if exact else None
    keys = order_keys(items) if isinstance(items, QuerySet) else None

    cursor = request.GET.get(CURSOR_PARAM)
    after = rows_after(items, cursor) if cursor and keys else None
    if after is not None:
        rows = list(after[: per_page + 1])
        number = None
    else:
        number = _page_number(request.GET.get(PAGE_PARAM))
        if num_pages is not None:
            number = min(number, num_pages)
        offset = (number - 1) * per_page
        rows = list(items[offset : offset + per_page + 1])
    more, rows = len(rows) > per_page, rows[:per_page]

    page = ListPage(
        object_list=rows, number=number, count=count, count_exact=exact, count_limit=limit, num_pages=num_pages
    )
    if more:
        next_cursor = cursor_for(rows[-1], keys) if keys and (number is None or number >= KEYSET_FROM_PAGE) else None
        page.next_param = f"{CURSOR_PARAM}={next_cursor}" if next_cursor else f"{PAGE_PARAM}={(number or 0) + 1}"
        if number is None and not next_cursor:
            page.next_param = ""  # a cursor page whose last row has no cursor: nothing more to link to
    if number is not None and number > 1:
        page.previous_param = f"{PAGE_PARAM}={number - 1}"
    if number is None:
        page.first_param = f"{PAGE_PARAM}=1"
    return page


def query_without_page(request) -> str:
    params: QueryDict = request.GET.copy()
    params.pop(PAGE_PARAM, None)
    params.pop(CURSOR_PARAM, None)
    return params.urlencode()
