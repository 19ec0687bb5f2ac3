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
    """Turn ballots into a :class:`Profile`. A vote for an unknown project is an error."""
    index = {p.id: k for k, p in enumerate(instance.projects)}
    who: list[list[int]] = [[] for _ in instance.projects]
    how: list[list[int]] = [[] for _ in instance.projects]
    approval = instance.vote_type == "approval"
    for i, ballot in enumerate(ballots):
        pairs = ((p, 1) for p in ballot.projects) if approval else ballot.utilities().items()
        for pid, u in pairs:
            k = index.get(pid)
            if k is None:
                raise ValueError(f"ballot {ballot.voter_id or i + 1} votes for unknown project {pid}")
            if u > 0:
                who[k].append(i)
                if not approval:
                    how[k].append(u)
    if approval:
        how = [[1] * len(w) for w in who]
    supporters = [np.asarray(w, dtype=np.int64) for w in who]
    utilities = [np.asarray(h, dtype=np.int64) for h in how]
    max_u = max((int(u.max()) for u in utilities if len(u)), default=1)
    return Profile(
        n_voters=len(ballots),
        projects=list(instance.projects),
        approval=instance.vote_type == "approval",
        supporters=supporters,
        utilities=utilities,
        max_utility=max_u,
    )


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
