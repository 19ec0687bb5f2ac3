"""The decision log and updates, from the process lead's side."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zwerm.core.uploads import upload_limit
from zwerm.values.selectors import value_list
from zwerm.web.actions import once, success_once
from zwerm.web.pagination import paginate

from .. import selectors, services
from ..attachments import with_attachments
from ..forms import DecisionForm, UpdateForm
from .common import managed_process_or_403, manager_required, save
from .public import UPDATES_PER_PAGE


def _decision_form(request, process, data=None):
    initial = {"decided_on": timezone.localdate(), "decided_by": "process_lead"}
    corrects = request.GET.get("corrigeert")
    if corrects and corrects.isdecimal():
        initial["corrects"] = int(corrects)
    return DecisionForm(
        data,
        initial=initial,
        advice=selectors.advice_list_for_process(process=process),
        decisions=selectors.decision_list(process=process),
        values=value_list(municipality=process.municipality),
    )


@manager_required
@require_http_methods(["GET", "POST"])
def decisions(request, slug):
    process = managed_process_or_403(request, slug)
    form = _decision_form(request, process, request.POST or None)

    def record():
        data = form.cleaned_data
        services.decision_record(
            process=process,
            actor=request.user,
            decided_on=data["decided_on"],
            decided_by=data["decided_by"],
            title=data["title"],
            reasons=data["reasons"],
            alternatives=data["alternatives"],
            advice=list(data["advice"]),
            corrects=data["corrects"],
            outside_scope=data["outside_scope"],
            weighings=form.weighings(),
        )

    if request.method == "POST" and save(form, once(request, "processes.decision", record)):
        success_once(request, _("Het besluit staat in het besluitenlog."))
        return redirect("processes:decisions", process.slug)
    context = {
        "process": process,
        "record": selectors.process_record(process=process),
        "form": form,
    }
    return render(request, "processes/decisions.html", context, status=400 if form.errors else 200)


@manager_required
@require_http_methods(["GET", "POST"])
@upload_limit(lambda: max(settings.ZWERM_IMAGE_MAX_BYTES, settings.ZWERM_DOCUMENT_MAX_BYTES))
def updates(request, slug):
    process = managed_process_or_403(request, slug)
    form = UpdateForm(request.POST or None, request.FILES or None)
    post = once(
        request,
        "processes.update",
        lambda: services.update_post(process=process, actor=request.user, **form.cleaned_data),
    )
    if request.method == "POST" and save(form, post):
        success_once(request, _("Het bericht is geplaatst. Volgers krijgen het per e-mail."))
        return redirect("processes:updates", process.slug)
    page = paginate(request, selectors.update_list(process=process), per_page=UPDATES_PER_PAGE)
    page.object_list = with_attachments(page.object_list)
    context = {"process": process, "updates": page.object_list, "page": page, "form": form}
    return render(request, "processes/updates.html", context, status=400 if form.errors else 200)
