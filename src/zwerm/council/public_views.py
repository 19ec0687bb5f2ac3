"""Council reports as public record: the progress reports sent to the council about public processes.

Anyone may read them (the REST API gives the same). Reports that were not sent, and reports about
draft processes, do not exist here. A sent report is frozen and holds no personal data."""

import re

from csp.constants import NONCE
from csp.decorators import csp_update
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from zwerm.web.pagination import paginate, query_without_page

from . import downloads, selectors

PER_PAGE = 20
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def _report_or_404(request, pk):
    report = selectors.report_get_public(municipality=request.municipality, pk=pk)
    if report is None:
        raise Http404(_("Deze rapportage bestaat niet."))
    return report


@require_GET
def public_report_list(request):
    process = None
    if "traject" in request.GET:
        slug = request.GET["traject"]
        # Only a slug reaches the database (a NUL byte, for one, is refused by PostgreSQL).
        if SLUG.fullmatch(slug):
            process = selectors.process_public_get(municipality=request.municipality, slug=slug)
        if process is None:
            raise Http404(_("Dit traject bestaat niet."))
    items = selectors.report_list_public(municipality=request.municipality, process=process)
    context = {
        "page": paginate(request, items, per_page=PER_PAGE),
        "process": process,
        "query": query_without_page(request),
    }
    return render(request, "council/public_reports.html", context)


@require_GET
def public_report_detail(request, pk):
    report = _report_or_404(request, pk)
    context = {"report_obj": report, "report": report.content, "process": report.process}
    return render(request, "council/public_report.html", context)


@require_GET
@csp_update({"style-src": [NONCE]})
def public_report_download(request, pk, fmt):
    report = _report_or_404(request, pk)
    return downloads.report_download(
        request,
        content=report.content,
        fmt=fmt,
        filename=f"rapportage-{slugify(report.process.slug)}-{report.sent_at:%Y%m%d}",
        back=reverse("council:public_report", kwargs={"pk": report.pk}),
        frozen_key=downloads.frozen_key("report", report),
    )
