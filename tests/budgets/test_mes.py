"""The Method of Equal Shares and its completion, on instances worked out by hand."""

from fractions import Fraction

import pytest

from zwerm.budgets.rules import Instance, Project, count, count_districts
from zwerm.budgets.rules.types import ApprovalBallot

from .builders import approval, cumulative

ENGINES = [
    pytest.param({"exact": False}, id="fast"),
    pytest.param({"exact": True}, id="exact"),
    pytest.param({"engine": "reference"}, id="reference"),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_add1_raises_the_per_voter_budget_until_the_outcome_is_exhaustive(engine):
    # Budget 100, 4 voters: per-voter budget b starts at 100 / 4 = 25.
    # a 60 (voters 1, 2, 3), b 50 (2, 4), c 40 (3, 4).
    # Round 1 (any b >= 20): a costs 60 / 3 = 20 per supporter, price per unit of cost 20/60 = 1/3;
    #   b 50 / 2 = 25 -> 1/2; c 40 / 2 = 20 -> 1/2. a is funded; voters 1-3 keep b - 20.
    # Round 2: c needs 40 from voter 3 (b - 20) and voter 4 (b): possible once b >= 30;
    #   b needs 50 from voters 2 (b - 20) and 4 (b): 2b - 20 < 50 for b < 35.
    # b = 25..29: outcome {a}, cost 60; c (40) still fits in 40 -> not exhaustive, b += 1.
    # b = 30: voter 3 pays its 10, voter 4 pays 30 (price 30, 30/40 = 3/4): {a, c}, cost 100,
    #   exhaustive -> stop after 5 raises. Nothing left for the greedy fill.
    instance, ballots = approval(100, {"a": 60, "b": 50, "c": 40}, ["a", "ab", "ac", "bc"])
    outcome = count(instance, ballots, rule="mes", completion="add1", **engine)
    assert outcome.winners == ["a", "c"]
    assert (outcome.per_voter_budget, outcome.completion_steps) == (30, 5)
    assert outcome.stop_reason == "exhaustive"
    a, c = outcome.explanations["a"], outcome.explanations["c"]
    assert (a.round, a.price, a.effective_votes) == (1, 20, 3)
    assert [(p.amount, p.voters, p.everything) for p in a.payments] == [(20, 3, False)]
    assert (c.round, c.price, c.effective_votes) == (2, 30, Fraction(4, 3))
    assert [(p.amount, p.voters, p.everything) for p in c.payments] == [(30, 1, False), (10, 1, True)]
    assert outcome.explanations["b"].reason == "did_not_fit"


def test_without_completion_mes_stops_with_money_left():
    # b = 25 (see above): only a is funded, 40 stays unspent.
    instance, ballots = approval(100, {"a": 60, "b": 50, "c": 40}, ["a", "ab", "ac", "bc"])
    outcome = count(instance, ballots, rule="mes", completion="none")
    assert outcome.winners == ["a"]
    c = outcome.explanations["c"]
    assert (c.reason, c.round, c.supporters_money) == ("not_affordable_mes", 2, 30)
    # Completing greedily only: c (2 votes, tie with b, id "b" first: 50 > 40 skipped) fits.
    assert count(instance, ballots, rule="mes", completion="greedy").winners == ["a", "c"]


# Budget 60: a 60 (voters 2, 3, 4), b 30 (voters 1, 3, 4).
STOPPING = {"budget": 60, "costs": {"a": 60, "b": 30}, "votes": ["b", "a", "ab", "ab"]}


@pytest.mark.parametrize("engine", ENGINES)
def test_add1_stops_at_the_first_exhaustive_outcome(engine):
    # b = 60 / 4 = 15. a: 3 x 15 = 45 < 60, drops out. b: 30 / 3 = 10 each -> funded.
    # {b} costs 30; a (60) does not fit in the 30 left: exhaustive -> stop at once (pabutools).
    instance, ballots = approval(**STOPPING)
    outcome = count(instance, ballots, rule="mes", completion="add1", **engine)
    assert outcome.winners == ["b"]
    assert (outcome.per_voter_budget, outcome.completion_steps, outcome.stop_reason) == (15, 0, "exhaustive")


@pytest.mark.parametrize("engine", ENGINES)
def test_add1_until_over_keeps_raising_while_the_outcome_fits(engine):
    # b = 15..19: {b} as above (a needs 3b >= 60).
    # b = 20: a 60 / 3 = 20 each, 20/60 = 1/3; b 10 each, 10/30 = 1/3: a tie, broken by id -> a.
    #   Voters 2-4 are left with 0, voter 1 with 20; b needs 30 from 20 + 0 + 0: drops out.
    #   {a} costs 60 <= 60: keep raising.
    # b = 21..23: {a}; b gets 23 + 3 + 3 = 29 < 30 at most.
    # b = 24: after a, b gets 24 + 4 + 4 = 32 >= 30 -> {a, b} costs 90 > 60: over the budget,
    #   so the outcome of b = 23 is used: {a}, after 8 raises.
    instance, ballots = approval(**STOPPING)
    outcome = count(instance, ballots, rule="mes", completion="add1-until-over", **engine)
    assert outcome.winners == ["a"]
    assert (outcome.per_voter_budget, outcome.completion_steps) == (23, 8)
    assert outcome.stop_reason == "over_budget"


def test_the_completion_step_is_an_option():
    # Steps of 5 from 15: 15, 20 ({a}), 25 (after a voters 2-4 keep 5: b gets 25 + 5 + 5 >= 30,
    # {a, b} over budget) -> the outcome at 20: {a}.
    instance, ballots = approval(**STOPPING)
    outcome = count(instance, ballots, rule="mes", completion="add1-until-over", step=5)
    assert (outcome.winners, outcome.per_voter_budget) == (["a"], 20)


@pytest.mark.parametrize("engine", ENGINES)
def test_mes_ties_are_broken_by_project_id_compared_as_text(engine):
    # "10" and "9" cost 50 with 2 supporters each. Budget 50 for 4 voters: b = 12.5.
    # Neither is affordable (2 x b < 50) for b = 12.5, 13.5, ..., 24.5: MES funds nothing.
    # b = 25.5: both cost 25 per supporter, 25/50 = 1/2 per unit of cost: a tie, "10" < "9" as
    # text, so "10" is funded; then "9" too (its voters still have 25.5 each): cost 100 > 50.
    # Over the budget -> the outcome at b = 24.5 (nothing) is used, after 12 raises, and the
    # greedy fill breaks the same tie (2 votes each) by id: "10" is funded.
    instance, ballots = approval(50, {"9": 50, "10": 50}, [("9",), ("9",), ("10",), ("10",)])
    outcome = count(instance, ballots, rule="mes", **engine)
    assert outcome.winners == ["10"]
    assert (outcome.per_voter_budget, outcome.completion_steps) == (Fraction(49, 2), 12)
    assert (outcome.stop_reason, outcome.over_budget_at) == ("over_budget", Fraction(51, 2))
    assert outcome.explanations["10"].reason == "funded_greedy"
    # Without completion the same tie is decided inside MES once both are affordable.
    instance, ballots = approval(100, {"9": 50, "10": 50, "x": 60}, [("9",), ("9",), ("10",), ("10",)])
    outcome = count(instance, ballots, rule="mes", completion="none", **engine)
    assert outcome.winners == ["10", "9"]
    assert outcome.explanations["10"].round == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_cumulative_ballots_use_points_as_utilities(engine):
    # Budget 40, 2 voters, b = 20. Voter 1: a 3, b 1. Voter 2: b 2.
    # a (cost 20): only voter 1, price per point 20 / 3; 3 x 20/3 = 20 <= 20 -> rho 20/3.
    # b (cost 20): points 1 + 2 = 3, rho 20/3: voter 1 pays 20/3, voter 2 pays 40/3 <= 20.
    # Tie at 20/3 -> id "a". Then voter 1 has 0, voter 2 has 20: b needs 20 from 0 + 20:
    # rho with voter 1 poor = 20 / 2 = 10, voter 2 pays 20 -> funded, round 2.
    instance, ballots = cumulative(40, {"a": 20, "b": 20}, [{"a": 3, "b": 1}, {"b": 2}])
    outcome = count(instance, ballots, rule="mes", completion="none", **engine)
    assert outcome.winners == ["a", "b"]
    assert outcome.explanations["a"].price == Fraction(20, 3)
    assert outcome.explanations["b"].price == 10


def test_a_project_that_costs_nothing_is_funded_first_when_it_has_votes():
    instance, ballots = approval(10, {"free": 0, "a": 10}, ["a", ("free", "a")])
    outcome = count(instance, ballots, rule="mes")
    assert outcome.winners == ["free", "a"]
    assert outcome.explanations["free"].reason == "funded_zero_cost"


def test_minimum_votes_excludes_projects_from_the_count():
    instance, ballots = approval(100, {"a": 60, "b": 50, "c": 40}, ["a", "ab", "ac", "bc"])
    outcome = count(instance, ballots, rule="mes", min_votes=3)
    assert outcome.winners == ["a"]
    assert outcome.explanations["c"].reason == "below_minimum_votes"


def test_each_district_is_counted_with_its_own_budget():
    projects = [
        Project("n1", 50, district="noord"),
        Project("n2", 50, district="noord"),
        Project("z1", 30, district="zuid"),
    ]
    instance = Instance(budget=0, projects=projects, district_budgets={"noord": 60, "zuid": 30})
    ballots = [
        ApprovalBallot(("n1",), district="noord"),
        ApprovalBallot(("n1", "n2"), district="noord"),
        ApprovalBallot(("z1",), district="zuid"),
    ]
    outcomes = {o.district: o for o in count_districts(instance, ballots, rule="greedy")}
    # noord: n1 2 votes (50 of 60), n2 50 no longer fits. zuid: z1 30 of 30.
    assert outcomes["noord"].winners == ["n1"]
    assert (outcomes["noord"].voters, outcomes["noord"].budget) == (2, 60)
    assert outcomes["zuid"].winners == ["z1"]
