"""Ballots over the limits are refused with a stable code."""

from fractions import Fraction

import pytest

from zwerm.budgets.rules import (
    ApprovalBallot,
    BallotError,
    BallotLimits,
    CumulativeBallot,
    Instance,
    Project,
    validate_ballot,
)

PROJECTS = [Project("a", 60), Project("b", 50), Project("c", 40)]


def _approval(**limits):
    return Instance(budget=100, projects=PROJECTS, limits=BallotLimits(**limits))


def _refused(ballot, instance) -> str:
    with pytest.raises(BallotError) as error:
        validate_ballot(ballot, instance)
    return error.value.code


def test_a_ballot_within_the_limits_is_accepted():
    instance = _approval(min_projects=1, max_projects=2, max_cost=Fraction(100))
    validate_ballot(ApprovalBallot(("a", "c")), instance)  # 2 projects, cost 100


def test_approval_limits():
    instance = _approval(min_projects=1, max_projects=2, max_cost=Fraction(90))
    assert _refused(ApprovalBallot(()), instance) == "too_few_projects"
    assert _refused(ApprovalBallot(("a", "b", "c")), instance) == "too_many_projects"
    assert _refused(ApprovalBallot(("a", "c")), instance) == "over_cost"  # 100 > 90
    assert _refused(ApprovalBallot(("a", "x")), instance) == "unknown_project"
    assert _refused(ApprovalBallot(("a", "a")), instance) == "duplicate_project"


def test_cumulative_limits():
    instance = Instance(
        budget=100,
        projects=PROJECTS,
        vote_type="cumulative",
        limits=BallotLimits(max_points=5, max_points_per_project=3),
    )
    validate_ballot(CumulativeBallot((("a", 3), ("b", 2))), instance)
    assert _refused(CumulativeBallot((("a", 3), ("b", 3))), instance) == "too_many_points"
    assert _refused(CumulativeBallot((("a", 4),)), instance) == "too_many_points_on_project"
    assert _refused(CumulativeBallot((("a", 0),)), instance) == "bad_points"
    assert _refused(ApprovalBallot(("a",)), instance) == "wrong_type"


def test_the_error_carries_what_the_message_needs():
    instance = _approval(max_projects=1)
    with pytest.raises(BallotError) as error:
        validate_ballot(ApprovalBallot(("a", "b")), instance)
    assert error.value.params == {"maximum": 1, "chosen": 2}
