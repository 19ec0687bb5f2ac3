"""District reports on the council's pages: the list, making one, sending it, and the downloads.

Council members read the reports sent to the council; process leads and admins also make, update and
send them. Thin: reads through selectors, writes through services."""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import Role
from zwerm.web.actions import add_service_errors, perform, submit_once, success_once
from zwerm.web.pagination import paginate

from . import downloads, selectors, services
from .forms import DistrictReportForm

READ_ROLES = (Role.COUNCIL_MEMBER, Role.PROCESS_LEAD, Role.ADMIN)
LEAD_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)
PER_PAGE = 20


def _can_write(request) -> bool:
    return staff_verified(request, *LEAD_ROLES)


def _report_or_404(request, pk):
    # A council member reads what was sent to the council; drafts are for the makers.
    report = selectors.district_report_get(municipality=request.municipality, pk=pk, sent_only=not _can_write(request))
    if report is None:
        raise Http404(_("Deze wijkrapportage bestaat niet."))
    return report


@role_required(*READ_ROLES)
@require_GET
def district_report_list(request):
    can_write = _can_write(request)
    items = selectors.district_report_list(municipality=request.municipality, sent_only=not can_write)
    context = {"page": paginate(request, items, per_page=PER_PAGE), "can_write": can_write}
    return render(request, "council/district_reports.html", context)


@role_required(*LEAD_ROLES)
@require_http_methods(["GET", "POST"])
def district_report_create(request):
    form = DistrictReportForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = submit_once(
                request,
                "council.district_report",
                lambda: services.district_report_generate(
                    municipality=request.municipality, actor=request.user, **form.cleaned_data
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            success_once(request, _("De wijkrapportage is gemaakt. Bekijk die en stuur hem naar de raad."))
            return redirect(outcome.reference or reverse("council:district_reports"))
    return render(request, "council/district_report_form.html", {"form": form})


@role_required(*READ_ROLES)
@require_GET
def district_report_detail(request, pk):
    report = _report_or_404(request, pk)
    context = {"report_obj": report, "report": report.content, "can_write": _can_write(request)}
    return render(request, "council/district_report.html", context)


@role_required(*LEAD_ROLES)
@require_POST
def district_report_send(request, pk):
    report = _report_or_404(request, pk)
    perform(
        request,
        lambda: services.district_report_send(report=report, actor=request.user),
        success=_("De wijkrapportage is naar de raad gestuurd en ligt nu vast."),
    )
    return redirect(report)


@role_required(*LEAD_ROLES)
@require_POST
def district_report_refresh(request, pk):
    report = _report_or_404(request, pk)
    perform(
        request,
        lambda: services.district_report_refresh(report=report, actor=request.user),
        success=_("De wijkrapportage is bijgewerkt met de cijfers van nu."),
    )
    return redirect(report)


def _filename(report) -> str:
    area = report.district.code if report.district_id else report.municipality.cbs_code
    return f"wijkrapportage-{area}-{report.period_end:%Y%m%d}-{report.weeks}-weken"


@role_required(*READ_ROLES)
@require_GET
@csp_update({"style-src": [NONCE]})
def district_report_download(request, pk, fmt):
    report = _report_or_404(request, pk)
    return downloads.report_download(
        request,
        content=report.content,
        fmt=fmt,
        filename=_filename(report),
        back=report.get_absolute_url(),
        frozen_key=downloads.frozen_key("district", report),
    )
