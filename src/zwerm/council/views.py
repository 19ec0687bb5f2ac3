"""The council's pages: dashboard, a process against its kaders, questions, spending and reports.

Thin: every read goes through selectors, every write through services."""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required, staff_verified
from zwerm.accounts.roles import Role
from zwerm.processes.selectors import process_can_manage
from zwerm.sensing import selectors as sensing_selectors
from zwerm.web.actions import add_service_errors, perform, submit_once, success_once

from . import downloads, selectors, services
from .forms import AnswerForm, FrameForm, QuestionForm, SpendingForm

READ_ROLES = (Role.COUNCIL_MEMBER, Role.PROCESS_LEAD, Role.ADMIN)
COUNCIL_ROLES = (Role.COUNCIL_MEMBER, Role.ADMIN)
LEAD_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)


def _process_or_404(request, slug):
    process = selectors.process_for_council(municipality=request.municipality, slug=slug)
    if process is None:
        raise Http404(_("Dit traject bestaat niet."))
    return process


def _report_or_404(request, pk):
    report = selectors.report_get(municipality=request.municipality, pk=pk)
    if report is None:
        raise Http404(_("Deze rapportage bestaat niet."))
    return report


@role_required(*READ_ROLES)
@require_GET
def dashboard(request):
    followed_only = request.GET.get("gevolgd") == "1"
    rows = selectors.council_dashboard(
        municipality=request.municipality, member=request.user, followed_only=followed_only
    )
    context = {
        "rows": rows,
        "followed_only": followed_only,
        "reports": selectors.report_list_for_municipality(municipality=request.municipality)[:10],
        "is_council": staff_verified(request, *COUNCIL_ROLES),
        # The sensing picture per wijk: aggregated figures only, as on the public page.
        "sensing": sensing_selectors.public_overview_cached(municipality=request.municipality),
    }
    return render(request, "council/dashboard.html", context)


@role_required(*READ_ROLES)
@require_GET
def process_detail(request, slug):
    process = _process_or_404(request, slug)
    can_manage = process_can_manage(process=process, user=request.user)
    context = {
        "process": process,
        "state": selectors.frame_state(process=process),
        "history": selectors.frame_history(process=process),
        "spending": selectors.spending_list(process=process),
        "questions": selectors.question_list(process=process),
        "reports": selectors.report_list(process=process),
        "is_council": staff_verified(request, *COUNCIL_ROLES),
        "can_manage": can_manage,
        "followed": selectors.council_follow_exists(process=process, member=request.user),
        "answer_form": AnswerForm() if can_manage else None,
    }
    return render(request, "council/process.html", context)


def _form_page(request, *, process, form, title, intro, button, save, success, scope):
    """GET shows the form; POST validates it and calls `save(cleaned_data)`, errors go back on the form.
    A repeated submission (same idempotency key) is not saved twice."""
    if request.method == "POST" and form.is_valid():
        try:
            submit_once(request, scope, lambda: save(form.cleaned_data))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            success_once(request, success)
            return redirect("council:process", slug=process.slug)
    return render(
        request,
        "council/form.html",
        {"process": process, "form": form, "title": title, "intro": intro, "button": button},
    )


@role_required(*COUNCIL_ROLES)
@require_http_methods(["GET", "POST"])
def frame_create(request, slug):
    process = _process_or_404(request, slug)
    replaces = None
    if request.GET.get("vervangt"):
        try:
            replaces = selectors.frame_get(process=process, pk=int(request.GET["vervangt"]))
        except ValueError:
            replaces = None
        if replaces is None:
            raise Http404(_("Dit kader bestaat niet."))
    initial = {}
    if replaces is not None:
        initial = {
            "kind": replaces.kind,
            "description": replaces.description,
            "budget": replaces.budget,
            "deadline": replaces.deadline,
            "set_by": replaces.set_by,
        }
    form = FrameForm(request.POST or None, initial=initial)

    def save(data):
        services.frame_set(process=process, actor=request.user, replaces=replaces, **data)

    return _form_page(
        request,
        process=process,
        form=form,
        title=_("Kader wijzigen") if replaces else _("Kader vastleggen"),
        intro=_("Een wijziging is een nieuw kader dat het oude vervangt; het oude blijft zichtbaar in de geschiedenis.")
        if replaces
        else _("Leg een kader vast dat de raad of het college voor dit traject heeft gesteld, met de bron."),
        button=_("Kader opslaan"),
        save=save,
        scope="council.frame",
        success=_("Het kader is vastgelegd."),
    )


