"""The greedy rule on instances worked out by hand."""

from zwerm.budgets.rules import count

from .builders import approval, cumulative


def test_greedy_skips_what_no_longer_fits():
    # Budget 100. Votes: a 3 (voters 1, 2, 3), b 2 (2, 4), c 2 (3, 4).
    # Order: a (3), then b and c tie on 2 votes -> by id: b, c.
    # a: 60 <= 100, funded, 40 left. b: 50 > 40, skipped. c: 40 <= 40, funded, 0 left.
    instance, ballots = approval(100, {"a": 60, "b": 50, "c": 40}, ["a", "ab", "ac", "bc"])
    outcome = count(instance, ballots, rule="greedy")
    assert outcome.winners == ["a", "c"]
    assert outcome.cost == 100
    assert outcome.voters_with_a_funded_project == 4
    b = outcome.explanations["b"]
    assert (b.funded, b.reason, b.position, b.remaining_budget) == (False, "did_not_fit", 2, 40)
    assert outcome.explanations["c"].position == 3


def test_ties_are_broken_by_project_id_compared_as_text():
    # "10" and "9" both have 1 vote and cost 60 of a budget of 100: only one fits.
    # As text "10" < "9", so "10" is funded (pabutools' lexicographic tie-breaking).
    instance, ballots = approval(100, {"9": 60, "10": 60}, [("9",), ("10",)])
    assert count(instance, ballots, rule="greedy").winners == ["10"]
    # Tie-breaking by cost instead: the cheaper one first.
    instance, ballots = approval(100, {"9": 50, "10": 60}, [("9",), ("10",)])
    assert count(instance, ballots, rule="greedy", tie_break="cost").winners == ["9"]


def test_a_project_without_votes_is_funded_when_money_is_left_unless_a_minimum_is_set():
    # a (1 vote, 30) is funded; z (0 votes, 20) still fits in the 70 left, as in pabutools.
    instance, ballots = approval(100, {"a": 30, "z": 20}, ["a"])
    assert count(instance, ballots, rule="greedy").winners == ["a", "z"]
    outcome = count(instance, ballots, rule="greedy", min_votes=1)
    assert outcome.winners == ["a"]
    assert outcome.explanations["z"].reason == "below_minimum_votes"


def test_cumulative_greedy_orders_by_total_points():
    # Points: a 1 + 1 = 2 (two voters), b 3 (one voter). b first (3 > 2), then a.
    # Budget 50: b (30) fits, a (30) no longer fits in the 20 left.
    instance, ballots = cumulative(50, {"a": 30, "b": 30}, [{"a": 1}, {"a": 1, "b": 3}])
    assert count(instance, ballots, rule="greedy").winners == ["b"]


def test_no_votes_and_no_affordable_project_count_without_crashing():
    instance, _ = approval(100, {"a": 60}, [])
    assert count(instance, [], rule="greedy").winners == ["a"]  # nothing forbids it, as pabutools
    assert count(instance, [], rule="mes").winners == ["a"]  # MES funds nothing; greedy fills
    assert count(instance, [], rule="mes", completion="none").winners == []
    instance, ballots = approval(10, {"a": 60}, ["a"])
    for rule in ("greedy", "mes"):
        outcome = count(instance, ballots, rule=rule)
        assert outcome.winners == [] and outcome.voters_with_a_funded_project == 0
