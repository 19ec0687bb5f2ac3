"""Data types of a participatory-budget count: projects, instances, ballots and limits.

Plain dataclasses, no Django. Money is kept as :class:`fractions.Fraction` so that every amount
(budget, cost, payment) is exact; points of cumulative ballots are whole numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

VoteType = Literal["approval", "cumulative"]


def to_fraction(value: int | str | float | Fraction) -> Fraction:
    """Turn an amount into an exact fraction; strings may use a decimal comma ("12,50")."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        return Fraction(value.strip().replace(",", "."))
    if isinstance(value, float):
        # A float is taken at its decimal representation, not its binary value.
        return Fraction(repr(value))
    return Fraction(value)


@dataclass(frozen=True)
class Project:
    """A project residents can vote for. ``id`` is the key used everywhere, compared as text."""

    id: str
    cost: Fraction
    name: str = ""
    district: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", str(self.id))
        object.__setattr__(self, "cost", to_fraction(self.cost))
        if self.cost < 0:
            raise ValueError(f"project {self.id}: cost must not be negative")


@dataclass(frozen=True)
class BallotLimits:
    """The limits a ballot must respect; ``None`` means no limit."""

    min_projects: int | None = None
    max_projects: int | None = None
    max_cost: Fraction | None = None  # approval: total cost of the chosen projects
    max_points: int | None = None  # cumulative: total points on one ballot
    max_points_per_project: int | None = None  # cumulative: points on one project


@dataclass(frozen=True)
class ApprovalBallot:
    """A voter approves a set of projects (by id)."""

    projects: tuple[str, ...]
    voter_id: str = ""
    district: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "projects", tuple(str(p) for p in self.projects))

    def utilities(self) -> dict[str, int]:
        return dict.fromkeys(self.projects, 1)


@dataclass(frozen=True)
class CumulativeBallot:
    """A voter spreads whole points over projects: ``points`` maps project id to points."""

    points: tuple[tuple[str, int], ...]
    voter_id: str = ""
    district: str | None = None

    def __post_init__(self) -> None:
        pts = self.points.items() if isinstance(self.points, Mapping) else self.points
        object.__setattr__(self, "points", tuple((str(p), int(v)) for p, v in pts))

    @property
    def projects(self) -> tuple[str, ...]:
        return tuple(p for p, _ in self.points)

    def utilities(self) -> dict[str, int]:
        return {p: v for p, v in self.points if v > 0}


Ballot = ApprovalBallot | CumulativeBallot


@dataclass
class Instance:
    """A budget to spend over projects.

    ``district_budgets`` holds one budget per district for per-district counts; ``meta`` keeps
    whatever else the source said (e.g. the Pabulib META section).
    """

    budget: Fraction
    projects: list[Project]
    vote_type: VoteType = "approval"
    limits: BallotLimits = field(default_factory=BallotLimits)
    district_budgets: dict[str, Fraction] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.budget = to_fraction(self.budget)
        if self.budget < 0:
            raise ValueError("the budget must not be negative")
        self.district_budgets = {k: to_fraction(v) for k, v in self.district_budgets.items()}
        seen: set[str] = set()
        for p in self.projects:
            if p.id in seen:
                raise ValueError(f"project {p.id} appears twice")
            seen.add(p.id)

    def project(self, project_id: str) -> Project:
        for p in self.projects:
            if p.id == project_id:
                return p
        raise KeyError(project_id)

    def project_map(self) -> dict[str, Project]:
        return {p.id: p for p in self.projects}
