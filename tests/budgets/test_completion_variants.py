"""Each way of completing MES, with and without the greedy fill-up, on elections worked out by hand.

The one election used throughout (``ASSEN_LIKE``), budget 100, two voters, so b0 = 100 / 2 = 50:
    a costs 60, voters 1 and 2;  b costs 40, voter 1;  c costs 40, voter 2.
MES at a per-voter budget b (b >= 30):
    Round 1: a costs 60 / 2 = 30 per supporter, 30/60 = 1/2 per unit of cost; b and c need 40 from
    one voter who has b: 40/40 = 1 per unit of cost (only when b >= 40). a is funded; each voter
    keeps b - 30.
    Round 2: b needs 40 from voter 1, who has b - 30: affordable once b >= 70; c likewise from
    voter 2. At b >= 70 both are funded (tie at 1 per unit, b first by id; voter 2 still has 40
    for c): {a, b, c} costs 140 > 100.
So for 50 <= b <= 69 MES gives {a} (60, 40 left, and b or c would still fit: not exhaustive), and at
b = 70 it goes over the budget. add1 therefore raises b from 50 to 70, goes over, and uses the
outcome at b = 69 ({a}) after 19 raises. The greedy fill-up then takes b (1 vote, tie with c, b
first by id: 40 fits in 40), and c no longer fits. That is one project more than without the
fill-up, which leaves 40 unspent - the difference between pabutools' count and Assen's 2024 count.
"""

from fractions import Fraction

import pytest

from zwerm.budgets.rules import count

from .builders import approval

ENGINES = [
    pytest.param({"exact": False}, id="fast"),
    pytest.param({"exact": True}, id="exact"),
    pytest.param({"engine": "reference"}, id="reference"),
]
ASSEN_LIKE = {"budget": 100, "costs": {"a": 60, "b": 40, "c": 40}, "votes": ["ab", "ac"]}

# (completion, fill_up) -> winners, per-voter budget used, raises, why the raising stopped.
VARIANTS = {
    # add1 as pabutools: raised to 69 (see above), then filled up with b.
    ("add1", True): (["a", "b"], 69, 19, "over_budget"),
    # add1 as Assen: the same raising, no fill-up: {a}, 40 unspent.
    ("add1", False): (["a"], 69, 19, "over_budget"),
    # add1 until over the budget: no outcome below 70 is exhaustive either, so the same as add1.
    ("add1-until-over", True): (["a", "b"], 69, 19, "over_budget"),
    ("add1-until-over", False): (["a"], 69, 19, "over_budget"),
    # MES once at b = 50: {a}; then the fill-up takes b.
    ("greedy", True): (["a", "b"], 50, 0, "single_run"),
    # greedy without the fill-up is the same as none.
    ("greedy", False): (["a"], 50, 0, "single_run"),
    # none: MES once, never a fill-up, whatever fill_up says.
    ("none", True): (["a"], 50, 0, "single_run"),
    ("none", False): (["a"], 50, 0, "single_run"),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("completion", "fill_up"), list(VARIANTS))
def test_each_variant_counts_the_hand_worked_election(completion, fill_up, engine):
    instance, ballots = approval(**ASSEN_LIKE)
    outcome = count(instance, ballots, rule="mes", completion=completion, fill_up=fill_up, **engine)
    winners, per_voter, raises, reason = VARIANTS[completion, fill_up]
    assert outcome.winners == winners
    assert (outcome.per_voter_budget, outcome.completion_steps, outcome.stop_reason) == (per_voter, raises, reason)
    assert outcome.cost == sum(instance.project(p).cost for p in winners)
    assert outcome.fill_up == (fill_up and completion != "none")
    # a is always paid by both voters at 30 each, in round 1.
    a = outcome.explanations["a"]
    assert (a.reason, a.round, a.price) == ("funded_mes", 1, 30)
    if "b" in winners:
        b = outcome.explanations["b"]
        # Place 1 in the fill-up order (tie with c by votes, b first by id), 40 left before it.
        assert (b.reason, b.position, b.remaining_budget) == ("funded_greedy", 1, 40)
        assert outcome.explanations["c"].reason == "did_not_fit"
    else:
        # Without the fill-up, b and c stay where MES left them: voter 1 (or 2) had 69 - 30 = 39
        # (add1) or 50 - 30 = 20 (a single run) left in round 2, less than 40.
        left = per_voter - 30
        for p in "bc":
            e = outcome.explanations[p]
            assert (e.reason, e.round, e.supporters_money) == ("not_affordable_mes", 2, left)


@pytest.mark.parametrize(
    ("step", "per_voter", "raises"), [(10, 60, 1), (7, 64, 2), (Fraction(1, 2), Fraction(139, 2), 39)]
)
def test_the_per_voter_increment_is_an_option(step, per_voter, raises):
    # step 10: b = 50, 60 ({a}), 70 (over) -> the outcome at 60, after 1 raise.
    # step 7: b = 50, 57, 64 ({a}), 71 (over) -> 64, after 2 raises.
    # step 1/2: b = 50, 50.5, ..., 69.5 ({a}), 70 (over) -> 69.5 = 139/2, after 39 raises.
    instance, ballots = approval(**ASSEN_LIKE)
    outcome = count(instance, ballots, rule="mes", completion="add1", fill_up=False, step=step)
    assert outcome.winners == ["a"]
    assert (outcome.per_voter_budget, outcome.completion_steps) == (per_voter, raises)
    assert outcome.step == step
    assert outcome.to_dict()["fill_up"] is False


def test_add1_and_until_over_differ_without_the_fill_up_too():
    # Budget 60, 4 voters (b0 = 15): a 60 (voters 2, 3, 4), b 30 (voters 1, 3, 4); worked out in
    # test_mes.py: add1 stops at once with {b} (exhaustive: a does not fit in the 30 left);
    # add1-until-over raises to 23 and uses {a}. The fill-up adds nothing to either, so without
    # it the two variants still give different winners: the stopping rule matters on its own.
    instance, ballots = approval(60, {"a": 60, "b": 30}, ["b", "a", "ab", "ab"])
    add1 = count(instance, ballots, rule="mes", completion="add1", fill_up=False)
    over = count(instance, ballots, rule="mes", completion="add1-until-over", fill_up=False)
    assert (add1.winners, add1.cost) == (["b"], 30)
    assert (over.winners, over.cost) == (["a"], 60)
