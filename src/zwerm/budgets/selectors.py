"""Reads for budgets, scoped to one municipality; also the bridge to the counting engine (`rules`).

Ballots are secret by construction: a ballot has no reference to a person, and the register
(`VoteRecord`, read by `has_voted`) only says who voted. Figures about fewer than 5 voters
(the disclosure threshold) are not shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import membership_get, user_has_role
from zwerm.attachments.selectors import attachment_list, attachment_rows_for
from zwerm.core import disclosure
from zwerm.core.amounts import format_euro
from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list
from zwerm.processes.selectors import placement_for, process_can_manage, process_is_visible

from . import rules
from .models import (
    PROJECT_ATTACHMENT_TARGET,
    Ballot,
    BallotChoice,
    Budget,
    CountResult,
    DistrictAmount,
    Project,
    VoteCode,
    VoteRecord,
)
from .variants import variant_for

if TYPE_CHECKING:
    from zwerm.places.models import District

KIND = "budget"  # the component type key in zwerm.processes.registry


def public_figure(value: int) -> str:
    """A figure about voters as the public sees it: below the disclosure threshold it is not shown exactly."""
    return disclosure.people(value).display


# --- budgets ---------------------------------------------------------------------------------------


def budget_list(*, municipality: Municipality) -> QuerySet[Budget]:
    return (
        Budget.objects.filter(municipality=municipality)
        .select_related("district")
        .annotate(project_count=Count("projects", distinct=True))
    )


def budget_list_public(*, municipality: Municipality) -> QuerySet[Budget]:
    """The budgets the public may see: all but those placed in a process that is still a draft.

    One placement lookup per budget; a municipality has a handful of budgets."""
    budgets = budget_list(municipality=municipality)
    hidden = [b.pk for b in budgets if not budget_is_public(budget=b)]
    return budgets.exclude(pk__in=hidden).order_by("-created_at", "-pk")


def budget_is_public(*, budget: Budget) -> bool:
    """False while the budget's process is a draft (as its page answers 404 then)."""
    process = budget_process(budget=budget)
    return process is None or process_is_visible(process=process)


def budget_get(*, municipality: Municipality, pk) -> Budget | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Budget.objects.select_related("district", "municipality").filter(municipality=municipality, pk=pk).first()


def budget_get_by_id(*, pk) -> Budget | None:
    """Any municipality's budget (command line and scheduled jobs only; pages use budget_get)."""
    return Budget.objects.select_related("municipality").filter(pk=pk).first()


def budget_process(*, budget: Budget):
    """The process hosting this budget (every budget is created inside one)."""
    placement = placement_for(kind=KIND, object_id=budget.pk)
    return placement.process if placement is not None else None


def budget_can_manage(*, budget: Budget, user) -> bool:
    """The lead of the hosting process, or an admin of the municipality."""
    if user is None or not user.is_authenticated:
        return False
    process = budget_process(budget=budget)
    if process is not None:
        return process_can_manage(process=process, user=user)
    return user_has_role(user=user, municipality=budget.municipality, roles=Role.ADMIN)


def district_amount_list(*, budget: Budget) -> QuerySet[DistrictAmount]:
    return DistrictAmount.objects.filter(budget=budget).select_related("district").order_by("district__name")


def resident_district(*, user, municipality: Municipality):
    """The wijk of the resident's own buurt, or None."""
    membership = membership_get(user=user, municipality=municipality)
    if membership is None or membership.neighbourhood is None:
        return None
    return membership.neighbourhood.district


# --- projects --------------------------------------------------------------------------------------


def project_list(*, budget: Budget, feasibility: str | None = None) -> QuerySet[Project]:
    qs = Project.objects.filter(budget=budget).select_related("district")
    if feasibility:
        qs = qs.filter(feasibility=feasibility)
    return qs.order_by("pk")


def project_list_public(*, budget: Budget) -> QuerySet[Project]:
    """The projects the budget's page shows: all while proposing and reviewing, from voting on only the
    checked ones (feasible or not)."""
    qs = project_list(budget=budget)
    if budget.status in (Budget.Status.VOTING, Budget.Status.COUNTING, Budget.Status.RESULT):
        qs = qs.exclude(feasibility=Project.Feasibility.PENDING)
    return qs


