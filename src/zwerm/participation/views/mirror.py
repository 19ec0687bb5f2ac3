"""The organisation's mirror for staff, the anonymous self-assessment, and the admin's statements."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.web.actions import perform, save_form, success_once

from .. import selectors, services
from ..forms import SelfAssessmentForm, StatementForm
from ..mirror import mirror_content, quarter_label

staff_required = role_required(*sorted(STAFF_ROLES))


@staff_required
@require_GET
def mirror(request):
    return render(request, "participation/mirror.html", {"mirror": mirror_content(municipality=request.municipality)})


@staff_required
@require_http_methods(["GET", "POST"])
def self_assessment(request):
    quarter = quarter_label(timezone.localdate())
    statements = selectors.mirror_statement_list(municipality=request.municipality)
    answered = selectors.mirror_has_answered(municipality=request.municipality, user=request.user, quarter=quarter)
    form = SelfAssessmentForm(request.POST or None, statements=statements)

    def call():
        services.mirror_answer(
            municipality=request.municipality,
            actor=request.user,
            quarter=quarter,
            scores=form.scores(),
            team=form.cleaned_data["team"],
        )

    if request.method == "POST" and save_form(form, call):
        success_once(request, _("Dank je wel. Je antwoorden zijn anoniem opgeslagen."))
        return redirect("participation:mirror")
    context = {"form": form, "quarter": quarter, "answered": answered, "has_statements": bool(form.statements)}
    return render(request, "participation/self_assessment.html", context, status=400 if form.errors else 200)


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def statements(request):
    form = StatementForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "default":
        perform(
            request,
            lambda: services.mirror_statements_ensure_default(municipality=request.municipality, actor=request.user),
            success=_("De standaardstellingen staan klaar."),
        )
        return redirect("participation:statements")
    if request.method == "POST" and save_form(
        form,
        lambda: services.mirror_statement_add(
            municipality=request.municipality, actor=request.user, **form.cleaned_data
        ),
    ):
        success_once(request, _("De stelling is toegevoegd aan de zelfscan."))
        return redirect("participation:statements")
    context = {
        "statements": selectors.mirror_statement_list(municipality=request.municipality, include_retired=True),
        "form": form,
    }
    return render(request, "participation/statements.html", context, status=400 if form.errors else 200)


@role_required(Role.ADMIN)
@require_POST
def statement_retire(request, pk):
    statement = selectors.mirror_statement_list(municipality=request.municipality).filter(pk=pk).first()
    if statement is None:
        raise Http404
    perform(
        request,
        lambda: services.mirror_statement_retire(statement=statement, actor=request.user),
        success=_("De stelling wordt niet meer gevraagd; eerdere antwoorden blijven meetellen in hun kwartaal."),
    )
    return redirect("participation:statements")
