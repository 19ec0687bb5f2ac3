"""Advice: the process lead's requests, and the specialist's page "Mijn adviesaanvragen" with the answer form."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.web.actions import once, success_once

from .. import selectors, services
from ..forms import AdviceForm, AdviceRequestForm
from .common import managed_process_or_403, manager_required, save


def _process_context(request, process, form):
    return {
        "process": process,
        "requests": selectors.advice_request_list(municipality=request.municipality, process=process),
        "form": form,
    }


@manager_required
@require_http_methods(["GET", "POST"])
def advice_requests(request, slug):
    process = managed_process_or_403(request, slug)
    form = AdviceRequestForm(
        request.POST or None, specialists=selectors.specialist_choices(municipality=request.municipality)
    )
    if request.method == "POST":
        create = once(
            request,
            "processes.advice_request",
            lambda: services.advice_request_create(process=process, actor=request.user, **form.cleaned_data),
        )
        if save(form, create):
            success_once(request, _("De adviesaanvraag is verstuurd naar de vakambtenaar."))
            return redirect("processes:advice_requests", process.slug)
        return render(request, "processes/advice_requests.html", _process_context(request, process, form), status=400)
    return render(request, "processes/advice_requests.html", _process_context(request, process, form))


@role_required(Role.SPECIALIST)
@require_GET
def my_advice(request):
    requests = list(selectors.advice_request_list(municipality=request.municipality, specialist=request.user))
    groups = [
        ("late", _("Te laat"), [r for r in requests if r.state == selectors.ADVICE_LATE]),
        ("open", _("Open"), [r for r in requests if r.state == selectors.ADVICE_OPEN]),
        ("answered", _("Beantwoord"), [r for r in requests if r.state == selectors.ADVICE_ANSWERED]),
    ]
    return render(request, "processes/my_advice.html", {"groups": groups})


@role_required(Role.SPECIALIST)
@require_http_methods(["GET", "POST"])
def advice_answer(request, pk):
    advice_request = selectors.advice_request_get(municipality=request.municipality, pk=pk)
    if advice_request is None:
        raise Http404
    is_admin = user_has_role(user=request.user, municipality=request.municipality, roles=Role.ADMIN)
    if advice_request.specialist_id != request.user.pk and not is_admin:
        raise PermissionDenied(_("Alleen de gevraagde vakambtenaar kan dit advies geven."))
    form = AdviceForm(request.POST or None)
    give = once(
        request,
        "processes.advice",
        lambda: services.advice_give(request=advice_request, actor=request.user, **form.cleaned_data),
    )
    if request.method == "POST" and save(form, give):
        success_once(request, _("Je advies is vastgelegd. Het is nu onderdeel van het dossier."))
        return redirect("processes:my_advice")
    context = {
        "advice_request": advice_request,
        "versions": list(advice_request.advice.all()),
        "form": form,
    }
    return render(request, "processes/advice_answer.html", context, status=400 if form.errors else 200)
