"""The residents' short evaluation survey after a process closes: residents answer, the lead opens it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from zwerm.accounts.decorators import resident_required
from zwerm.processes import selectors as processes
from zwerm.web.actions import once, save_form, success_once

from .. import selectors, services
from ..forms import ResidentSurveyForm, ResidentSurveyOpenForm
from .promises import managed_process_or_403, manager_required


@resident_required
@require_http_methods(["GET", "POST"])
def answer(request, slug):
    process = processes.process_get(municipality=request.municipality, slug=slug)
    if process is None or not processes.process_is_visible(process=process, user=request.user):
        raise Http404
    survey = selectors.resident_survey_get(process=process)
    answered = survey is not None and selectors.resident_survey_has_answered(survey=survey, user=request.user)
    form = ResidentSurveyForm(request.POST or None)

    def call():
        if survey is None:
            raise ValidationError(_("Dit traject heeft geen evaluatievragenlijst."))
        services.resident_survey_answer(
            survey=survey, resident=request.user, answers=form.answers(), comment=form.cleaned_data["comment"]
        )

    if request.method == "POST" and save_form(form, once(request, "participation.resident_survey", call)):
        success_once(request, _("Dank je wel! Je antwoorden zijn zonder je naam opgeslagen."))
        return redirect(process)
    context = {
        "process": process,
        "survey": survey,
        "is_open": selectors.resident_survey_is_open(survey),
        "answered": answered,
        "form": form,
    }
    return render(request, "participation/resident_survey.html", context, status=400 if form.errors else 200)


@manager_required
@require_POST
def open_survey(request, slug):
    process = managed_process_or_403(request, slug)
    form = ResidentSurveyOpenForm(request.POST)

    def call():
        return services.resident_survey_open(process=process, actor=request.user, **form.cleaned_data)

    if save_form(form, once(request, "participation.resident_survey_open", call)):
        success_once(request, _("De evaluatievragenlijst staat open voor inwoners."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(process)
