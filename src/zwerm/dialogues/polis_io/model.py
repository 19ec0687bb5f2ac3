"""Plain data of a Pol.is open-data export, and the error raised on bad files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class PolisFormatError(ValueError):
    """A Pol.is export file is malformed or inconsistent. Names the file and the line."""

    def __init__(self, file: str | Path, line: int, message: str):
        self.file = str(file)
        self.line = line
        self.message = message
        super().__init__(f"{self.file}, line {line}: {message}")


@dataclass(frozen=True)
class PolisComment:
    """A statement (Pol.is calls them comments). moderated: -1 out, 0 unmoderated, 1 in."""

    id: int
    body: str
    author_id: int | None = None
    timestamp: int | None = None  # milliseconds since the epoch
    moderated: int = 0
    is_meta: bool = False
    is_seed: bool = False
    agrees: int | None = None  # as stated in the file; recomputed by the writer
    disagrees: int | None = None

    @property
    def is_active(self) -> bool:
        """Counts in the analysis: not moderated out and not a meta statement."""
        return self.moderated != -1 and not self.is_meta


@dataclass(frozen=True)
class PolisVote:
    """One vote: +1 agree, -1 disagree, 0 pass (Pol.is open-data signs)."""

    participant_id: int
    comment_id: int
    vote: int
    timestamp: int | None = None


@dataclass(frozen=True)
class PolisExport:
    """One conversation. ``votes`` holds the latest vote per participant and comment only."""

    comments: tuple[PolisComment, ...]
    votes: tuple[PolisVote, ...]
    participant_ids: tuple[int, ...]  # everyone with a vote or a row, in first-seen order
    group_ids: dict[int, int | None] = field(default_factory=dict)  # from participants-votes.csv
    summary: dict[str, str] = field(default_factory=dict)
    source: str = ""  # "votes.csv" or "participants-votes.csv"

    @property
    def active_comment_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.comments if c.is_active)

    @property
    def excluded_comment_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.comments if not c.is_active)
