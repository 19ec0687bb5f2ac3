"""The budget pages residents use: the budget by phase, proposing a project, the ballot, the result."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from zwerm.accounts.decorators import resident_required, staff_verified
from zwerm.accounts.roles import Role
from zwerm.core.limits import code_attempt_rate
from zwerm.locations.maps import feature, places_map
from zwerm.places.maps import area_map
from zwerm.processes.selectors import process_is_visible, process_list_led_by
from zwerm.web.actions import add_service_errors, submit_once, success_once

from .. import selectors, services
from ..forms import ProjectForm
from ..models import Budget, Project


def budget_or_404(request, pk) -> Budget:
    budget = selectors.budget_get(municipality=request.municipality, pk=pk)
    if budget is None:
        raise Http404
    process = selectors.budget_process(budget=budget)
    if process is not None and not process_is_visible(process=process, user=request.user):
        raise Http404
    return budget


@require_GET
def budget_list(request):
    led = []
    if staff_verified(request, Role.PROCESS_LEAD, Role.ADMIN):
        led = [
            p for p in process_list_led_by(municipality=request.municipality, user=request.user) if p.status != "closed"
        ]
    return render(
        request,
        "budgets/list.html",
        {"budgets": selectors.budget_list(municipality=request.municipality), "led_processes": led},
    )


@require_GET
def budget_detail(request, pk):
    budget = budget_or_404(request, pk)
    projects = selectors.project_list(budget=budget)
    if budget.status in (Budget.Status.VOTING, Budget.Status.COUNTING, Budget.Status.RESULT):
        projects = projects.exclude(feasibility=Project.Feasibility.PENDING)
    context = {
        "budget": budget,
        "process": selectors.budget_process(budget=budget),
        "projects": selectors.projects_attach_files(projects=projects),
        "amounts": selectors.district_amount_list(budget=budget),
        "has_voted": selectors.has_voted(budget=budget, user=request.user),
        "can_manage": selectors.budget_can_manage(budget=budget, user=request.user),
        "voters": selectors.public_figure(selectors.budget_voter_count(budget=budget)),
        "total": selectors.euro(budget.total_amount),
        "max_cost": selectors.euro(budget.max_cost) if budget.max_cost is not None else "",
        "published": selectors.count_result_latest(budget=budget, published=True),
        "places_map": _projects_map(request, projects),
    }
    return render(request, "budgets/detail.html", context)


def _projects_map(request, projects):
    """The projects with a place on a map (their public, rounded point), or None when none has one."""
    features = [
        feature(point=p.public_point, title=p.shown_title, url=f"#project-{p.pk}")
        for p in projects
        if p.public_point is not None
    ]
    if not features:
        return None
    label = _("Kaart van de projecten met een plek")
    return places_map(municipality=request.municipality, features=features, ident="project-map", label=label)


@resident_required
@require_http_methods(["GET", "POST"])
def propose(request, pk):
    budget = budget_or_404(request, pk)
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submit_once(
                request,
                "budgets.propose",
                lambda: services.project_propose(
                    budget=budget,
                    resident=request.user,
                    title=data["title"],
                    description=data["description"],
                    cost=data["cost"],
                ),
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            success_once(
                request, _("Bedankt! Je voorstel is binnen. De gemeente bekijkt de kosten en of het haalbaar is.")
            )
            return redirect(budget)
    return render(request, "budgets/propose.html", {"budget": budget, "form": form})


def _posted_points(request, budget, projects) -> dict[int, int]:
    if budget.ballot_type == Budget.BallotType.APPROVAL:
        wanted = set(request.POST.getlist("project"))
        return {p.pk: 1 for p in projects if str(p.pk) in wanted}
    points = {}
    for p in projects:
        raw = (request.POST.get(f"points_{p.pk}") or "").strip()
        if not raw:
            continue
        try:
            points[p.pk] = int(raw)
        except ValueError:
            points[p.pk] = -1  # refused with a clear message by the service
    return points


@require_http_methods(["GET", "POST"])
def ballot(request, pk):
    """The ballot: for logged-in residents of the area, or, where the budget uses vote codes, for anyone
    with an unused code from a letter (no account needed)."""
    budget = budget_or_404(request, pk)
    if budget.eligibility == Budget.Eligibility.CODE:
        return _code_ballot(request, budget)
    return _resident_ballot(request, budget)


@ratelimit(key="ip", rate=code_attempt_rate, method="POST")
def _code_ballot(request, budget):
    projects = list(selectors.project_list(budget=budget, feasibility=Project.Feasibility.FEASIBLE))
    points: dict[int, int] = {}
    errors = []
    if request.method == "POST":
        points = _posted_points(request, budget, projects)
        if request.POST.get("action") != "check":
            try:
                services.ballot_cast_with_code(
                    budget=budget, code=request.POST.get("code", "")[:40], projects=list(points), points=points
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("Je stem is opgeslagen. Je stem is geheim; de code is nu gebruikt."))
                return redirect(budget)
    return _ballot_page(request, budget, projects, points, errors, voted=False, with_code=True)


@resident_required
def _resident_ballot(request, budget):
    district = selectors.resident_district(user=request.user, municipality=request.municipality)
    projects = list(selectors.project_ballot_choices(budget=budget, district=district))
    voted = selectors.has_voted(budget=budget, user=request.user)
    points: dict[int, int] = {}
    errors = []
    if request.method == "POST" and not voted:
        points = _posted_points(request, budget, projects)
        if request.POST.get("action") != "check":
            try:
                services.ballot_cast(budget=budget, resident=request.user, projects=list(points), points=points)
            except (PermissionDenied, ValidationError) as error:
                errors = error.messages if isinstance(error, ValidationError) else [str(error)]
            else:
                messages.success(
                    request, _("Je stem is opgeslagen. Je stem is geheim en kan niet meer worden gewijzigd.")
                )
                return redirect(budget)
    return _ballot_page(request, budget, projects, points, errors, voted=voted, with_code=False)


def _ballot_page(request, budget, projects, points, errors, *, voted: bool, with_code: bool):
    rows = [
        {
            "project": p,
            "cost": selectors.euro(p.cost),
            "points": points.get(p.pk, 0),
            "chosen": points.get(p.pk, 0) > 0,
        }
        for p in projects
    ]
    context = {
        "budget": budget,
        "rows": rows,
        "voted": voted,
        "with_code": with_code,
        "errors": errors,
        "open": budget.voting_is_open(),
        "totals": selectors.ballot_totals(budget=budget, points={k: v for k, v in points.items() if v > 0}),
        "max_cost": selectors.euro(budget.max_cost) if budget.max_cost is not None else "",
    }
    return render(request, "budgets/ballot.html", context, status=400 if errors else 200)


@require_GET
def result(request, pk):
    budget = budget_or_404(request, pk)
    count = selectors.count_result_latest(budget=budget, published=True)
    preview = False
    if count is None and selectors.budget_can_manage(budget=budget, user=request.user):
        count, preview = selectors.count_result_latest(budget=budget), True
    if count is None:
        return render(request, "budgets/no_result.html", {"budget": budget}, status=404)
    districts = selectors.budget_district_results(budget=budget, count=count)
    context = {
        "budget": budget,
        "preview": preview,
        "result": selectors.budget_result(budget=budget, count=count),
        "districts": districts,
        "district_map": _district_map(districts) if districts is not None else None,
        "chart_width": selectors.CHART_WIDTH,
    }
    return render(request, "budgets/result.html", context)


def _district_map(districts: selectors.DistrictResults):
    """Voters per wijk as a map, with the chosen projects and their cost in the table beside it."""
    rows = [
        (
            row.district,
            row.voters.value,
            str(row.voters),
            (
                "; ".join(p.shown_title for p in row.funded) or _("geen"),
                selectors.euro(row.funded_cost) if row.funded else "–",
            ),
        )
        for row in districts.rows
    ]
    return area_map(
        rows,
        title=_(
            "Kaart: per wijk hoeveel mensen stemden, hoe donkerder hoe meer. Gearceerd: onvoldoende gegevens. "
            "De tabel ernaast geeft dezelfde cijfers en de gekozen projecten."
        ),
        caption=_("Stemmers en gekozen projecten per wijk"),
        label_header=_("Wijk"),
        value_header=_("Stemmers"),
        extra_headers=(_("Gekozen projecten"), _("Kosten van de gekozen projecten")),
        ident="budget-districts-map",
        people=False,  # already held back by disclosure.breakdown, also where a wijk is not small itself
    )
