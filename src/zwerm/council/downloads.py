"""A report as a download (HTML, PDF or JSON), for the council's pages and the public pages alike."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .reports import ReportRenderingUnavailable, render_html, render_json, render_pdf

FORMATS = ("html", "pdf", "json")
PDF_CACHE_SECONDS = 24 * 60 * 60


def _pdf(content: dict, frozen_key: str | None) -> bytes:
    """A sent report never changes, so its PDF (about a second of work) is made once a day at most."""
    if frozen_key is None:
        return render_pdf(content)
    key = f"council:pdf:{frozen_key}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(content)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def report_download(request, *, content: dict, fmt: str, filename: str, back: str, frozen_key: str | None = None):
    """The response for `fmt`; without a PDF renderer on the server: back to `back` with a message."""
    if fmt == "json":
        response = HttpResponse(render_json(content), content_type="application/json; charset=utf-8")
    elif fmt == "html":
        html = render_html(content, nonce=str(request.csp_nonce))
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    elif fmt == "pdf":
        try:
            pdf = _pdf(content, frozen_key)
        except ReportRenderingUnavailable:
            messages.error(request, _("Een PDF maken lukt op deze server niet. Download de HTML-versie."))
            return redirect(back)
        response = HttpResponse(pdf, content_type="application/pdf")
    else:
        raise Http404
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{fmt}"'
    return response


def frozen_key(kind: str, report) -> str | None:
    """A cache key for a sent (frozen) report; None for one that may still change."""
    if report.sent_at is None:
        return None
    return f"{kind}:{report.pk}:{report.sent_at.timestamp():.6f}"
