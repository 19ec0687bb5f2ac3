"""Staff pages: set up a budget in a process, review projects, open and close the vote, count, publish."""

import tempfile
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.attachments.forms import AttachmentForm
from zwerm.core.uploads import upload_limit
from zwerm.locations.forms import LocationForm
from zwerm.processes.selectors import process_can_manage, process_get, specialist_choices
from zwerm.web.actions import add_service_errors, perform

from .. import selectors, services
from ..export import budget_export_pb
from ..forms import BudgetForm, InitiativeProjectForm, ReviewForm, ReviewRequestForm, VoteCodeForm
from ..letters import LettersUnavailable, letters_pdf
from ..models import Budget, Project
from ..variants import DEFAULT_VARIANT, variant_get
from .public import budget_or_404

MANAGERS = (Role.PROCESS_LEAD, Role.ADMIN)
REVIEWERS = (Role.PROCESS_LEAD, Role.SPECIALIST, Role.ADMIN)


def _managed_or_403(request, pk) -> Budget:
    budget = budget_or_404(request, pk)
    if not selectors.budget_can_manage(budget=budget, user=request.user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))
    return budget


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
def budget_create(request, slug):
    process = process_get(municipality=request.municipality, slug=slug)
    if process is None:
        raise Http404
    if not process_can_manage(process=process, user=request.user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))
    form = BudgetForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        variant = variant_get(data["count_variant"] or DEFAULT_VARIANT)
        try:
            budget = services.budget_create(
                process=process,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                total_amount=data["total_amount"],
                district=data["district"],
                rule=data["rule"],
                completion=variant.completion,
                fill_up=variant.fill_up,
                completion_step=data["completion_step"] or Decimal(1),
                ballot_type=data["ballot_type"],
                min_projects=data["min_projects"],
                max_projects=data["max_projects"],
                max_cost=data["max_cost"],
                points=data["points"],
                min_votes=data["min_votes"] or 0,
                vote_closes_at=data["vote_closes_at"],
                active_phases=[p for p in process.phases.all() if p.closed_at is None],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het buurtbudget staat klaar. Inwoners kunnen nu projecten voorstellen."))
            return redirect("budgets:manage", pk=budget.pk)
    return render(request, "budgets/budget_form.html", {"form": form, "process": process})


@role_required(*MANAGERS)
@require_GET
def manage(request, pk):
    budget = _managed_or_403(request, pk)
    context = {
        "budget": budget,
        "process": selectors.budget_process(budget=budget),
        "projects": selectors.project_list(budget=budget),
        "voters": selectors.budget_voter_count(budget=budget),
        "count": selectors.count_result_latest(budget=budget),
        "variant_name": selectors.budget_variant_name(budget=budget),
        "initiative_form": InitiativeProjectForm(),
        "review_request_form": ReviewRequestForm(specialists=specialist_choices(municipality=request.municipality)),
        "next_statuses": [Budget.Status(s) for s in services.budget.NEXT.get(budget.status, ())],
    }
    return render(request, "budgets/manage.html", context)


@role_required(*MANAGERS)
@require_POST
def set_status(request, pk):
    budget = _managed_or_403(request, pk)
    to_status = request.POST.get("status", "")
    perform(
        request,
        lambda: services.budget_set_status(budget=budget, actor=request.user, to_status=to_status),
        success=_("De fase van het buurtbudget is gewijzigd."),
    )
    return redirect("budgets:manage", pk=budget.pk)


@role_required(*MANAGERS)
@require_POST
def count(request, pk):
    budget = _managed_or_403(request, pk)
    if perform(
        request,
        lambda: services.budget_count(budget=budget, actor=request.user),
        success=_("De stemmen zijn geteld. Bekijk de uitslag en publiceer hem."),
    ):
        return redirect("budgets:result", pk=budget.pk)
    return redirect("budgets:manage", pk=budget.pk)


@role_required(*MANAGERS)
@require_POST
def publish(request, pk):
    budget = _managed_or_403(request, pk)
    perform(
        request,
        lambda: services.budget_publish_result(budget=budget, actor=request.user),
        success=_("De uitslag is gepubliceerd."),
    )
    return redirect("budgets:result", pk=budget.pk)


@role_required(*MANAGERS)
@require_POST
def from_initiative(request, pk):
    budget = _managed_or_403(request, pk)
    form = InitiativeProjectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul het nummer van een gepubliceerd initiatief in."))
    else:
        perform(
            request,
            lambda: services.project_from_initiative(
                budget=budget,
                actor=request.user,
                initiative_id=form.cleaned_data["initiative"],
                cost=form.cleaned_data["cost"],
            ),
            success=_("Het initiatief staat nu als project in het buurtbudget."),
        )
    return redirect("budgets:manage", pk=budget.pk)


@role_required(*MANAGERS)
@require_POST
def review_request(request, pk, project_pk):
    budget = _managed_or_403(request, pk)
    project = selectors.project_get(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    form = ReviewRequestForm(request.POST, specialists=specialist_choices(municipality=request.municipality))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        perform(
            request,
            lambda: services.project_request_review(
                project=project,
                actor=request.user,
                specialist=form.cleaned_data["specialist"],
                deadline=form.cleaned_data["deadline"],
            ),
            success=_("De vakambtenaar is om advies gevraagd."),
        )
    return redirect("budgets:manage", pk=budget.pk)


@role_required(*REVIEWERS)
@require_http_methods(["GET", "POST"])
def review(request, pk, project_pk):
    budget = budget_or_404(request, pk)
    project = selectors.project_get(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    if not services.project_can_review(project=project, user=request.user):
        raise PermissionDenied(_("Alleen de gevraagde vakambtenaar of de procesambtenaar kan dit project beoordelen."))
    initial = {"cost": project.cost, "reason": project.feasibility_reason}
    if project.feasibility != Project.Feasibility.PENDING:
        initial["feasibility"] = project.feasibility
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_review(
                project=project,
                actor=request.user,
                feasibility=data["feasibility"],
                cost=data["cost"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De beoordeling is opgeslagen."))
            if selectors.budget_can_manage(budget=budget, user=request.user):
                return redirect("budgets:manage", pk=budget.pk)
            return redirect(budget)
    return render(request, "budgets/review.html", {"budget": budget, "project": project, "form": form})


@role_required(*MANAGERS)
@require_GET
def export(request, pk):
    budget = _managed_or_403(request, pk)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "budget.pb"
        budget_export_pb(budget=budget, path=path)
        content = path.read_bytes()
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="buurtbudget-{budget.pk}.pb"'
    return response


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
@upload_limit(services.codes.MAX_UPLOAD_BYTES)
def vote_codes(request, pk):
    """Make vote codes and download their letters (PDF) at once: the codes are not kept anywhere else."""
    budget = _managed_or_403(request, pk)
    posted = request.method == "POST"
    form = VoteCodeForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["addresses"]
        try:
            addresses = services.address_list_read(budget=budget, data=upload.read()) if upload is not None else None
            letters = services.vote_codes_generate(
                budget=budget, actor=request.user, count=form.cleaned_data["count"], addresses=addresses
            )
            pdf = letters_pdf(
                budget=budget,
                letters=letters,
                vote_url=request.build_absolute_uri(reverse("budgets:ballot", args=[pk])),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except LettersUnavailable:
            form.add_error(
                None, _("De brieven kunnen op deze server niet als PDF worden gemaakt (WeasyPrint ontbreekt).")
            )
        else:
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="stemcodes-{budget.pk}.pdf"'
            response["Cache-Control"] = "no-store"
            return response
    context = {"budget": budget, "form": form, "codes": selectors.vote_code_counts(budget=budget)}
    return render(request, "budgets/vote_codes.html", context, status=400 if form.errors else 200)


def _managed_project_or_404(request, pk, project_pk):
    budget = _managed_or_403(request, pk)
    project = selectors.project_get(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    return budget, project


def _attachment_max_bytes() -> int:
    return max(settings.ZWERM_IMAGE_MAX_BYTES, settings.ZWERM_DOCUMENT_MAX_BYTES)


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
@upload_limit(_attachment_max_bytes)
def project_attachments(request, pk, project_pk):
    """Photos and PDF documents with a project (shown with it on the budget's page)."""
    budget, project = _managed_project_or_404(request, pk, project_pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_attachment_add(
                project=project,
                actor=request.user,
                upload=form.cleaned_data["file"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Toegevoegd. Het staat bij het project op de pagina van het buurtbudget."))
            return redirect("budgets:project_attachments", pk=budget.pk, project_pk=project.pk)
    context = {
        "budget": budget,
        "project": project,
        "form": form,
        "attachments": selectors.project_attachments(project=project),
    }
    return render(request, "budgets/project_attachments.html", context)


@role_required(*MANAGERS)
@require_POST
def project_attachment_remove(request, pk, project_pk, attachment_pk):
    budget, project = _managed_project_or_404(request, pk, project_pk)
    perform(
        request,
        lambda: services.project_attachment_remove(project=project, actor=request.user, attachment_id=attachment_pk),
        success=_("Verwijderd."),
    )
    return redirect("budgets:project_attachments", pk=budget.pk, project_pk=project.pk)


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
def project_locate(request, pk, project_pk):
    """Place a project on the map (or take its place away)."""
    budget = _managed_or_403(request, pk)
    project = selectors.project_get(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    initial = {"location_lon": project.location_lon, "location_lat": project.location_lat}
    form = LocationForm(
        request.POST or None,
        municipality=request.municipality,
        initial=initial,
        has_location=project.location is not None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_locate(project=project, actor=request.user, location=form.point())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De plek is opgeslagen."))
            return redirect("budgets:manage", pk=budget.pk)
    context = {"form": form, "subject": project, "back": reverse("budgets:manage", args=[budget.pk])}
    return render(request, "locations/locate.html", context)
