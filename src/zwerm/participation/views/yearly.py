"""The yearly participation report: staff make and send it; once sent it is public (HTML, PDF, JSON)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import Role
from zwerm.web.actions import perform

from .. import selectors, services
from ..report import ReportRenderingUnavailable, render_html, render_json, render_pdf

makers_required = role_required(Role.PROCESS_LEAD, Role.ADMIN)


@require_GET
def public_list(request):
    reports = selectors.yearly_report_list(municipality=request.municipality)
    return render(request, "participation/yearly_reports.html", {"reports": reports})


@require_GET
def download(request, year, fmt):
    maker = staff_verified(request, Role.PROCESS_LEAD, Role.ADMIN)
    report = selectors.yearly_report_get(municipality=request.municipality, year=year, sent_only=not maker)
    if report is None:
        raise Http404
    if fmt == "json":
        response = HttpResponse(render_json(report.content), content_type="application/json; charset=utf-8")
    elif fmt == "html":
        html = render_html(report.content, nonce=str(getattr(request, "csp_nonce", "")))
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    elif fmt == "pdf":
        try:
            response = HttpResponse(render_pdf(report.content), content_type="application/pdf")
        except ReportRenderingUnavailable:
            messages.error(request, _("Een PDF maken lukt op deze server niet. Download de HTML-versie."))
            return redirect("participation:yearly_reports")
    else:
        raise Http404
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="jaarverslag-participatie-{year}.{fmt}"'
    return response


@makers_required
@require_http_methods(["GET", "POST"])
def manage(request):
    if request.method == "POST":
        year_text = request.POST.get("year", "")
        year = int(year_text) if year_text.isdecimal() and len(year_text) == 4 else 0
        if request.POST.get("action") == "send":
            report = selectors.yearly_report_get(municipality=request.municipality, year=year, sent_only=False)
            if report is None:
                raise Http404
            perform(
                request,
                lambda: services.yearly_report_send(report=report, actor=request.user),
                success=_("Het jaarverslag is naar de raad gestuurd; het staat nu vast en is openbaar."),
            )
        else:
            perform(
                request,
                lambda: services.yearly_report_generate(
                    municipality=request.municipality, actor=request.user, year=year
                ),
                success=_("Het jaarverslag is gemaakt. Lees het na en stuur het naar de raad."),
            )
        return redirect("participation:yearly_manage")
    reports = selectors.yearly_report_list(municipality=request.municipality, sent_only=False)
    return render(request, "participation/yearly_manage.html", {"reports": reports})
