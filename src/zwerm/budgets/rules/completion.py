"""Completing MES: raising the per-voter budget ("add1") and filling up greedily.

MES with the real per-voter budget (budget / number of voters) usually leaves money unspent.
Elections that use MES (Wieliczka, Świecie, Assen) therefore run it again with a per-voter budget
raised by one currency unit at a time (``step``), and some fill what is then still left with the
greedy rule. Published counts differ in *when* the raising stops and *whether* the fill-up
follows, so both are options (docs/budgets-count.md says which real count each reproduces):

``add1`` (default; pabutools' ``method_of_equal_shares(..., voter_budget_increment=1)``)
    Start at b = budget / voters. Run MES. If its outcome costs more than the budget, stop and use
    the previous outcome. If its outcome is *exhaustive* - no other project MES considered (with
    votes and a positive cost) still fits in the money left - stop and use this outcome.
    Otherwise b += step and run again.
``add1-until-over`` (equalshares.net's description of Add1)
    As ``add1`` but without the exhaustive stop: keep raising while the outcome stays within the
    budget, and use the last outcome within the budget. The raising also stops once MES funds every
    project it considers, since a higher budget cannot change that.
``greedy``
    MES once with b = budget / voters.
``none``
    MES once with b = budget / voters, and never a fill-up: money may be left unspent.

Then, with ``fill_up`` (the default, as pabutools' ``completion_by_rule_combination([mes,
greedy])``), the greedy fill goes through the projects MES did not fund (including projects
without votes, as pabutools does) by votes or points, most first, funding what still fits.
Without it (``--no-fill-up``; Assen's 2024 count) what is left stays unspent. ``greedy`` without
the fill-up is ``none``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .greedy import GreedyStep, greedy_fill
from .mes import MesRun, run_mes
from .profile import Profile, TieKey

COMPLETIONS = ("add1", "add1-until-over", "greedy", "none")
ADD1 = ("add1", "add1-until-over")  # the variants that raise the per-voter budget


@dataclass
class MesResult:
    run: MesRun
    zero_cost: list[int]  # supported projects costing nothing: funded before MES starts
    fill: list[GreedyStep]
    steps: int  # how many times the per-voter budget was raised
    stop_reason: str
    over_budget_at: Fraction | None  # the per-voter budget at which MES went over the budget
    filled_up: bool = False  # the greedy fill-up ran after MES

    @property
    def winners(self) -> list[int]:
        return self.zero_cost + self.run.winners + [s.project for s in self.fill if s.funded]


def _cost(profile: Profile, projects: list[int]) -> Fraction:
    return sum((profile.projects[k].cost for k in projects), start=Fraction(0))


def _exhaustive(profile: Profile, chosen: list[int], candidates: list[int], budget: Fraction) -> bool:
    """True when none of the candidates outside ``chosen`` still fits in the money left."""
    left = budget - _cost(profile, chosen)
    taken = set(chosen)
    return all(profile.projects[k].cost > left for k in candidates if k not in taken)


def mes_with_completion(
    profile: Profile,
    *,
    budget: Fraction,
    eligible: list[int],
    completion: str,
    key: TieKey,
    fill_up: bool = True,
    exact: bool = False,
    step: Fraction = Fraction(1),
    max_steps: int | None = None,
    engine: str = "certified",
) -> MesResult:
    """MES over the eligible projects, completed as ``completion`` says (see the module docstring)."""
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion {completion!r}; choose one of {', '.join(COMPLETIONS)}")
    if step <= 0:
        raise ValueError("the completion step must be positive")
    votes = profile.votes
    supported = [k for k in eligible if votes[k] > 0]
    zero_cost = [k for k in supported if profile.projects[k].cost == 0]
    candidates = [k for k in supported if profile.projects[k].cost > 0]
    n = profile.n_voters
    b = budget / n if n else Fraction(0)

    cache: dict = {}

    def mes(per_voter: Fraction) -> MesRun:
        return run_mes(
            profile,
            candidates=candidates,
            per_voter_budget=per_voter,
            key=key,
            exact=exact,
            engine=engine,
            cache=cache,
        )

    run = mes(b)
    steps, reason, over_at = 0, "single_run", None
    if completion in ADD1 and n:
        previous = run
        while True:
            chosen = zero_cost + run.winners
            if _cost(profile, chosen) > budget:
                # b = budget / voters never overspends, so there is always a previous outcome.
                reason, over_at, run = "over_budget", run.per_voter_budget, previous
                break
            if completion == "add1" and _exhaustive(profile, chosen, candidates, budget):
                reason = "exhaustive"
                break
            if len(run.winners) == len(candidates):
                reason = "all_funded"
                break
            if max_steps is not None and steps >= max_steps:
                reason = "max_steps"
                break
            previous = run
            steps += 1
            run = mes(b + steps * step)
        if reason == "over_budget":
            steps -= 1
    run.explain()
    fill: list[GreedyStep] = []
    filled_up = fill_up and completion != "none"
    if filled_up:
        already = zero_cost + run.winners
        fill = greedy_fill(profile, budget=budget, candidates=eligible, already=already, key=key)
    return MesResult(run, zero_cost, fill, steps, reason, over_at, filled_up)
