"""The count: one function from an instance and ballots to an explained outcome."""

from __future__ import annotations

import time
from collections.abc import Sequence
from fractions import Fraction

from .completion import ADD1, MesResult, mes_with_completion
from .greedy import explain_greedy_step, greedy_fill
from .outcome import Outcome, ProjectExplanation
from .profile import Profile, TieKey, compile_profile, tie_key, voters_with_a_funded_project
from .types import ApprovalBallot, Ballot, CumulativeBallot, Instance, to_fraction

RULES = ("greedy", "mes")


def count(
    instance: Instance,
    ballots: Sequence[Ballot],
    *,
    rule: str = "mes",
    completion: str | None = "add1",
    fill_up: bool = True,
    exact: bool = False,
    tie_break: str | TieKey = "id",
    min_votes: int = 0,
    step: Fraction | int | str = 1,
    district: str | None = None,
    engine: str = "certified",
) -> Outcome:
    """Count the ballots with ``rule`` ("greedy" or "mes") and explain every project.

    ``min_votes``: projects with fewer supporting voters take no part in the count.
    ``completion``, ``fill_up`` and ``step``: how MES is completed (see ``completion.py``); ignored
    for greedy. ``fill_up=False`` leaves what the completion did not spend unspent (Assen 2024).
    ``exact``: compute and compare every MES price as an exact fraction; the fast path does that
    only for close calls. Both give the same winners. ``engine="reference"`` runs the slow
    plain-fraction engine used to check the default one.
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose greedy or mes")
    started = time.perf_counter()
    profile = compile_profile(instance, ballots)
    key = tie_key(tie_break, profile)
    votes = profile.votes
    eligible = [k for k in range(len(profile.projects)) if votes[k] >= min_votes]
    explanations: dict[str, ProjectExplanation] = {}
    outcome = Outcome(
        rule=rule,
        completion=completion if rule == "mes" else None,
        budget=instance.budget,
        winners=[],
        cost=Fraction(0),
        voters=profile.n_voters,
        voters_with_a_funded_project=0,
        explanations=explanations,
        exact=exact,
        tie_break=tie_break if isinstance(tie_break, str) else "custom",
        district=district,
    )
    if rule == "greedy":
        steps = greedy_fill(profile, budget=instance.budget, candidates=eligible, key=key)
        winners = [s.project for s in steps if s.funded]
        for s in steps:
            e = explain_greedy_step(profile, s, completion=False)
            explanations[e.project_id] = e
    else:
        result = mes_with_completion(
            profile,
            budget=instance.budget,
            eligible=eligible,
            completion=completion or "none",
            fill_up=fill_up,
            key=key,
            exact=exact,
            step=to_fraction(step),
            engine=engine,
        )
        winners = result.winners
        explanations.update(_explain_mes(profile, result))
        outcome.per_voter_budget = result.run.per_voter_budget
        outcome.completion_steps = result.steps
        outcome.stop_reason = result.stop_reason
        outcome.over_budget_at = result.over_budget_at
        outcome.fill_up = result.filled_up
        if completion in ADD1:
            outcome.step = to_fraction(step)
    for k, p in enumerate(profile.projects):
        if votes[k] < min_votes:
            explanations[p.id] = ProjectExplanation(
                project_id=p.id,
                funded=False,
                reason="below_minimum_votes",
                text=f"{votes[k]} votes, fewer than the minimum of {min_votes}; not counted.",
                cost=p.cost,
                votes=votes[k],
                score=profile.scores[k],
            )
    outcome.explanations = {p.id: explanations[p.id] for p in profile.projects if p.id in explanations}
    outcome.winners = [profile.projects[k].id for k in winners]
    outcome.cost = sum((profile.projects[k].cost for k in winners), start=Fraction(0))
    outcome.voters_with_a_funded_project = voters_with_a_funded_project(profile, winners)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _explain_mes(profile: Profile, result: MesResult) -> dict[str, ProjectExplanation]:
    run = result.run
    approval = profile.approval
    unit = "voter" if approval else "point"
    out: dict[str, ProjectExplanation] = {}

    def base(k: int, **kw) -> ProjectExplanation:
        p = profile.projects[k]
        return ProjectExplanation(project_id=p.id, cost=p.cost, votes=profile.votes[k], score=profile.scores[k], **kw)

    for k in result.zero_cost:
        out[profile.projects[k].id] = base(
            k, funded=True, reason="funded_zero_cost", text="Costs nothing and has votes: funded first."
        )
    b = run.per_voter_budget
    for s in run.selected:
        p = profile.projects[s.project]
        effective = p.cost / s.price
        groups = ", ".join(
            f"{pay.voters} paid all they had left ({float(pay.amount):.2f} together)"
            if pay.everything
            else f"{pay.voters} paid {float(pay.amount):.2f} each"
            for pay in s.payments
        )
        out[p.id] = base(
            s.project,
            funded=True,
            reason="funded_mes",
            text=(
                f"Funded in round {s.round} of the Method of Equal Shares (per-voter budget "
                f"{float(b):.2f}): at most {float(s.price):.4f} per {unit}, an effective vote count "
                f"of {float(effective):.2f}, the best in that round. Supporters paid: {groups}."
            ),
            round=s.round,
            price=s.price,
            effective_votes=effective,
            payments=list(s.payments),
        )
    fill = {s.project: s for s in result.fill}
    for k in run.candidates:
        p = profile.projects[k]
        if p.id in out:
            continue
        drop = run.dropped.get(k)
        why = (
            f"In round {drop.round} of the Method of Equal Shares its supporters had "
            f"{float(drop.money):.2f} left, less than its cost {p.cost}."
            if drop
            else "The Method of Equal Shares did not fund it."
        )
        e = base(
            k,
            funded=False,
            reason="not_affordable_mes",
            text=why,
            round=drop.round if drop else None,
            supporters_money=drop.money if drop else None,
        )
        if k in fill:
            g = explain_greedy_step(profile, fill[k], completion=True)
            e.funded, e.reason, e.text = g.funded, g.reason, f"{why} {g.text}"
            e.position, e.remaining_budget = g.position, g.remaining_budget
        out[p.id] = e
    for k, s in fill.items():
        p = profile.projects[k]
        if p.id not in out:
            g = explain_greedy_step(profile, s, completion=True)
            if profile.votes[k] == 0:
                g.text = "No votes, so not part of the Method of Equal Shares. " + g.text
            out[p.id] = g
    for k, p in enumerate(profile.projects):
        if p.id not in out and profile.votes[k] == 0:
            out[p.id] = base(k, funded=False, reason="no_votes", text="No votes.")
    return out


def restrict(ballot: Ballot, projects: set[str]) -> Ballot:
    """The ballot with only the votes for ``projects``."""
    if isinstance(ballot, ApprovalBallot):
        return ApprovalBallot(tuple(p for p in ballot.projects if p in projects), ballot.voter_id, ballot.district)
    return CumulativeBallot(tuple((p, v) for p, v in ballot.points if p in projects), ballot.voter_id, ballot.district)


def count_districts(instance: Instance, ballots: Sequence[Ballot], **options) -> list[Outcome]:
    """One count per district, each with its own budget from ``instance.district_budgets``.

    A district's voters are the ballots marked with that district; when no ballot carries a
    district, the voters who voted for at least one of the district's projects. Projects without a
    district are counted citywide with ``instance.budget`` when there are any. Without district
    budgets this is one ordinary count.
    """
    if not instance.district_budgets:
        return [count(instance, ballots, **options)]
    marked = any(b.district for b in ballots)
    outcomes = []
    areas: list[tuple[str | None, Fraction]] = list(instance.district_budgets.items())
    if any(p.district is None for p in instance.projects):
        areas.append((None, instance.budget))
    for district, budget in areas:
        projects = [p for p in instance.projects if p.district == district]
        ids = {p.id for p in projects}
        if marked and district is not None:
            chosen = [restrict(b, ids) for b in ballots if b.district == district]
        else:
            chosen = [r for r in (restrict(b, ids) for b in ballots) if r.projects]
        sub = Instance(budget=budget, projects=projects, vote_type=instance.vote_type, limits=instance.limits)
        outcomes.append(count(sub, chosen, district=district, **options))
    return outcomes
