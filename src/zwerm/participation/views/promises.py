"""The process lead's pages: the participation promise of a process, and the input a decision weighed."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.processes import selectors as processes
from zwerm.web.actions import once, save_form, success_once

from .. import selectors, services
from ..forms import EvaluationForm, PromiseForm, WeighedInputForm

manager_required = role_required(Role.PROCESS_LEAD, Role.ADMIN)


def managed_process_or_403(request, slug):
    process = processes.process_get(municipality=request.municipality, slug=slug)
    if process is None:
        raise Http404
    if not processes.process_can_manage(process=process, user=request.user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))
    return process


@manager_required
@require_http_methods(["GET", "POST"])
def promise_edit(request, slug):
    process = managed_process_or_403(request, slug)
    bylaw = selectors.bylaw_current(municipality=request.municipality)
    current = selectors.promise_current(process=process)
    initial = {}
    if current is not None:
        initial = {
            "level": current.level,
            "fixed": current.fixed,
            "open": current.open,
            "decides": current.decides,
            "decides_on": current.decides_on,
            "feedback": current.feedback,
            "below_minimum_reason": current.below_minimum_reason,
        }
        if bylaw is not None and current.rule.bylaw_id == bylaw.pk:
            initial["rule"] = current.rule_id
    rules = selectors.bylaw_rule_list(bylaw=bylaw)
    form = PromiseForm(request.POST or None, initial=initial, rules=rules)

    def record():
        data = form.cleaned_data
        return services.promise_record(process=process, actor=request.user, **data)

    if request.method == "POST" and save_form(form, once(request, "participation.promise", record)):
        success_once(request, _("De participatiebelofte staat bovenaan de pagina van het traject."))
        return redirect(process)
    context = {
        "process": process,
        "bylaw": bylaw,
        "form": form,
        "history": selectors.promise_history(process=process),
    }
    return render(request, "participation/promise_edit.html", context, status=400 if form.errors else 200)


@manager_required
@require_http_methods(["GET", "POST"])
def weighed_input(request, slug, pk):
    process = managed_process_or_403(request, slug)
    decision = processes.decision_list(process=process).filter(pk=pk).first()
    if decision is None:
        raise Http404
    form = WeighedInputForm(request.POST or None, placements=processes.placement_list(process=process))

    def cite():
        data = form.cleaned_data
        return services.weighed_input_cite(
            decision=decision, placement=data["placement"], actor=request.user, how=data["how"]
        )

    if request.method == "POST" and save_form(form, once(request, "participation.weighed_input", cite)):
        success_once(request, _("De inbreng staat bij het besluit."))
        return redirect("participation:weighed_input", process.slug, decision.pk)
    context = {
        "process": process,
        "decision": decision,
        "form": form,
        "cited": selectors.weighed_input_by_decision(process=process).get(decision.pk, []),
    }
    return render(request, "participation/weighed_input.html", context, status=400 if form.errors else 200)


@manager_required
@require_http_methods(["GET", "POST"])
def evaluation(request, slug):
    process = managed_process_or_403(request, slug)
    form = EvaluationForm(request.POST or None)

    def record():
        return services.evaluation_record(process=process, actor=request.user, **form.cleaned_data)

    if request.method == "POST" and save_form(form, once(request, "participation.evaluation", record)):
        success_once(request, _("De evaluatie staat op de pagina van het traject en gaat mee in het jaarverslag."))
        return redirect(process)
    context = {
        "process": process,
        "form": form,
        "promise": selectors.promise_current(process=process),
        "figures": selectors.evaluation_figures(process=process),
    }
    return render(request, "participation/evaluation_edit.html", context, status=400 if form.errors else 200)
