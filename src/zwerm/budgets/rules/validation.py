"""Checking a ballot against the instance and its limits.

The engine gives a stable ``code`` with each problem; the platform turns the code into a Dutch
message through gettext (the engine never imports Django).
"""

from __future__ import annotations

from .types import ApprovalBallot, Ballot, BallotLimits, CumulativeBallot, Instance


class BallotError(ValueError):
    """A ballot breaks a rule. ``code`` is stable, ``params`` fill in the message."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def validate_ballot(ballot: Ballot, instance: Instance, limits: BallotLimits | None = None) -> None:
    """Raise :class:`BallotError` when the ballot does not fit the instance or the limits.

    Checked: the ballot type matches the vote type, every project exists and appears once,
    the number of projects, the total cost (approval), the points (cumulative).
    """
    limits = instance.limits if limits is None else limits
    projects = instance.project_map()
    if instance.vote_type == "approval" and not isinstance(ballot, ApprovalBallot):
        raise BallotError("wrong_type", "this budget takes approval ballots")
    if instance.vote_type == "cumulative" and not isinstance(ballot, CumulativeBallot):
        raise BallotError("wrong_type", "this budget takes cumulative ballots")
    chosen = ballot.projects
    if len(set(chosen)) != len(chosen):
        raise BallotError("duplicate_project", "a project appears twice on the ballot")
    for pid in chosen:
        if pid not in projects:
            raise BallotError("unknown_project", f"unknown project {pid}", project=pid)
    n = len(chosen)
    if limits.min_projects is not None and n < limits.min_projects:
        raise BallotError(
            "too_few_projects",
            f"choose at least {limits.min_projects} projects (chosen: {n})",
            minimum=limits.min_projects,
            chosen=n,
        )
    if limits.max_projects is not None and n > limits.max_projects:
        raise BallotError(
            "too_many_projects",
            f"choose at most {limits.max_projects} projects (chosen: {n})",
            maximum=limits.max_projects,
            chosen=n,
        )
    if isinstance(ballot, ApprovalBallot):
        total = sum((projects[p].cost for p in chosen), start=0)
        if limits.max_cost is not None and total > limits.max_cost:
            raise BallotError(
                "over_cost",
                f"the chosen projects cost {total}, more than {limits.max_cost}",
                total=total,
                maximum=limits.max_cost,
            )
        return
    points = [v for _, v in ballot.points]
    if any(v <= 0 for v in points):
        raise BallotError("bad_points", "points must be positive whole numbers")
    if limits.max_points_per_project is not None and any(v > limits.max_points_per_project for v in points):
        raise BallotError(
            "too_many_points_on_project",
            f"at most {limits.max_points_per_project} points on one project",
            maximum=limits.max_points_per_project,
        )
    if limits.max_points is not None and sum(points) > limits.max_points:
        raise BallotError(
            "too_many_points",
            f"at most {limits.max_points} points in total (given: {sum(points)})",
            maximum=limits.max_points,
            given=sum(points),
        )