def project_get(*, budget: Budget, pk) -> Project | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Project.objects.select_related("district").filter(budget=budget, pk=pk).first()


def project_ballot_choices(*, budget: Budget, district=None) -> QuerySet[Project]:
    """The projects a resident can vote for: feasible ones; in a per-wijk budget those of their own
    wijk and those for the whole municipality."""
    qs = project_list(budget=budget, feasibility=Project.Feasibility.FEASIBLE)
    if district_amount_list(budget=budget).exists():
        ids = [district.pk] if district is not None else []
        from django.db.models import Q

        qs = qs.filter(Q(district__isnull=True) | Q(district_id__in=ids))
    return qs


# --- ballots ---------------------------------------------------------------------------------------


def has_voted(*, budget: Budget, user) -> bool:
    """Whether the user has voted in this budget (the register; what they chose is nowhere tied to them)."""
    if user is None or not user.is_authenticated:
        return False
    return VoteRecord.objects.filter(budget=budget, voter=user).exists()


def vote_code_counts(*, budget: Budget) -> dict[str, int]:
    """For staff: how many codes were made and how many have voted (never which)."""
    codes = VoteCode.objects.filter(budget=budget)
    return {"issued": codes.count(), "used": codes.filter(used=True).count()}


def budget_district_ids(*, budget_ids: list[int]) -> dict[int, set[int]]:
    """Budget pk -> the wijken (district pks) it is for: its own wijk, those it sets an amount aside for, and
    those its projects' places lie in."""
    out: dict[int, set[int]] = {pk: set() for pk in budget_ids}
    for pk, district_id in Budget.objects.filter(pk__in=budget_ids, district__isnull=False).values_list(
        "pk", "district_id"
    ):
        out[pk].add(district_id)
    for pk, district_id in DistrictAmount.objects.filter(budget_id__in=budget_ids).values_list(
        "budget_id", "district_id"
    ):
        out[pk].add(district_id)
    # the wijken of the projects' places (locations)
    for pk, district_id in Project.objects.filter(
        budget_id__in=budget_ids, location_neighbourhood__isnull=False
    ).values_list("budget_id", "location_neighbourhood__district_id"):
        out[pk].add(district_id)
    return out


def budget_voter_count(*, budget: Budget) -> int:
    return Ballot.objects.filter(budget=budget).count()


