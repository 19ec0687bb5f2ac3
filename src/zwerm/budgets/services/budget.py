"""Setting up a budget inside a process, moving it through its phases, counting and publishing."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.processes.selectors import process_can_manage
from zwerm.processes.services import placement_create

from .. import rules, selectors
from ..models import TEXT_MAX, TITLE_MAX, Budget, CountResult, DistrictAmount, Project
from .checks import cleaned, require_manager
from .voting import ballots_shuffle

NEXT = {
    Budget.Status.PROPOSALS: {Budget.Status.REVIEW},
    Budget.Status.REVIEW: {Budget.Status.PROPOSALS, Budget.Status.VOTING},
    Budget.Status.VOTING: {Budget.Status.COUNTING},
    Budget.Status.COUNTING: {Budget.Status.VOTING},
    Budget.Status.RESULT: set(),
}


def _limits_errors(*, ballot_type, min_projects, max_projects, max_cost, points) -> dict:
    errors = {}
    if ballot_type not in Budget.BallotType.values:
        errors["ballot_type"] = [_("Kies een soort stembiljet.")]
    if min_projects is not None and max_projects is not None and min_projects > max_projects:
        errors["max_projects"] = [_("Het maximum aantal projecten moet minstens het minimum zijn.")]
    if max_projects is not None and max_projects < 1:
        errors["max_projects"] = [_("Laat minstens één project kiezen.")]
    if max_cost is not None and max_cost <= 0:
        errors["max_cost"] = [_("De maximale kosten moeten meer dan nul zijn.")]
    if ballot_type == Budget.BallotType.CUMULATIVE and not points:
        errors["points"] = [_("Vul in hoeveel punten iedere inwoner mag verdelen.")]
    return errors


def budget_create(
    *,
    process,
    actor,
    title: str,
    total_amount: Decimal,
    ballot_type: str = Budget.BallotType.APPROVAL,
    description: str = "",
    district=None,
    district_amounts: dict | None = None,
    rule: str = Budget.Rule.MES,
    completion: str = "add1",
    fill_up: bool = True,
    completion_step: Decimal = Decimal(1),
    min_projects: int | None = None,
    max_projects: int | None = None,
    max_cost: Decimal | None = None,
    points: int | None = None,
    min_votes: int = 0,
    vote_closes_at: datetime.datetime | None = None,
    active_phases=(),
) -> Budget:
    """A new budget, hosted by `process` as a component; the process lead or an admin sets it up.

    `district_amounts` maps a wijk to its own part of the budget (counted per wijk). `completion`,
    `fill_up` and `completion_step` say how the Method of Equal Shares is completed (variants.py)."""
    if not process_can_manage(process=process, user=actor):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))
    values = cleaned(
        (
            ("title", _("de titel"), title, TITLE_MAX, True),
            ("description", _("de beschrijving"), description, TEXT_MAX, False),
        )
    )
    errors = _limits_errors(
        ballot_type=ballot_type, min_projects=min_projects, max_projects=max_projects, max_cost=max_cost, points=points
    )
    if total_amount is None or total_amount < 0:
        errors["total_amount"] = [_("Vul een bedrag in van nul euro of meer.")]
    if rule not in Budget.Rule.values:
        errors["rule"] = [_("Kies een telmethode.")]
    if completion and completion not in rules.COMPLETIONS:
        errors["completion"] = [_("Deze aanvulling kent Zwerm niet.")]
    if completion_step is None or completion_step <= 0:
        errors["completion_step"] = [_("De verhoging per stap moet meer dan nul euro zijn.")]
    municipality = process.municipality
    if district is not None and district.municipality_id != municipality.pk:
        errors["district"] = [_("Kies een wijk van deze gemeente.")]
    amounts = dict(district_amounts or {})
    if amounts and district is not None:
        errors["district"] = [_("Kies één wijk óf bedragen per wijk, niet allebei.")]
    for d, amount in amounts.items():
        if d.municipality_id != municipality.pk or amount is None or amount < 0:
            errors["district_amounts"] = [_("Geef per wijk van deze gemeente een bedrag van nul euro of meer.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        budget = Budget.objects.create(
            municipality=municipality,
            created_by=actor,
            total_amount=total_amount,
            district=district,
            rule=rule,
            completion=completion or "",
            fill_up=fill_up,
            completion_step=completion_step,
            ballot_type=ballot_type,
            min_projects=min_projects,
            max_projects=max_projects,
            max_cost=max_cost,
            points=points,
            min_votes=min_votes or 0,
            vote_closes_at=vote_closes_at,
            **values,
        )
        DistrictAmount.objects.bulk_create(
            DistrictAmount(budget=budget, district=d, amount=amount) for d, amount in amounts.items()
        )
        placement_create(
            process=process,
            actor=actor,
            kind=selectors.KIND,
            object_id=budget.pk,
            title=values["title"],
            active_phases=active_phases,
        )
    return budget


def budget_set_status(*, budget: Budget, actor, to_status: str, vote_closes_at=None) -> Budget:
    """Move the budget to the next (or back to the previous) phase. Voting opens only when every project
    has been reviewed and at least one is feasible; closing the vote ends it at once."""
    require_manager(budget=budget, user=actor)
    with transaction.atomic():
        budget = Budget.objects.select_for_update().get(pk=budget.pk)
        if to_status not in NEXT.get(budget.status, set()):
            raise ValidationError(_("Dit buurtbudget kan niet van deze fase naar die fase."))
        now = timezone.now()
        if to_status == Budget.Status.VOTING:
            projects = selectors.project_list(budget=budget)
            if projects.filter(feasibility=Project.Feasibility.PENDING).exists():
                raise ValidationError(_("Beoordeel eerst alle projecten voordat het stemmen begint."))
            if not projects.filter(feasibility=Project.Feasibility.FEASIBLE).exists():
                raise ValidationError(_("Er is nog geen haalbaar project om op te stemmen."))
            closes = vote_closes_at if vote_closes_at is not None else budget.vote_closes_at
            budget.vote_closes_at = closes if closes is not None and closes > now else None
            if vote_closes_at is not None and vote_closes_at <= now:
                raise ValidationError({"vote_closes_at": [_("De sluitingstijd moet in de toekomst liggen.")]})
        if budget.status == Budget.Status.COUNTING and to_status == Budget.Status.VOTING:
            # Voting again: a count made before is out of date and must not be published.
            CountResult.objects.filter(budget=budget, published_at__isnull=True).delete()
        if to_status == Budget.Status.COUNTING and (budget.vote_closes_at is None or budget.vote_closes_at > now):
            budget.vote_closes_at = now
        if to_status == Budget.Status.COUNTING:
            ballots_shuffle(budget=budget)  # the table's order no longer tells the order of voting
        budget.status = to_status
        budget.save(update_fields=["status", "vote_closes_at"])
    return budget


def _winners_reach(ballots, winners: set[str]) -> int:
    return sum(1 for b in ballots if winners & set(b.projects))


def _run(instance, ballots, *, rule: str, completion: str, fill_up: bool, step: Decimal, min_votes: int) -> dict:
    """One rule over the (per-wijk) budget, as one JSON-ready outcome."""
    mes = rule == Budget.Rule.MES
    options = {
        "rule": rule,
        "completion": (completion or None) if mes else None,
        "fill_up": fill_up,
        "step": rules.to_fraction(str(step)),
        "min_votes": min_votes,
    }
    outcomes = rules.count_districts(instance, ballots, **options)
    parts = [o.to_dict() for o in outcomes]
    winners = [w for o in outcomes for w in o.winners]
    explanations = {e["project"]: e for part in parts for e in part["explanations"]}
    for p in instance.projects:  # a project no part counted (e.g. no votes in its wijk)
        explanations.setdefault(
            p.id,
            {"project": p.id, "funded": False, "reason": "no_votes", "votes": 0, "score": 0, "cost": float(p.cost)},
        )
    for e in explanations.values():
        for key in ("position", "round", "remaining_budget", "supporters_money", "price"):
            e.setdefault(key, None)
        e.setdefault("payments", [])
    return {
        "rule": rule,
        "completion": options["completion"],
        "fill_up": fill_up if mes else None,
        "step": float(step) if mes and options["completion"] in rules.ADD1 else None,
        "winners": winners,
        "cost": float(sum((o.cost for o in outcomes), start=0)),
        "budget": float(instance.budget + sum(instance.district_budgets.values(), start=0)),
        "voters": len(ballots),
        "voters_with_a_funded_project": _winners_reach(ballots, set(winners)),
        "seconds": sum(o.seconds for o in outcomes),
        "parts": [{k: v for k, v in part.items() if k != "explanations"} for part in parts],
        "explanations": explanations,
    }


def budget_count(*, budget: Budget, actor) -> CountResult:
    """Count the closed vote with the budget's rule, and with the other rule for comparison.
    Works without votes and without an affordable project (nothing is funded then)."""
    require_manager(budget=budget, user=actor)
    budget = Budget.objects.select_related("district", "municipality").get(pk=budget.pk)
    if budget.status not in (Budget.Status.COUNTING, Budget.Status.RESULT):
        raise ValidationError(_("Sluit eerst het stemmen; daarna kun je tellen."))
    if budget.status == Budget.Status.RESULT:
        raise ValidationError(_("De uitslag is al gepubliceerd; er wordt niet opnieuw geteld."))
    instance = selectors.budget_instance(budget=budget)
    ballots = selectors.budget_rule_ballots(budget=budget)
    other = Budget.Rule.GREEDY if budget.rule == Budget.Rule.MES else Budget.Rule.MES
    completion = budget.completion or "add1"
    # A project nobody voted for is never funded here (the engine, like pabutools, would fill the
    # budget up with it); the municipality may set a higher minimum.
    min_votes = max(budget.min_votes, 1)
    how = {"completion": completion, "fill_up": budget.fill_up, "step": budget.completion_step, "min_votes": min_votes}
    outcome = _run(instance, ballots, rule=budget.rule, **how)
    other_outcome = _run(instance, ballots, rule=other, **how)
    with transaction.atomic():
        return CountResult.objects.create(
            budget=budget,
            rule=budget.rule,
            completion=outcome["completion"] or "",
            outcome=outcome,
            other_rule=other,
            other_outcome=other_outcome,
            voters=len(ballots),
            counted_by=actor,
        )


def budget_publish_result(*, budget: Budget, actor) -> CountResult:
    """Publish the latest count: the budget moves to its result phase."""
    require_manager(budget=budget, user=actor)
    with transaction.atomic():
        budget = Budget.objects.select_for_update().get(pk=budget.pk)
        if budget.status != Budget.Status.COUNTING:
            raise ValidationError(_("Alleen een getelde stemming kan worden gepubliceerd."))
        result = selectors.count_result_latest(budget=budget)
        if result is None:
            raise ValidationError(_("Tel eerst de stemmen."))
        result.published_at = timezone.now()
        result.save(update_fields=["published_at"])
        budget.status = Budget.Status.RESULT
        budget.save(update_fields=["status"])
    return result
