"""The engine on matrices small enough to work out on paper. The arithmetic is in the comments."""

from math import sqrt

import pytest

from tests.dialogues.factories import matrix_from_rows
from zwerm.dialogues.analysis import NOT_ENOUGH_VOTES, analyse

A, D, P = 1, -1, 0

# Two camps of four. Everyone agrees on s3; s0, s1 and s2 split the camps.
#            s0 s1 s2 s3
CAMP_ONE = [A, A, D, A]
CAMP_TWO = [D, D, A, A]
TWO_CAMPS = [CAMP_ONE] * 4 + [CAMP_TWO] * 4


@pytest.fixture
def two_camps():
    return analyse(matrix_from_rows(TWO_CAMPS))


def test_two_camps_become_two_groups_of_four(two_camps):
    # Identical rows project onto one point: 2 distinct points = 2 base clusters, and
    # Pol.is's cap min(5, 2 + 2 // 12, 2) = 2 leaves k = 2.
    assert two_camps.k == 2
    one = {two_camps.group_of(f"p{i}") for i in range(4)}
    two = {two_camps.group_of(f"p{i}") for i in range(4, 8)}
    assert len(one) == len(two) == 1 and one != two
    assert sorted(g.size for g in two_camps.groups) == [4, 4]
    # Each group is a single base cluster, alone in its group: silhouette 0 (Pol.is rule).
    assert two_camps.silhouette == 0.0


def test_representative_statements_of_a_camp_with_pol_is_numbers(two_camps):
    group = two_camps.groups[two_camps.group_of("p0")]
    # s0 in camp one: na = 4, nd = 0, ns = 4; the rest: na = 0, ns = 4.
    #   pa  = (4+1)/(4+2) = 5/6
    #   pat = 2·sqrt(4+1)·((4+1)/(4+1) − 1/2) = sqrt(5) = 2.2361
    #   ra  = (5/6) / ((0+1)/(4+2)) = 5
    #   rat: p1 = 5/5, p2 = 1/5, pooled = 6/10;
    #        (1 − 0.2) / sqrt(0.6·0.4·(1/5 + 1/5)) = 0.8 / sqrt(0.096) = 2.5820
    # s1 has the same numbers; s2 mirrors them for disagreement (nd = 4). All three pass
    # both tests (> 1.2816), tie on ra·rat·pa·pat, and keep statement order; s0 is also the
    # best agreed statement (first to pass pat > 1.2816) and goes first; agreements first.
    assert [(r.statement_id, r.direction) for r in group.representative] == [
        ("s0", "agree"),
        ("s1", "agree"),
        ("s2", "disagree"),
    ]
    s0, s1, s2 = group.representative
    assert s0.best_agree and not s1.best_agree
    assert (s0.na, s0.nd, s0.ns) == (4, 0, 4)
    assert s0.pa == pytest.approx(5 / 6)
    assert s0.pat == pytest.approx(sqrt(5))
    assert s0.ra == pytest.approx(5.0)
    assert s0.rat == pytest.approx(0.8 / sqrt(0.096))
    assert (s2.nd, s2.pd, s2.pdt, s2.rd, s2.rdt) == pytest.approx((4, 5 / 6, sqrt(5), 5.0, 0.8 / sqrt(0.096)))
    # s3 (everyone agrees) is not representative: ra = (5/6)/(5/6) = 1, and the pooled
    # proportion (5+5)/(5+5) = 1 makes rat 0.
    assert "s3" not in {r.statement_id for r in group.representative}


def test_consensus_is_the_statement_everyone_agrees_on(two_camps):
    # s3 over all 8: pa = 9/10, pat = 2·sqrt(9)·(9/9 − 1/2) = 3 > 1.2816 -> agreed.
    # s0, s1, s2: 4 of 8 agree (or disagree): pa = 5/10, not above 1/2 -> not consensus.
    agree = two_camps.consensus.agree
    assert [c.statement_id for c in agree] == ["s3"]
    assert (agree[0].n_success, agree[0].n_trials) == (8, 8)
    assert agree[0].p_success == pytest.approx(0.9)
    assert agree[0].p_test == pytest.approx(3.0)
    assert two_camps.consensus.disagree == ()


