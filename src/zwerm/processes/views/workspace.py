"""The process lead's workspace: the process itself, its phases and its components."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.locations.forms import LocationForm
from zwerm.places.selectors import district_list
from zwerm.web.actions import perform

from .. import selectors, services
from ..forms import (
    CloseForm,
    MeetingEditForm,
    MeetingForm,
    PhaseForm,
    PlacementForm,
    PlacementPhasesForm,
    ProcessForm,
    ReasonForm,
    ReorderForm,
    SurveyForm,
)
from ..models import Phase, Placement
from ..registry import components
from .common import managed_process_or_403, manager_required, save


def _process_form(request, data=None, initial=None):
    municipality = request.municipality
    return ProcessForm(
        data,
        initial=initial,
        leads=selectors.process_lead_choices(municipality=municipality),
        districts=district_list(municipality=municipality),
    )


@manager_required
@require_GET
def workspace(request):
    processes = selectors.process_list_led_by(municipality=request.municipality, user=request.user)
    return render(request, "processes/workspace.html", {"processes": processes})


@manager_required
@require_http_methods(["GET", "POST"])
def process_create(request):
    form = _process_form(request, request.POST or None, initial={"lead": request.user.pk})
    created = {}

    def create():
        created["process"] = services.process_create(
            actor=request.user, municipality=request.municipality, **form.cleaned_data
        )

    if request.method == "POST" and save(form, create):
        messages.success(request, _("Het traject is aangemaakt. Voeg fasen toe en open het daarna."))
        return redirect("processes:manage", created["process"].slug)
    return render(request, "processes/process_form.html", {"form": form, "editing": False})


@manager_required
@require_http_methods(["GET", "POST"])
def process_edit(request, slug):
    process = managed_process_or_403(request, slug)
    initial = {
        "title": process.title,
        "question": process.question,
        "description": process.description,
        "lead": process.lead_id,
        "district": process.district_id,
    }
    form = _process_form(request, request.POST or None, initial=initial)
    if request.method == "POST" and save(
        form, lambda: services.process_update(process=process, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Het traject is bijgewerkt."))
        return redirect("processes:manage", process.slug)
    return render(request, "processes/process_form.html", {"form": form, "editing": True, "process": process})


@manager_required
@require_http_methods(["GET", "POST"])
def process_locate(request, slug):
    """Place the process on the map (or take its place away)."""
    process = managed_process_or_403(request, slug)
    initial = {"location_lon": process.location_lon, "location_lat": process.location_lat}
    form = LocationForm(
        request.POST or None,
        municipality=request.municipality,
        initial=initial,
        has_location=process.location is not None,
    )
    if request.method == "POST" and save(
        form, lambda: services.process_locate(process=process, actor=request.user, location=form.point())
    ):
        messages.success(request, _("De plek is opgeslagen."))
        return redirect("processes:manage", process.slug)
    context = {"form": form, "subject": process, "back": reverse("processes:manage", args=[process.slug])}
    return render(request, "locations/locate.html", context)


@manager_required
@require_GET
def manage(request, slug):
    process = managed_process_or_403(request, slug)
    context = {
        "process": process,
        "record": selectors.process_record(process=process),
        "close_form": CloseForm(),
    }
    return render(request, "processes/manage.html", context)


@manager_required
@require_POST
def process_open(request, slug):
    process = managed_process_or_403(request, slug)
    perform(
        request,
        lambda: services.process_open(process=process, actor=request.user),
        success=_("Het traject is geopend: iedereen kan het nu zien en volgen."),
    )
    return redirect("processes:manage", process.slug)


@manager_required
@require_http_methods(["POST"])
def process_close(request, slug):
    process = managed_process_or_403(request, slug)
    form = CloseForm(request.POST)
    if save(form, lambda: services.process_close(process=process, actor=request.user, **form.cleaned_data)):
        messages.success(request, _("Het traject is afgerond. Volgers krijgen bericht."))
        return redirect(process)
    context = {"process": process, "record": selectors.process_record(process=process), "close_form": form}
    return render(request, "processes/manage.html", context, status=400)


# --- phases ---------------------------------------------------------------------------------------------


def _phases_context(process, *, add_form=None, reorder_form=None):
    phases = list(selectors.phase_list(process=process))
    return {
        "process": process,
        "record": selectors.process_record(process=process),
        "add_form": add_form or PhaseForm(),
        "reorder_form": reorder_form or ReorderForm(phases=phases, prefix="reorder"),
        "close_form": ReasonForm(),
    }


@manager_required
@require_http_methods(["GET", "POST"])
def phases(request, slug):
    """List the phases with their history; add one."""
    process = managed_process_or_403(request, slug)
    form = PhaseForm(request.POST or None)
    if request.method == "POST":
        if save(form, lambda: services.phase_add(process=process, actor=request.user, **form.cleaned_data)):
            messages.success(request, _("De fase is toegevoegd."))
            return redirect("processes:phases", process.slug)
        return render(request, "processes/phases.html", _phases_context(process, add_form=form), status=400)
    return render(request, "processes/phases.html", _phases_context(process))


@manager_required
@require_POST
def phases_reorder(request, slug):
    process = managed_process_or_403(request, slug)
    form = ReorderForm(request.POST, phases=selectors.phase_list(process=process), prefix="reorder")
    if save(
        form,
        lambda: services.phase_reorder(
            process=process, actor=request.user, order=form.order(), reason=form.cleaned_data["reason"]
        ),
    ):
        messages.success(request, _("De volgorde van de fasen is gewijzigd."))
        return redirect("processes:phases", process.slug)
    return render(request, "processes/phases.html", _phases_context(process, reorder_form=form), status=400)


def _phase_or_404(process, pk) -> Phase:
    phase = selectors.phase_list(process=process).filter(pk=pk).first()
    if phase is None:
        raise Http404
    return phase


@manager_required
@require_http_methods(["GET", "POST"])
def phase_edit(request, slug, pk):
    process = managed_process_or_403(request, slug)
    phase = _phase_or_404(process, pk)
    initial = {k: getattr(phase, k) for k in ("title", "description", "starts_on", "ends_on")}
    form = PhaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and save(
        form, lambda: services.phase_change(phase=phase, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("De fase is gewijzigd."))
        return redirect("processes:phases", process.slug)
    return render(request, "processes/phase_form.html", {"process": process, "phase": phase, "form": form})


@manager_required
@require_POST
def phase_close(request, slug, pk):
    process = managed_process_or_403(request, slug)
    phase = _phase_or_404(process, pk)
    form = ReasonForm(request.POST)
    if save(form, lambda: services.phase_close(phase=phase, actor=request.user, **form.cleaned_data)):
        messages.success(request, _("De fase '%(title)s' is afgesloten.") % {"title": phase.title})
        return redirect("processes:phases", process.slug)
    context = _phases_context(process)
    context.update(close_form=form, close_phase=phase)
    return render(request, "processes/phases.html", context, status=400)


# --- components -----------------------------------------------------------------------------------------


def _components_context(process, **forms):
    phase_qs = selectors.phase_list(process=process)
    open_phases = phase_qs.filter(closed_at__isnull=True)
    record = selectors.process_record(process=process)
    phase_forms = [
        (
            r,
            PlacementPhasesForm(
                phases=phase_qs,
                initial={"active_phases": list(r.active_phase_ids)},
                prefix=f"p{r.placement.pk}",
            ),
        )
        for r in record.placements
    ]
    return {
        "process": process,
        "record": record,
        "phase_forms": phase_forms,
        "meeting_form": forms.get("meeting_form") or MeetingForm(phases=open_phases, prefix="meeting"),
        "survey_form": forms.get("survey_form") or SurveyForm(phases=open_phases, prefix="survey"),
        "placement_form": forms.get("placement_form")
        or PlacementForm(phases=open_phases, kinds=components.choices(), prefix="other"),
    }


@manager_required
@require_http_methods(["GET", "POST"])
def components_page(request, slug):
    """The components the process hosts; plan a meeting, start a survey or host another component."""
    process = managed_process_or_403(request, slug)
    if request.method == "GET":
        return render(request, "processes/components.html", _components_context(process))
    # Any phase of the process may be chosen; the service refuses closed ones with a clear message.
    phase_qs = selectors.phase_list(process=process)
    kind = request.POST.get("component")
    if kind == "meeting":
        form = MeetingForm(request.POST, phases=phase_qs, prefix="meeting")
        ok = save(form, lambda: services.meeting_create(process=process, actor=request.user, **form.cleaned_data))
        forms = {"meeting_form": form}
    elif kind == "survey":
        form = SurveyForm(request.POST, phases=phase_qs, prefix="survey")
        ok = save(
            form,
            lambda: services.survey_create(
                process=process,
                actor=request.user,
                title=form.cleaned_data["title"],
                questions=form.question_list(),
                active_phases=form.cleaned_data["active_phases"],
            ),
        )
        forms = {"survey_form": form}
    else:
        form = PlacementForm(request.POST, phases=phase_qs, kinds=components.choices(), prefix="other")
        ok = save(form, lambda: services.placement_create(process=process, actor=request.user, **form.cleaned_data))
        forms = {"placement_form": form}
    if ok:
        messages.success(request, _("Het onderdeel is toegevoegd."))
        return redirect("processes:components", process.slug)
    return render(request, "processes/components.html", _components_context(process, **forms), status=400)


@manager_required
@require_POST
def placement_phases(request, slug, pk):
    process = managed_process_or_403(request, slug)
    placement = Placement.objects.filter(process=process, pk=pk).first()
    if placement is None:
        raise Http404
    form = PlacementPhasesForm(request.POST, phases=selectors.phase_list(process=process), prefix=f"p{pk}")
    if save(
        form,
        lambda: services.placement_set_phases(
            placement=placement, actor=request.user, active_phases=form.cleaned_data["active_phases"]
        ),
    ):
        messages.success(request, _("De fasen van '%(title)s' zijn bijgewerkt.") % {"title": placement.title})
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("processes:components", process.slug)


@manager_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, slug, pk):
    process = managed_process_or_403(request, slug)
    meeting = selectors.meeting_get(process=process, pk=pk)
    if meeting is None:
        raise Http404
    initial = {k: getattr(meeting, k) for k in ("title", "starts_at", "place", "minutes", "attendance")}
    form = MeetingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and save(
        form, lambda: services.meeting_update(meeting=meeting, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("De bijeenkomst is bijgewerkt."))
        return redirect("processes:meeting", process.slug, meeting.pk)
    return render(request, "processes/meeting_form.html", {"process": process, "meeting": meeting, "form": form})
