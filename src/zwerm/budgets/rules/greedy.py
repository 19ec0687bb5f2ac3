"""The standard greedy rule: most votes first, skipping what no longer fits.

Projects are ordered by number of votes (approval) or total points (cumulative), most first; ties
by the tie-breaking key. Going down that order, a project is funded when its cost fits in what is
left of the budget, otherwise it is skipped and the next one is tried. As in pabutools, a project
without votes is still funded when money is left (set a minimum number of votes to prevent that).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .outcome import ProjectExplanation
from .profile import Profile, TieKey


@dataclass(frozen=True)
class GreedyStep:
    """One place in the greedy order."""

    project: int
    position: int
    funded: bool
    remaining_before: Fraction


def greedy_order(profile: Profile, candidates: Iterable[int], key: TieKey) -> list[int]:
    """Candidates by score (votes or points), highest first; ties by the key (smallest first)."""
    scores = profile.scores
    return sorted(candidates, key=lambda k: (-scores[k], key(profile.projects[k])))


def greedy_fill(
    profile: Profile,
    *,
    budget: Fraction,
    candidates: Iterable[int],
    already: Iterable[int] = (),
    key: TieKey,
) -> list[GreedyStep]:
    """Go down the greedy order and fund what fits in the budget left after ``already``."""
    already = list(already)
    taken = set(already)
    remaining = budget - sum((profile.projects[k].cost for k in already), start=Fraction(0))
    steps = []
    order = greedy_order(profile, (k for k in candidates if k not in taken), key)
    for position, k in enumerate(order, start=1):
        cost = profile.projects[k].cost
        fits = cost <= remaining
        steps.append(GreedyStep(k, position, fits, remaining))
        if fits:
            remaining -= cost
    return steps


def explain_greedy_step(profile: Profile, step: GreedyStep, *, completion: bool) -> ProjectExplanation:
    """The explanation of one place in the greedy order."""
    p = profile.projects[step.project]
    votes, score = profile.votes[step.project], profile.scores[step.project]
    unit = "votes" if profile.approval else "points"
    stage = "the greedy completion after the Method of Equal Shares" if completion else "the greedy order"
    if step.funded:
        reason = "funded_greedy"
        text = (
            f"Place {step.position} in {stage} ({score} {unit}); its cost {p.cost} fitted "
            f"in the {step.remaining_before} still left."
        )
    else:
        reason = "did_not_fit"
        text = (
            f"Place {step.position} in {stage} ({score} {unit}); its cost {p.cost} did not fit "
            f"in the {step.remaining_before} still left."
        )
    return ProjectExplanation(
        project_id=p.id,
        funded=step.funded,
        reason=reason,
        text=text,
        cost=p.cost,
        votes=votes,
        score=score,
        position=step.position,
        remaining_budget=step.remaining_before,
    )