@role_required(*COUNCIL_ROLES)
@require_http_methods(["GET", "POST"])
def question_create(request, slug):
    process = _process_or_404(request, slug)
    return _form_page(
        request,
        process=process,
        form=QuestionForm(request.POST or None),
        title=_("Vraag stellen"),
        intro=_("De procesambtenaar beantwoordt je vraag schriftelijk, op dit traject."),
        button=_("Vraag stellen"),
        save=lambda data: services.question_ask(process=process, asker=request.user, text=data["text"]),
        scope="council.question",
        success=_("Je vraag is gesteld. De procesambtenaar beantwoordt die op dit traject."),
    )


@role_required(*LEAD_ROLES)
@require_POST
def question_answer(request, slug, pk):
    process = _process_or_404(request, slug)
    question = selectors.question_get(process=process, pk=pk)
    if question is None:
        raise Http404(_("Deze vraag bestaat niet."))
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul het antwoord in."))
    else:
        perform(
            request,
            lambda: services.question_answer(question=question, actor=request.user, answer=form.cleaned_data["answer"]),
            success=_("Je antwoord staat op het traject."),
        )
    return redirect("council:process", slug=process.slug)


@role_required(*LEAD_ROLES)
@require_http_methods(["GET", "POST"])
def spending_create(request, slug):
    process = _process_or_404(request, slug)
    return _form_page(
        request,
        process=process,
        form=SpendingForm(request.POST or None),
        title=_("Uitgave vastleggen"),
        intro=_("Uitgaven worden opgeteld en vergeleken met het budgetkader. Niets wordt overschreven."),
        button=_("Uitgave opslaan"),
        save=lambda data: services.spending_record(process=process, actor=request.user, **data),
        scope="council.spending",
        success=_("De uitgave is vastgelegd."),
    )


@role_required(*LEAD_ROLES)
@require_POST
def report_generate(request, slug):
    process = _process_or_404(request, slug)
    report = services.report_generate(process=process, actor=request.user)
    messages.success(request, _("De rapportage is gemaakt. Bekijk die en stuur hem naar de raad."))
    return redirect("council:report", pk=report.pk)


@role_required(*LEAD_ROLES)
@require_POST
def report_send(request, pk):
    report = _report_or_404(request, pk)
    perform(
        request,
        lambda: services.report_send(report=report, actor=request.user),
        success=_("De rapportage is naar de raad gestuurd en ligt nu vast."),
    )
    return redirect("council:report", pk=report.pk)


@role_required(*LEAD_ROLES)
@require_POST
def report_refresh(request, pk):
    report = _report_or_404(request, pk)
    perform(
        request,
        lambda: services.report_refresh(report=report, actor=request.user),
        success=_("De rapportage is bijgewerkt met de stand van nu."),
    )
    return redirect("council:report", pk=report.pk)


@role_required(*READ_ROLES)
@require_GET
def report_detail(request, pk):
    report = _report_or_404(request, pk)
    context = {
        "report_obj": report,
        "report": report.content,
        "process": report.process,
        "can_manage": process_can_manage(process=report.process, user=request.user),
    }
    return render(request, "council/report.html", context)


def _filename(report) -> str:
    return f"rapportage-{slugify(report.process.slug)}-{report.generated_at:%Y%m%d-%H%M}"


@role_required(*READ_ROLES)
@require_GET
@csp_update({"style-src": [NONCE]})
def report_download(request, pk, fmt):
    report = _report_or_404(request, pk)
    return downloads.report_download(
        request,
        content=report.content,
        fmt=fmt,
        filename=_filename(report),
        back=reverse("council:report", kwargs={"pk": report.pk}),
        frozen_key=downloads.frozen_key("report", report),
    )


def _follow(request, slug, service, success):
    process = _process_or_404(request, slug)
    back_to_dashboard = request.POST.get("next") == "dashboard"  # read (and refuse a bad body) before writing
    perform(request, lambda: service(process=process, member=request.user), success=success)
    if back_to_dashboard:
        return redirect("council:dashboard")
    return redirect("council:process", slug=process.slug)


@role_required(*COUNCIL_ROLES)
@require_POST
def follow(request, slug):
    return _follow(request, slug, services.council_follow, _("Je volgt dit traject op je raadsoverzicht."))


@role_required(*COUNCIL_ROLES)
@require_POST
def unfollow(request, slug):
    return _follow(request, slug, services.council_unfollow, _("Je volgt dit traject niet meer."))
