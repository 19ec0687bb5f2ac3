"""The verordening: public pages for everyone, the admin's page to record a new version."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.web.actions import once, save_form, success_once

from .. import selectors, services
from ..forms import BylawForm


@require_GET
def overview(request):
    """The verordening that holds, its earlier versions, and (later) the register of challenges."""
    context = {
        "bylaw": selectors.bylaw_current(municipality=request.municipality),
        "versions": selectors.bylaw_list(municipality=request.municipality),
    }
    return render(request, "participation/overview.html", context)


@require_GET
def bylaw_version(request, version):
    bylaw = selectors.bylaw_get(municipality=request.municipality, version=version)
    if bylaw is None:
        raise Http404
    current = selectors.bylaw_current(municipality=request.municipality)
    return render(
        request,
        "participation/bylaw.html",
        {"bylaw": bylaw, "is_current": current is not None and current.pk == bylaw.pk},
    )


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def bylaw_admin(request):
    current = selectors.bylaw_current(municipality=request.municipality)
    form = BylawForm(request.POST or None, initial=BylawForm.initial_from(current))

    def record():
        data = form.cleaned_data
        return services.bylaw_record(
            municipality=request.municipality,
            actor=request.user,
            title=data["title"],
            text=data["text"],
            valid_from=data["valid_from"],
            weighing=data["weighing"],
            challenge_criteria=data["challenge_criteria"],
            deadlines=form.deadlines(),
            rules=form.rules(),
        )

    if request.method == "POST" and save_form(form, once(request, "participation.bylaw", record)):
        success_once(request, _("De nieuwe versie van de verordening is vastgelegd; de vorige blijft te lezen."))
        return redirect("participation:overview")
    if request.method == "POST" and not form.errors:
        messages.error(request, _("Er ging iets mis; er is niets opgeslagen."))
    context = {"form": form, "current": current}
    return render(request, "participation/bylaw_admin.html", context, status=400 if form.errors else 200)