def _fraction(value: Decimal | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def budget_limits(*, budget: Budget) -> rules.BallotLimits:
    return rules.BallotLimits(
        min_projects=budget.min_projects,
        max_projects=budget.max_projects,
        max_cost=_fraction(budget.max_cost) if budget.ballot_type == Budget.BallotType.APPROVAL else None,
        max_points=budget.points if budget.ballot_type == Budget.BallotType.CUMULATIVE else None,
    )


def budget_instance(*, budget: Budget, meta: dict | None = None) -> rules.Instance:
    """The budget as the engine sees it: its feasible projects (id = project pk as text), amounts, limits."""
    projects = [
        rules.Project(
            id=str(p.pk),
            cost=Fraction(p.cost or 0),
            name=p.shown_title,
            district=p.district.code if p.district_id else None,
        )
        for p in project_list(budget=budget, feasibility=Project.Feasibility.FEASIBLE)
    ]
    return rules.Instance(
        budget=Fraction(budget.total_amount),
        projects=projects,
        vote_type=budget.ballot_type,
        limits=budget_limits(budget=budget),
        district_budgets={a.district.code: Fraction(a.amount) for a in district_amount_list(budget=budget)},
        meta=meta or {},
    )


def budget_rule_ballots(*, budget: Budget) -> list[rules.ApprovalBallot | rules.CumulativeBallot]:
    """Every ballot (none says who cast it): numbered afresh 1, 2, ... in an order set by the choices
    themselves, not by the random ids."""
    choices: dict = {}
    districts: dict = {}
    for ballot_id, code in Ballot.objects.filter(budget=budget).values_list("pk", "district__code"):
        choices[ballot_id] = []
        districts[ballot_id] = code
    rows = BallotChoice.objects.filter(ballot__budget=budget, project__feasibility=Project.Feasibility.FEASIBLE)
    for ballot_id, project_id, points in rows.values_list("ballot_id", "project_id", "points"):
        choices[ballot_id].append((str(project_id), points))
    per_district = district_amount_list(budget=budget).exists()
    anonymous = sorted(
        ((districts[b] if per_district else None) or "", tuple(sorted(c, key=lambda pc: (int(pc[0]), pc[1]))))
        for b, c in choices.items()
        if c
    )
    approval = budget.ballot_type == Budget.BallotType.APPROVAL
    out = []
    for number, (district, pairs) in enumerate(anonymous, start=1):
        if approval:
            out.append(
                rules.ApprovalBallot(tuple(p for p, _ in pairs), voter_id=str(number), district=district or None)
            )
        else:
            out.append(rules.CumulativeBallot(pairs, voter_id=str(number), district=district or None))
    return out


# --- results ---------------------------------------------------------------------------------------


def count_result_latest(*, budget: Budget, published: bool = False) -> CountResult | None:
    qs = CountResult.objects.filter(budget=budget)
    if published:
        qs = qs.filter(published_at__isnull=False)
    return qs.order_by("-counted_at", "-pk").first()


RULE_NAMES = {"greedy": gettext_lazy("meeste stemmen eerst"), "mes": gettext_lazy("methode van gelijke delen")}


def _euro(value) -> str:
    return format_euro(Decimal(str(value or 0)))


def _mes_shortfall(e: dict, *, show_votes: bool = True) -> str:
    # What the supporters had left is about their number (untouched, each had an equal share): only
    # given when their votes are shown.
    if e.get("supporters_money") is None or not (show_votes and disclosure.is_public(e.get("votes"))):
        return _("De stemmers op dit project hadden samen niet genoeg over om het te betalen.")
    return _("De stemmers op dit project hadden samen nog %(money)s over, minder dan de kosten (%(cost)s).") % {
        "money": _euro(e["supporters_money"]),
        "cost": _euro(e["cost"]),
    }


def budget_variant_name(*, budget: Budget) -> str:
    """How the budget's Method of Equal Shares is completed, in words (empty for greedy)."""
    if budget.rule != Budget.Rule.MES:
        return ""
    return str(variant_for(budget.completion, budget.fill_up).label)


def explanation_text(explanation: dict, *, show_votes: bool, rule: str = "greedy") -> str:
    """A project's explanation in Dutch, from the engine's reason code (small voter figures left out)."""
    e = explanation
    reason = e["reason"]
    votes = public_figure(e["votes"]) if show_votes else _("niet getoond")
    if reason == "funded_mes":
        # The payment groups split the project's voters: one group shown as "minder dan 5" next to the
        # project's votes and the other groups would give its size away (28 - 25 = 3), so then no group
        # has a count.
        groups = [p["voters"] for p in e["payments"] if p["amount"]]
        counts_safe = show_votes and disclosure.parts_safe(e["votes"], groups)
        paid = "; ".join(
            (
                _("%(n)s stemmers betaalden samen wat ze nog hadden (%(amount)s)")
                if p["paid_all_they_had"]
                else _("%(n)s stemmers betaalden elk %(amount)s")
            )
            % {"n": public_figure(p["voters"]) if counts_safe else _("enkele"), "amount": _euro(p["amount"])}
            for p in e["payments"]
            if p["amount"]
        )
        return _(
            "Gekozen in ronde %(round)s van de methode van gelijke delen: iedere stemmer kreeg een gelijk deel "
            "van het budget, en de stemmers op dit project konden het samen betalen. %(paid)s."
        ) % {"round": e["round"], "paid": paid}
    if reason == "funded_zero_cost":
        return _("Kost niets en kreeg stemmen: meteen gekozen.")
    if reason in ("funded_greedy", "did_not_fit") and not (show_votes and disclosure.is_public(e["votes"])):
        # A place in the order and what was left at that point would rank the projects whose votes are
        # not shown: only the outcome is given.
        text = (
            _("Gekozen in de volgorde op stemmen (%(votes)s); de kosten (%(cost)s) pasten in wat er nog over was.")
            if reason == "funded_greedy"
            else _(
                "Niet gekozen in de volgorde op stemmen (%(votes)s); de kosten (%(cost)s) pasten niet meer in wat "
                "er nog over was."
            )
        ) % {"votes": votes, "cost": _euro(e["cost"])}
        if rule == "mes":
            return _("%(shortfall)s Daarna is het overgebleven geld verdeeld op volgorde van stemmen: %(fill)s") % {
                "shortfall": _mes_shortfall(e, show_votes=show_votes),
                "fill": text[0].lower() + text[1:],
            }
        return text
    if reason in ("funded_greedy", "did_not_fit"):
        text = (
            _(
                "Plaats %(position)s in de volgorde op stemmen (%(votes)s); de kosten (%(cost)s) pasten in wat "
                "er nog over was (%(left)s)."
            )
            if reason == "funded_greedy"
            else _(
                "Plaats %(position)s in de volgorde op stemmen (%(votes)s); de kosten (%(cost)s) pasten niet "
                "meer in wat er nog over was (%(left)s)."
            )
        )
        text = text % {
            "position": e["position"],
            "votes": votes,
            "cost": _euro(e["cost"]),
            "left": _euro(e["remaining_budget"]),
        }
        if rule == "mes":  # the greedy fill-up after the Method of Equal Shares
            return _("%(shortfall)s Daarna is het overgebleven geld verdeeld op volgorde van stemmen: %(fill)s") % {
                "shortfall": _mes_shortfall(e, show_votes=show_votes),
                "fill": text[0].lower() + text[1:],
            }
        return text
    if reason == "not_affordable_mes":
        return _mes_shortfall(e, show_votes=show_votes)
    if reason == "no_votes" or e["votes"] == 0:
        return _("Geen stemmen.")
    if reason == "below_minimum_votes":
        return _("Minder stemmen dan het minimum; telt niet mee.")
    return _("Niet gekozen.")


@dataclass
class ProjectResult:
    project: Project
    funded: bool
    funded_under_other_rule: bool
    votes: int
    votes_shown: str
    explanation: str
    bar_votes: int = 0  # width in the chart, 0 when the figure is not shown
    bar_cost: int = 0
    y: int = 0  # top of the row in the chart

    @property
    def y_label(self) -> int:
        return self.y + 20

    @property
    def y_cost(self) -> int:
        return self.y + 16


@dataclass
class BudgetResult:
    count: CountResult
    rule_name: str
    other_rule_name: str
    voters: int
    voters_shown: str
    show_figures: bool
    projects: list[ProjectResult] = field(default_factory=list)
    funded_cost: str = ""
    share_with_funded: int | None = None  # percentage of voters with at least one funded project
    other_share_with_funded: int | None = None
    only_this_rule: list[Project] = field(default_factory=list)
    only_other_rule: list[Project] = field(default_factory=list)
    chart_height: int = 0
    variant_name: str = ""  # MES: how it was completed (variants.py); empty for greedy
    step_shown: str = ""  # MES add1 variants: the raise per step, when it was not one euro
    left_over: str = ""  # money not spent, when there is any


CHART_WIDTH = 300


def budget_result(*, budget: Budget, count: CountResult) -> BudgetResult:
    """What the result page shows: funded projects, votes and costs, the comparison with the other rule,
    and an explanation per project; figures about fewer than 5 voters (the disclosure threshold) are left out."""
    outcome, other = count.outcome, count.other_outcome
    show = disclosure.is_public(count.voters)
    explanations = outcome["explanations"]
    winners, other_winners = set(outcome["winners"]), set(other["winners"])
    projects = {str(p.pk): p for p in project_list(budget=budget, feasibility=Project.Feasibility.FEASIBLE)}
    rows = []
    max_votes = max((e["votes"] for e in explanations.values()), default=0) or 1
    max_cost = max((float(e["cost"] or 0) for e in explanations.values()), default=0) or 1
    for pid, e in explanations.items():
        project = projects.get(pid)
        if project is None:
            continue
        shown = show and disclosure.is_public(e["votes"])
        rows.append(
            ProjectResult(
                project=project,
                funded=pid in winners,
                funded_under_other_rule=pid in other_winners,
                votes=e["votes"],
                votes_shown=public_figure(e["votes"]) if show else _("niet getoond"),
                explanation=explanation_text(e, show_votes=show, rule=count.rule),
                bar_votes=round(CHART_WIDTH * e["votes"] / max_votes) if shown else 0,
                bar_cost=round(CHART_WIDTH * float(e["cost"] or 0) / max_cost),
            )
        )
    # Hidden vote counts sort as equal (by project number), so the order never ranks them.
    rows.sort(key=lambda r: (not r.funded, -(disclosure.sort_value(r.votes) if show else 0), r.project.pk))
    for i, row in enumerate(rows):
        row.y = 5 + 40 * i

    def share(o):
        return round(100 * o["voters_with_a_funded_project"] / count.voters) if count.voters else None

    variant_name = step_shown = ""
    if count.rule == Budget.Rule.MES:
        # Counts stored before the fill-up became a choice were always filled up.
        variant = variant_for(count.completion, outcome.get("fill_up", True))
        variant_name = str(variant.label)
        step = outcome.get("step")
        if variant.completion in rules.ADD1 and step is not None and step != 1:
            step_shown = _euro(step)
    left = float(outcome.get("budget") or 0) - float(outcome.get("cost") or 0)

    return BudgetResult(
        count=count,
        rule_name=str(RULE_NAMES[count.rule]),
        other_rule_name=str(RULE_NAMES[count.other_rule]),
        voters=count.voters,
        voters_shown=public_figure(count.voters),
        show_figures=show,
        projects=rows,
        funded_cost=_euro(outcome["cost"]),
        share_with_funded=share(outcome) if show else None,
        other_share_with_funded=share(other) if show else None,
        only_this_rule=[projects[p] for p in outcome["winners"] if p not in other_winners and p in projects],
        only_other_rule=[projects[p] for p in other["winners"] if p not in winners and p in projects],
        chart_height=len(rows) * 40 + 10,
        variant_name=variant_name,
        step_shown=step_shown,
        left_over=_euro(left) if left >= 0.005 else "",
    )


@dataclass(frozen=True)
class DistrictResult:
    """One wijk on the result page: its voters (a disclosure Figure), the projects chosen in it and their cost,
    and the amount set aside for it (per-wijk budgets)."""

    district: District
    name: str
    code: str
    voters: disclosure.Figure
    funded: list[Project]
    funded_cost: Decimal
    amount: Decimal | None = None

    @property
    def funded_count(self) -> int:
        return len(self.funded)


@dataclass(frozen=True)
class DistrictResults:
    rows: list[DistrictResult]
    whole_area: list[Project]  # chosen projects that are for no one wijk
    whole_area_cost: Decimal


def budget_district_results(*, budget: Budget, count: CountResult) -> DistrictResults | None:
    """Per wijk of the municipality: voters and chosen projects (None for a budget for one wijk).

    A wijk's voters are shown from 5 on, and only where the budget's public voter totals (every ballot on the
    budget page and in the API, the ballots counted on the result page and in the open data) minus the wijken
    shown leave 0 or at least 5: otherwise the smallest wijk shown is held back too (`disclosure.breakdown`).
    Ballots carry their wijk and nothing about a person, so these are counts of ballots."""
    if budget.district_id is not None:
        return None
    ballots = Ballot.objects.filter(budget=budget, district__isnull=False)
    every = dict(ballots.values("district_id").annotate(n=Count("pk")).order_by().values_list("district_id", "n"))
    counted = dict(
        ballots.filter(choices__project__feasibility=Project.Feasibility.FEASIBLE)
        .values("district_id")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
        .values_list("district_id", "n")
    )
    shown_every = disclosure.breakdown(every, budget_voter_count(budget=budget))
    shown_counted = disclosure.breakdown(counted, count.voters)
    winners = {int(pk) for pk in count.outcome["winners"]}
    funded = list(project_list(budget=budget).filter(pk__in=winners).select_related("location_neighbourhood"))

    def wijk(project: Project) -> int | None:
        # the project's wijk (per-wijk budgets), or that of its place (locations)
        if project.district_id is not None:
            return project.district_id
        return project.location_neighbourhood.district_id if project.location_neighbourhood_id else None

    amounts = {a.district_id: a.amount for a in district_amount_list(budget=budget)}
    rows = []
    for district in district_list(municipality=budget.municipality).order_by("name", "pk"):
        hidden = disclosure.insufficient()
        both = shown_every.get(district.pk, hidden).shown and shown_counted.get(district.pk, hidden).shown
        chosen = [p for p in funded if wijk(p) == district.pk]
        rows.append(
            DistrictResult(
                district=district,
                name=district.name,
                code=district.code,
                voters=shown_counted[district.pk] if both else hidden,
                funded=chosen,
                funded_cost=sum((p.cost or Decimal(0) for p in chosen), start=Decimal(0)),
                amount=amounts.get(district.pk),
            )
        )
    whole = [p for p in funded if wijk(p) is None]
    return DistrictResults(
        rows=rows, whole_area=whole, whole_area_cost=sum((p.cost or Decimal(0) for p in whole), start=Decimal(0))
    )


@dataclass(frozen=True)
class BallotTotals:
    chosen: int
    cost: str
    points: int
    problems: list[str]


def ballot_totals(*, budget: Budget, points: dict[int, int]) -> BallotTotals:
    """The running total of a (draft) ballot against the limits, for the ballot page."""
    chosen = {pk: v for pk, v in points.items() if v > 0}
    costs = dict(project_list(budget=budget).filter(pk__in=chosen).values_list("pk", "cost"))
    cost = sum((costs.get(pk) or Decimal(0) for pk in chosen), start=Decimal(0))
    problems = []
    n = len(chosen)
    if budget.min_projects is not None and n < budget.min_projects:
        problems.append(_("Kies nog minstens %(n)d project(en).") % {"n": budget.min_projects - n})
    if budget.max_projects is not None and n > budget.max_projects:
        problems.append(
            _("Je hebt %(n)d projecten gekozen; het maximum is %(max)d.") % {"n": n, "max": budget.max_projects}
        )
    if budget.ballot_type == Budget.BallotType.APPROVAL and budget.max_cost is not None and cost > budget.max_cost:
        problems.append(
            _("Je keuze kost %(cost)s; dat is meer dan %(max)s.") % {"cost": _euro(cost), "max": _euro(budget.max_cost)}
        )
    total_points = sum(chosen.values())
    if (
        budget.ballot_type == Budget.BallotType.CUMULATIVE
        and budget.points is not None
        and total_points > budget.points
    ):
        problems.append(
            _("Je hebt %(n)d punten verdeeld; het maximum is %(max)d.") % {"n": total_points, "max": budget.points}
        )
    return BallotTotals(chosen=n, cost=_euro(cost), points=total_points, problems=problems)


def euro(value) -> str:
    """An amount in euros as shown on the pages ("€ 12.500" or "€ 12,50")."""
    return _euro(value)


def budget_to_publish_count(*, municipality: Municipality, user) -> int:
    """Budgets whose vote is closed and whose result waits to be counted or published, among those `user`
    manages (the staff start page)."""
    waiting = Budget.objects.filter(municipality=municipality, status=Budget.Status.COUNTING)
    return sum(1 for budget in waiting if budget_can_manage(budget=budget, user=user))


def budget_list_voting(*, municipality: Municipality) -> QuerySet[Budget]:
    """Public budgets whose vote is open now (the home page invites people to vote)."""
    return budget_list_public(municipality=municipality).filter(status=Budget.Status.VOTING)


def project_attachments(*, project: Project, with_hidden: bool = True) -> list:
    """A project's photos and documents in order (`zwerm.attachments`)."""
    return attachment_list(
        municipality=project.municipality,
        kind=PROJECT_ATTACHMENT_TARGET,
        object_id=project.pk,
        with_hidden=with_hidden,
    )


def projects_attach_files(*, projects) -> list:
    """Give each project of a page its visible photos and documents as `files` (one query for the page)."""
    items = list(projects)
    if not items:
        return items
    rows = attachment_rows_for(
        municipality=items[0].municipality_id, kind=PROJECT_ATTACHMENT_TARGET, object_ids=[p.pk for p in items]
    )
    for item in items:
        item.files = rows.get(item.pk, [])
    return items
