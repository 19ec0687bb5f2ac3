"""The fast path, the exact path and the reference engine give identical results, and match pabutools."""

import random

import pytest

from zwerm.budgets.rules import count

from .builders import approval, random_instance


def _signature(outcome):
    return (
        outcome.winners,
        outcome.per_voter_budget,
        [(e.project_id, e.reason, e.price, tuple(e.payments)) for e in outcome.explanations.values()],
    )


@pytest.mark.parametrize("seed", range(4))
def test_fast_exact_and_reference_agree_on_small_instances_full_of_ties(seed):
    rng = random.Random(seed)
    for i in range(40):
        instance, ballots = random_instance(rng, cumulative_votes=i % 3 == 0)
        for completion in ("add1", "add1-until-over", "none"):
            runs = [
                count(instance, ballots, rule="mes", completion=completion, **engine)
                for engine in ({"exact": False}, {"exact": True}, {"engine": "reference"})
            ]
            assert _signature(runs[0]) == _signature(runs[1]) == _signature(runs[2])


@pytest.mark.parametrize("seed", range(3))
def test_fast_and_reference_agree_on_larger_instances(seed):
    # Hundreds of voters: many voters end up with budgets close to prices, which exercises the
    # exact classification of the fast path.
    rng = random.Random(100 + seed)
    m = 25
    costs = {str(j + 1): rng.choice([100, 150, 200, 300, 450, 600, 1000]) for j in range(m)}
    votes = [tuple(p for p in costs if rng.random() < rng.choice([0.05, 0.1, 0.3])) for _ in range(400)]
    instance, ballots = approval(3000, costs, votes)
    fast = count(instance, ballots, rule="mes", completion="add1")
    reference = count(instance, ballots, rule="mes", completion="add1", engine="reference")
    assert _signature(fast) == _signature(reference)


def test_a_price_exactly_equal_to_a_budget_is_classified_exactly():
    # 3 voters, budget 30: b = 10. p costs 30 with 3 supporters: 10 each = exactly their budget.
    # Then q (cost 1) cannot be paid: its supporter has exactly 0 left.
    instance, ballots = approval(30, {"p": 30, "q": 1}, ["pq", "p", "p"])
    for engine in ({"exact": False}, {"exact": True}, {"engine": "reference"}):
        outcome = count(instance, ballots, rule="mes", completion="none", **engine)
        assert outcome.winners == ["p"]
        assert [(x.amount, x.voters) for x in outcome.explanations["p"].payments] == [(10, 3)]


@pytest.mark.parametrize("seed", range(4))
def test_winners_match_pabutools_on_random_instances(seed):
    pytest.importorskip("pabutools", reason="pabutools is not installed")
    from .pabutools_bridge import pabutools_winners

    rng = random.Random(1000 + seed)
    for i in range(40):
        instance, ballots = random_instance(rng, cumulative_votes=i % 3 == 0)
        for rule in ("greedy", "mes"):
            expected = pabutools_winners(instance, ballots, rule)
            for exact in (False, True):
                assert sorted(count(instance, ballots, rule=rule, exact=exact).winners) == expected
