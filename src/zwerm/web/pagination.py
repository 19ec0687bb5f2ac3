from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, items, *, per_page: int | None = None):
    """The requested page; a page number out of range gives the last page, garbage the first."""
    paginator = Paginator(items, per_page or settings.ZWERM_PAGE_SIZE)
    return paginator.get_page(request.GET.get("pagina"))


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()