def test_group_aware_consensus_multiplies_over_groups(two_camps):
    gac = dict(zip(two_camps.statement_ids, two_camps.consensus.group_aware_agree, strict=True))
    # s3: each camp (4+1)/(4+2) = 5/6 -> 25/36.  s0: 5/6 · (0+1)/(4+2) = 5/36.
    assert gac["s3"] == pytest.approx(25 / 36)
    assert gac["s0"] == pytest.approx(5 / 36)
    assert gac["s2"] == pytest.approx(5 / 36)
    gad = dict(zip(two_camps.statement_ids, two_camps.consensus.group_aware_disagree, strict=True))
    assert gad["s3"] == pytest.approx((1 / 6) ** 2)


def test_divisive_statements_are_those_the_camps_split_on(two_camps):
    # Net agreement (na − nd)/(ns + 2): s0 is +4/6 in one camp, −4/6 in the other: 8/6.
    # s3 is +4/6 in both: spread 0, so it is not divisive at all.
    divisive = two_camps.divisive
    assert [d.statement_id for d in divisive] == ["s0", "s1", "s2"]
    assert divisive[0].divisiveness == pytest.approx(8 / 6)
    assert sorted(divisive[0].net_agreement) == pytest.approx([-4 / 6, 4 / 6])


def test_a_pass_is_a_vote_seen_but_not_an_agreement():
    rows = [row[:] for row in TWO_CAMPS]
    rows[0][0] = P  # p0 passes on s0 instead of agreeing
    result = analyse(matrix_from_rows(rows))
    group = result.groups[result.group_of("p1")]
    stats = {r.statement_id: r for r in group.representative}
    assert result.group_of("p0") == result.group_of("p1")
    # Still seen: ns = 4, but na = 3 -> pa = (3+1)/(4+2) = 2/3.
    assert (stats["s0"].na, stats["s0"].ns) == (3, 4)
    assert stats["s0"].pa == pytest.approx(2 / 3)
    consensus_s0 = [c for c in result.consensus.agree if c.statement_id == "s0"]
    assert consensus_s0 == []


def test_participants_need_min_7_or_all_statements_to_be_placed_in_a_group():
    # Four statements: min(7, 4) = 4 votes needed. p8 voted on 3 -> not in a group.
    rows = TWO_CAMPS + [[A, A, D, None]]
    result = analyse(matrix_from_rows(rows))
    assert result.group_of("p8") is None
    assert not result.included[8]
    assert result.group_of("p7") is not None
    # It still gets a place on the map, from the votes it did cast.
    assert result.coordinates[8].tolist() != [0.0, 0.0]


def test_with_ten_statements_seven_votes_are_enough():
    ten = [row * 2 + [A, A] for row in TWO_CAMPS]  # 10 statements
    seven = CAMP_ONE * 2
    six = CAMP_ONE + [A, A]
    rows = ten + [seven[:7] + [None] * 3, six + [None] * 4]
    result = analyse(matrix_from_rows(rows))
    assert result.group_of("p8") == result.group_of("p0")
    assert result.group_of("p9") is None


def test_too_few_participants_gives_not_enough_votes_not_a_crash():
    result = analyse(matrix_from_rows([CAMP_ONE, [A, None, None, None]]))
    assert result.status == NOT_ENOUGH_VOTES
    assert result.groups == () and result.k == 0
    assert result.group_of("p0") is None


def test_moderated_out_statements_are_left_out():
    result = analyse(matrix_from_rows(TWO_CAMPS), excluded_statement_ids=["s3"])
    assert result.statement_ids == ("s0", "s1", "s2")
    assert result.consensus.agree == ()


def test_a_statement_nobody_voted_on_does_not_raise_the_bar():
    # Five statements, s4 without any vote: Pol.is counts only statements with votes, so
    # min(7, 4) = 4 votes still place everyone of the two camps in a group.
    rows = [row + [None] for row in TWO_CAMPS]
    result = analyse(matrix_from_rows(rows))
    assert result.included.all()
    assert result.k == 2
