"""Pages everyone sees: the list of processes, one process with its record, meetings and surveys."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import resident_required
from zwerm.core import disclosure
from zwerm.core.charts import bar_chart
from zwerm.places.maps import area_map
from zwerm.web.actions import perform
from zwerm.web.pagination import paginate

from .. import selectors, services
from ..attachments import with_attachments
from ..forms import FollowForm, SurveyResponseForm
from ..registry import page_sections
from .common import save, visible_process_or_404

UPDATES_PER_PAGE = 10


@require_GET
def process_list(request):
    processes = list(selectors.process_list(municipality=request.municipality, user=request.user, listed_only=True))
    districts = selectors.process_districts(municipality=request.municipality, processes=processes)
    for process in processes:
        process.touched_districts = districts.get(process.pk, [])  # type: ignore[attr-defined]
    by_district = selectors.process_count_by_district(municipality=request.municipality, processes=processes)
    context = {"processes": processes, "by_district": by_district, "district_map": _district_map(by_district)}
    return render(request, "processes/list.html", context)


def _district_map(by_district: selectors.ProcessesByDistrict):
    """Processes per wijk as a map, with their titles in the table beside it (processes are no people)."""
    rows = [
        (row.district, row.count, str(row.count), ("; ".join(p.title for p in row.processes) or "–",))
        for row in by_district.rows
    ]
    return area_map(
        rows,
        title=_(
            "Kaart: per wijk hoeveel trajecten erover gaan, hoe donkerder hoe meer. "
            "De tabel ernaast geeft dezelfde cijfers en de namen."
        ),
        caption=_("Hoeveel trajecten over elke wijk gaan"),
        label_header=_("Wijk"),
        value_header=_("Trajecten"),
        extra_headers=(_("Welke"),),
        ident="process-districts-map",
        people=False,
    )


@require_GET
def process_detail(request, slug):
    process = visible_process_or_404(request, slug)
    follow = selectors.process_follow_get(process=process, user=request.user)
    # A process can collect thousands of updates over the years: the page shows them a page at a time.
    updates = paginate(request, selectors.update_list(process=process), per_page=UPDATES_PER_PAGE)
    updates.object_list = with_attachments(updates.object_list)
    context = {
        "process": process,
        "record": selectors.process_record(process=process, with_updates=False),
        "updates": updates,
        "districts": selectors.process_districts(municipality=request.municipality, processes=[process])[process.pk],
        "follow": follow,
        "follow_form": FollowForm(initial={"digest": "1" if follow and follow.digest else "0"}),
        "can_manage": selectors.process_can_manage(process=process, user=request.user) and request.user.is_verified(),
        "sections": page_sections.render_list(process=process, user=request.user),
    }
    return render(request, "processes/detail.html", context)


@require_POST
def follow(request, slug):
    process = visible_process_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(process.get_absolute_url(), reverse("accounts:login"))
    form = FollowForm(request.POST)
    digest = form.cleaned_data["digest"] if form.is_valid() else False
    perform(
        request,
        lambda: services.process_follow(process=process, user=request.user, digest=digest),
        success=_("Je volgt dit traject. Je krijgt bericht bij nieuws."),
    )
    return redirect(process)


@require_POST
def unfollow(request, slug):
    process = visible_process_or_404(request, slug)
    if request.user.is_authenticated:
        perform(
            request,
            lambda: services.process_unfollow(process=process, user=request.user),
            success=_("Je volgt dit traject niet meer."),
        )
    return redirect(process)


@require_GET
def meeting_detail(request, slug, pk):
    process = visible_process_or_404(request, slug)
    meeting = selectors.meeting_get(process=process, pk=pk)
    if meeting is None:
        raise Http404
    return render(request, "processes/meeting.html", {"process": process, "meeting": meeting})


def _survey_context(request, process, survey, form):
    placement = selectors.placement_for(kind="survey", object_id=survey.pk)
    answers = selectors.survey_public_answers(survey=survey)
    return {
        "process": process,
        "survey": survey,
        "form": form,
        "is_open": selectors.placement_is_active(placement),
        "has_responded": selectors.survey_has_responded(survey=survey, user=request.user),
        "response_count": disclosure.people(survey.responses.count()).display,
        "questions_with_answers": list(zip(survey.questions, answers, strict=True)),
    }


@require_GET
def survey_detail(request, slug, pk):
    process = visible_process_or_404(request, slug)
    survey = selectors.survey_get(process=process, pk=pk)
    if survey is None:
        raise Http404
    form = SurveyResponseForm(questions=survey.questions)
    return render(request, "processes/survey.html", _survey_context(request, process, survey, form))


@resident_required
@require_http_methods(["POST"])
def survey_respond(request, slug, pk):
    process = visible_process_or_404(request, slug)
    survey = selectors.survey_get(process=process, pk=pk)
    if survey is None:
        raise Http404
    form = SurveyResponseForm(request.POST, questions=survey.questions)
    if save(form, lambda: services.survey_respond(survey=survey, resident=request.user, answers=form.answers())):
        messages.success(request, _("Dank je wel! Je antwoorden zijn opgeslagen."))
        return redirect("processes:survey", process.slug, survey.pk)
    return render(request, "processes/survey.html", _survey_context(request, process, survey, form), status=400)


@require_GET
def values_weighed(request):
    """How often each of the municipality's values was weighed in decisions, as a chart with its table."""
    rows = selectors.value_weighing_list(municipality=request.municipality)
    weighed = bar_chart(
        [
            (
                row.value.name,
                row.weighed,
                str(row.weighed),
                "good",
                (str(row.not_weighed), str(row.total)),
            )
            for row in rows
        ],
        title=_(
            "Staafdiagram: per waarde in hoeveel besluiten zij is meegewogen. De tabel ernaast geeft dezelfde cijfers."
        ),
        caption=_("Per waarde: in hoeveel besluiten meegewogen en in hoeveel niet"),
        label_header=_("Waarde"),
        value_header=_("Meegewogen"),
        extra_headers=(_("Niet meegewogen"), _("Besluiten")),
        ident="values-weighed",
    )
    return render(
        request,
        "processes/values_weighed.html",
        {"rows": rows, "chart": weighed},
    )
