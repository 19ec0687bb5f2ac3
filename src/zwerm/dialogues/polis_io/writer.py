"""Write a Pol.is open-data export folder from plain data, in the format the reader reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from zwerm.core.csvfile import CsvWriter

from .model import PolisComment, PolisVote
from .reader import COMMENTS, PARTICIPANT_COLUMNS, PARTICIPANTS_VOTES, SUMMARY, VOTES

COMMENT_COLUMNS = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "is-meta",
    "is-seed",
    "comment-body",
)
VOTE_COLUMNS = ("timestamp", "datetime", "comment-id", "voter-id", "vote")
SUMMARY_KEYS = (
    "topic",
    "url",
    "views",
    "voters",
    "voters-in-conv",
    "commenters",
    "comments",
    "groups",
    "conversation-description",
)


def latest_votes(votes: Iterable[PolisVote]) -> list[PolisVote]:
    """The latest vote per (participant, comment): highest timestamp, later in order on ties."""
    latest: dict[tuple[int, int], PolisVote] = {}
    for v in votes:
        key = (v.participant_id, v.comment_id)
        old = latest.get(key)
        if old is None or (v.timestamp or 0) >= (old.timestamp or 0):
            latest[key] = v
    return list(latest.values())


def write_export(
    folder: str | Path,
    *,
    comments: Sequence[PolisComment],
    votes: Sequence[PolisVote],
    group_ids: Mapping[int, int | None] | None = None,
    summary: Mapping[str, str] | None = None,
) -> Path:
    """Write comments.csv, votes.csv, participants-votes.csv and summary.csv into ``folder``.

    ``votes`` may hold a participant's earlier votes too: votes.csv keeps them all (in
    timestamp order), participants-votes.csv and the agree/disagree counts use the latest.
    ``group_ids`` fills the group-id column (empty for participants not in a group).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    group_ids = dict(group_ids or {})
    current = latest_votes(votes)
    agrees = Counter(v.comment_id for v in current if v.vote == 1)
    disagrees = Counter(v.comment_id for v in current if v.vote == -1)
    comment_ids = sorted(c.id for c in comments)

    with (folder / COMMENTS).open("w", newline="", encoding="utf-8") as f:
        w = CsvWriter(f)
        w.writerow(COMMENT_COLUMNS)
        for c in comments:
            w.writerow(
                [
                    c.timestamp,
                    _datetime(c.timestamp),
                    c.id,
                    c.author_id,
                    agrees[c.id],
                    disagrees[c.id],
                    c.moderated,
                    c.is_meta,
                    c.is_seed,
                    c.body,
                ]
            )

    with (folder / VOTES).open("w", newline="", encoding="utf-8") as f:
        w = CsvWriter(f)
        w.writerow(VOTE_COLUMNS)
        for v in sorted(votes, key=lambda v: v.timestamp or 0):
            w.writerow([v.timestamp or 0, _datetime(v.timestamp or 0), v.comment_id, v.participant_id, v.vote])

    by_participant: dict[int, dict[int, int]] = {}
    for v in current:
        by_participant.setdefault(v.participant_id, {})[v.comment_id] = v.vote
    authored = Counter(c.author_id for c in comments if c.author_id is not None)
    participants = sorted(set(by_participant) | set(group_ids))
    with (folder / PARTICIPANTS_VOTES).open("w", newline="", encoding="utf-8") as f:
        w = CsvWriter(f)
        w.writerow([*PARTICIPANT_COLUMNS, *comment_ids])
        for pid in participants:
            cells = by_participant.get(pid, {})
            values = list(cells.values())
            w.writerow(
                [
                    pid,
                    group_ids.get(pid),
                    authored[pid],
                    len(values),
                    values.count(1),
                    values.count(-1),
                    *(cells.get(cid) for cid in comment_ids),
                ]
            )

    groups = {g for g in group_ids.values() if g is not None}
    in_conv = sum(1 for g in group_ids.values() if g is not None)
    figures = {
        "voters": str(len(by_participant)),
        "voters-in-conv": str(in_conv),
        "commenters": str(len(authored)),
        "comments": str(len(comments)),
        "groups": str(len(groups)),
    }
    figures.update(summary or {})
    with (folder / SUMMARY).open("w", newline="", encoding="utf-8") as f:
        w = CsvWriter(f)
        for key in [*SUMMARY_KEYS, *(k for k in figures if k not in SUMMARY_KEYS)]:
            if key in figures:
                w.writerow([key, figures[key]])
    return folder


def _datetime(timestamp: int | None) -> str:
    if timestamp is None:
        return ""
    moment = datetime.fromtimestamp(timestamp / 1000, tz=UTC)
    return moment.strftime("%a %b %d %H:%M:%S UTC %Y")
