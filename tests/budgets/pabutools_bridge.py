"""Counting the same instance with pabutools (the reference implementation), for comparisons.

pabutools is only used in tests and benchmarks; tests that need it skip when it is absent.
"""

from __future__ import annotations


def pabutools_winners(instance, ballots, rule: str) -> list[str]:
    """Winners by pabutools: greedy by votes/points, or MES + add1 + greedy (the Wieliczka recipe)."""
    from pabutools.election import (
        ApprovalBallot,
        ApprovalProfile,
        CumulativeBallot,
        CumulativeProfile,
        Instance,
        Project,
    )
    from pabutools.fractions import frac

    projects = {p.id: Project(p.id, frac(p.cost.numerator, p.cost.denominator)) for p in instance.projects}
    budget = frac(instance.budget.numerator, instance.budget.denominator)
    inst = Instance(projects.values(), budget_limit=budget)
    approval = instance.vote_type == "approval"
    if approval:
        profile = ApprovalProfile([ApprovalBallot([projects[p] for p in b.projects]) for b in ballots])
    else:
        profile = CumulativeProfile([CumulativeBallot({projects[p]: frac(v) for p, v in b.points}) for b in ballots])
    return pabutools_winners_for(inst, profile, rule, instance.vote_type)


def pabutools_winners_for(inst, profile, rule: str, vote_type: str) -> list[str]:
    """Winners by pabutools for its own instance and profile (e.g. from its Pabulib parser)."""
    from pabutools.election import Additive_Cardinal_Sat, AdditiveSatisfaction, Cost_Sat
    from pabutools.rules import (
        completion_by_rule_combination,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
    )

    class PointsTimesCost(AdditiveSatisfaction):
        """Greedy by total points: welfare per unit of cost is then the total points."""

        def __init__(self, inst, prof, ballot):
            super().__init__(inst, prof, ballot, lambda i, p, b, proj, pre: b.get(proj, 0) * proj.cost)

    approval = vote_type == "approval"
    greedy_sat = Cost_Sat if approval else PointsTimesCost
    if rule == "greedy":
        outcome = greedy_utilitarian_welfare(inst, profile, sat_class=greedy_sat)
    else:
        outcome = completion_by_rule_combination(
            inst,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [
                {"sat_class": Cost_Sat if approval else Additive_Cardinal_Sat, "voter_budget_increment": 1},
                {"sat_class": greedy_sat},
            ],
        )
    return sorted(p.name for p in outcome)
