"""The ballots of one count in compact form: per project, who supports it and how much.

Utilities: an approval ballot gives each approved project utility 1 here; the rules turn that into
*cost utilities* by measuring prices per unit of cost (see ``mes.py``). A cumulative ballot gives
each project its points, as pabutools does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .types import Ballot, Instance, Project


@dataclass
class Profile:
    """Supporters per project as arrays of voter indices, with their utilities."""

    n_voters: int
    projects: list[Project]
    approval: bool
    supporters: list[np.ndarray]  # int64 voter indices, ascending
    utilities: list[np.ndarray]  # int64, same length as supporters[k]; all 1 for approval
    max_utility: int

    @property
    def votes(self) -> list[int]:
        """Number of voters supporting each project."""
        return [len(s) for s in self.supporters]

    @property
    def scores(self) -> list[int]:
        """Number of votes (approval) or total points (cumulative) per project."""
        return [int(u.sum()) for u in self.utilities]

    def index(self) -> dict[str, int]:
        return {p.id: k for k, p in enumerate(self.projects)}

    def costs(self) -> list[Fraction]:
        return [p.cost for p in self.projects]


def compile_profile(instance: Instance, ballots: Sequence[Ballot]) -> Profile:
    """Turn ballots into a :class:`Profile`. A vote for an unknown project is an error.

    One pass of Python over the votes (a list of project indices), the rest in numpy: on a
    city-wide vote this was most of the time of a whole count."""
    index = {p.id: k for k, p in enumerate(instance.projects)}
    approval = instance.vote_type == "approval"
    m, n = len(instance.projects), len(ballots)
    try:
        if approval:
            flat = [index[p] for ballot in ballots for p in ballot.projects]
            sizes = [len(ballot.projects) for ballot in ballots]
            points = None
        else:
            chosen = [ballot.utilities() for ballot in ballots]  # only positive points
            flat = [index[p] for pairs in chosen for p in pairs]
            sizes = [len(pairs) for pairs in chosen]
            points = np.fromiter((u for pairs in chosen for u in pairs.values()), np.int64, len(flat))
    except KeyError:
        _raise_unknown_project(index, ballots)
        raise
    projects = np.asarray(flat, dtype=np.int64)
    voters = np.repeat(np.arange(n, dtype=np.int64), np.asarray(sizes, dtype=np.int64))
    # Stable: within a project its supporters stay in ascending voter order.
    order = np.argsort(projects, kind="stable")
    voters = voters[order]
    bounds = np.searchsorted(projects[order], np.arange(m + 1))
    supporters = [voters[bounds[k] : bounds[k + 1]] for k in range(m)]
    if approval:
        utilities = [np.ones(len(s), dtype=np.int64) for s in supporters]
    else:
        assert points is not None  # set above for every non-approval profile
        points = points[order]
        utilities = [points[bounds[k] : bounds[k + 1]] for k in range(m)]
    max_u = max((int(u.max()) for u in utilities if len(u)), default=1)
    return Profile(
        n_voters=n,
        projects=list(instance.projects),
        approval=approval,
        supporters=supporters,
        utilities=utilities,
        max_utility=max_u,
    )


def _raise_unknown_project(index: dict[str, int], ballots: Sequence[Ballot]) -> None:
    """The error for the first ballot (in order) that votes for a project the instance lacks."""
    for i, ballot in enumerate(ballots):
        for pid in ballot.projects:
            if pid not in index:
                raise ValueError(f"ballot {ballot.voter_id or i + 1} votes for unknown project {pid}")


TieKey = Callable[[Project], object]


def tie_key(name: str | TieKey, profile: Profile | None = None) -> TieKey:
    """The key that orders tied projects; the smallest key wins.

    - ``"id"`` (default, as pabutools' lexicographic tie-breaking): project id compared as text,
      so "10" comes before "9".
    - ``"cost"``: the cheaper project first, then by id.
    - ``"votes"``: the project with more votes first, then by id.
    A callable is used as it is.
    """
    if callable(name):
        return name
    if name == "id":
        return lambda p: p.id
    if name == "cost":
        return lambda p: (p.cost, p.id)
    if name == "votes":
        if profile is None:
            raise ValueError("tie-breaking by votes needs the profile")
        votes = {p.id: v for p, v in zip(profile.projects, profile.votes, strict=True)}
        return lambda p: (-votes[p.id], p.id)
    raise ValueError(f"unknown tie-breaking {name!r}; choose id, cost or votes")


def voters_with_a_funded_project(profile: Profile, winners: Iterable[int]) -> int:
    """How many voters support at least one of the winning projects."""
    hit = np.zeros(profile.n_voters, dtype=bool)
    for k in winners:
        hit[profile.supporters[k]] = True
    return int(hit.sum())
