"""Small builders for the dialogue tests: vote matrices and Pol.is export folders."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np

from zwerm.dialogues.analysis import VoteMatrix

SHARED_DATA = Path(os.environ.get("ZWERM_SHARED_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"))


def matrix_from_rows(rows: list[list[int | None]]) -> VoteMatrix:
    """Participants p0, p1, … × statements s0, s1, …; None is a missing vote."""
    triples = [(f"p{i}", f"s{j}", v) for i, row in enumerate(rows) for j, v in enumerate(row) if v is not None]
    return VoteMatrix.from_votes(
        triples,
        participant_ids=[f"p{i}" for i in range(len(rows))],
        statement_ids=[f"s{j}" for j in range(len(rows[0]))],
    )


def opinion_groups(n: int, m: int, *, groups: int = 3, density: float = 0.6, seed: int = 1):
    """A random dialogue with planted groups: (matrix, planted group per participant)."""
    rng = np.random.default_rng(seed)
    planted = rng.integers(0, groups, n)
    agree_p = rng.beta(0.5, 0.5, (groups, m))
    cast = rng.random((n, m)) < density
    agree = rng.random((n, m)) < agree_p[planted]
    passed = rng.random((n, m)) < 0.1
    votes = np.where(passed, 0, np.where(agree, 1, -1))
    r, c = np.nonzero(cast)
    matrix = VoteMatrix.from_triples(r, c, votes[r, c], participant_ids=list(range(n)), statement_ids=list(range(m)))
    return matrix, planted


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


COMMENT_HEADER = [
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
]
VOTE_HEADER = ["timestamp", "datetime", "comment-id", "voter-id", "vote"]


def small_export(folder: Path) -> Path:
    """Three statements (2 moderated out / meta), four voters, one changed vote."""
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(
        folder / "comments.csv",
        COMMENT_HEADER + ["is-meta"],
        [
            [1000, "", 0, 0, 0, 0, 1, "Meer bomen in de wijk", "false"],
            [1001, "", 1, 1, 0, 0, 0, "Minder parkeerplaatsen", "false"],
            [1002, "", 2, 1, 0, 0, -1, "Weggemodereerd", "false"],
            [1003, "", 3, 2, 0, 0, 1, "Wie ben jij?", "true"],
        ],
    )
    write_csv(
        folder / "votes.csv",
        VOTE_HEADER,
        [
            [2000, "", 0, 10, 1],
            [2005, "", 1, 10, -1],
            [2001, "", 0, 11, 1],
            [2009, "", 1, 11, 1],  # later than the next line in time: this one counts
            [2002, "", 1, 11, -1],
            [2003, "", 2, 12, 1],  # on a moderated-out statement
            [2004, "", 0, 12, 0],
            [2006, "", 3, 13, 1],  # on a meta statement
        ],
    )
    return folder
