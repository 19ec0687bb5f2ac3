"""Small helpers to build instances and ballots in the budgets tests."""

from __future__ import annotations

import random

from zwerm.budgets.rules import ApprovalBallot, CumulativeBallot, Instance, Project


def approval(budget, costs: dict[str, int], votes: list[str | tuple[str, ...]]):
    """An approval instance: ``votes`` like ["a", "ab", ("10", "9")] (a string is a set of one-letter ids)."""
    instance = Instance(budget=budget, projects=[Project(p, c) for p, c in costs.items()])
    ballots = [ApprovalBallot(tuple(v) if isinstance(v, str) else v, voter_id=str(i + 1)) for i, v in enumerate(votes)]
    return instance, ballots


def cumulative(budget, costs: dict[str, int], votes: list[dict[str, int]]):
    instance = Instance(budget=budget, projects=[Project(p, c) for p, c in costs.items()], vote_type="cumulative")
    ballots = [CumulativeBallot(tuple(v.items()), voter_id=str(i + 1)) for i, v in enumerate(votes)]
    return instance, ballots


def random_instance(rng: random.Random, *, cumulative_votes: bool = False, projects=(1, 14), voters=(0, 40)):
    """A small random instance with many exact ties (few distinct costs, small budgets)."""
    m, n = rng.randint(*projects), rng.randint(*voters)
    costs = {str(j + 1): rng.choice([0, 5, 7, 10, 10, 13, 20, 30, 40, 50, 60, 100]) for j in range(m)}
    budget = rng.choice([10, 50, 77, 100, 120, 200])
    votes = []
    for _ in range(n):
        chosen = [p for p in costs if rng.random() < 0.4]
        votes.append({p: rng.randint(1, 3) for p in chosen} if cumulative_votes else tuple(chosen))
    if cumulative_votes:
        return cumulative(budget, costs, votes)
    return approval(budget, costs, votes)
