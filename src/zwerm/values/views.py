"""The admin's page for the municipality's values."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.web.actions import perform
from zwerm.web.actions import save_form as save

from . import selectors, services
from .forms import ValueForm


def _context(request, form, editing=None):
    return {
        "values": selectors.value_list(municipality=request.municipality, include_retired=True),
        "form": form,
        "editing": editing,
    }


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def value_admin(request):
    """List the values and add one."""
    form = ValueForm(request.POST or None)
    if request.method == "POST":
        if save(
            form,
            lambda: services.value_create(municipality=request.municipality, actor=request.user, **form.cleaned_data),
        ):
            messages.success(request, _("De waarde is toegevoegd."))
            return redirect("values:admin")
        return render(request, "values/admin.html", _context(request, form), status=400)
    return render(request, "values/admin.html", _context(request, form))


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def value_edit(request, pk):
    value = selectors.value_get(municipality=request.municipality, pk=pk)
    if value is None:
        raise Http404
    initial = {"name": value.name, "description": value.description, "position": value.position}
    form = ValueForm(request.POST or None, initial=initial)
    if request.method == "POST" and save(
        form, lambda: services.value_update(value=value, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("De waarde is bijgewerkt."))
        return redirect("values:admin")
    return render(
        request, "values/admin.html", _context(request, form, editing=value), status=400 if form.errors else 200
    )


@role_required(Role.ADMIN)
@require_POST
def value_retire(request, pk):
    value = selectors.value_get(municipality=request.municipality, pk=pk)
    if value is None:
        raise Http404
    perform(
        request,
        lambda: services.value_retire(value=value, actor=request.user),
        success=_("De waarde wordt niet meer gebruikt bij nieuwe besluiten; eerdere afwegingen blijven staan."),
    )
    return redirect("values:admin")
