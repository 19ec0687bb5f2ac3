"""Read a Pol.is open-data export folder (comments.csv, votes.csv, participants-votes.csv).

Every problem raises :class:`PolisFormatError` naming the file and the line (line 1 is the
header). The reader checks; it never guesses. A text cell that Zwerm's CSV writer escaped against
formulas (a leading apostrophe) is read back as it was written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from zwerm.core.csvfile import unescape_cell

from .model import PolisComment, PolisExport, PolisFormatError, PolisVote

COMMENTS = "comments.csv"
VOTES = "votes.csv"
PARTICIPANTS_VOTES = "participants-votes.csv"
SUMMARY = "summary.csv"
PARTICIPANT_COLUMNS = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")
INFO_COLUMNS = {*PARTICIPANT_COLUMNS, "xid"}  # newer exports carry an external id (xid)
VOTE_VALUES = {"-1": -1, "0": 0, "1": 1, "-1.0": -1, "0.0": 0, "1.0": 1}


def read_export(folder: str | Path, *, with_groups: bool = True) -> PolisExport:
    """The comments and the latest vote per participant and comment of one conversation.

    Votes come from votes.csv (the latest by timestamp counts; on equal timestamps the later
    line) or, when that file is absent, from participants-votes.csv. The ``group-id``
    column of participants-votes.csv is kept in ``group_ids`` when ``with_groups``.
    """
    folder = Path(folder)
    comments_path = folder / COMMENTS
    if not comments_path.is_file():
        raise PolisFormatError(comments_path, 0, "file not found")
    comments = read_comments(comments_path)
    known = {c.id for c in comments}
    pv_path = folder / PARTICIPANTS_VOTES
    group_ids: dict[int, int | None] = {}
    if (folder / VOTES).is_file():
        votes = read_votes(folder / VOTES, known)
        source = VOTES
        if with_groups and pv_path.is_file():
            group_ids = read_participants_votes(pv_path, known, groups_only=True)[1]
    elif pv_path.is_file():
        votes, group_ids = read_participants_votes(pv_path, known)
        source = PARTICIPANTS_VOTES
    else:
        votes, source = [], ""
    participant_ids = dict.fromkeys(v.participant_id for v in votes)
    participant_ids.update(dict.fromkeys(group_ids))
    summary_path = folder / SUMMARY
    return PolisExport(
        comments=tuple(comments),
        votes=tuple(votes),
        participant_ids=tuple(participant_ids),
        group_ids=group_ids if with_groups else {},
        summary=read_summary(summary_path) if summary_path.is_file() else {},
        source=source,
    )


def read_comments(path: Path) -> list[PolisComment]:
    comments, seen = [], set()
    for line, row in _rows(path, required=("comment-id", "moderated", "comment-body")):
        cid = _int(row, "comment-id", path, line)
        if cid in seen:
            raise PolisFormatError(path, line, f"comment-id {cid} appears twice")
        seen.add(cid)
        moderated = _int(row, "moderated", path, line)
        if moderated not in (-1, 0, 1):
            raise PolisFormatError(path, line, f"moderated must be -1, 0 or 1, not {moderated}")
        comments.append(
            PolisComment(
                id=cid,
                body=unescape_cell(row["comment-body"]),
                author_id=_int(row, "author-id", path, line, optional=True),
                timestamp=_int(row, "timestamp", path, line, optional=True),
                moderated=moderated,
                is_meta=_bool(row, "is-meta", path, line),
                is_seed=_bool(row, "is-seed", path, line),
                agrees=_int(row, "agrees", path, line, optional=True),
                disagrees=_int(row, "disagrees", path, line, optional=True),
            )
        )
    return comments


def read_votes(path: Path, known_comments: set[int]) -> list[PolisVote]:
    """The latest vote per (voter, comment) from a votes.csv."""
    latest: dict[tuple[int, int], PolisVote] = {}
    for line, row in _rows(path, required=("timestamp", "comment-id", "voter-id", "vote")):
        cid = _int(row, "comment-id", path, line)
        if cid not in known_comments:
            raise PolisFormatError(path, line, f"unknown statement id {cid} (not in comments.csv)")
        vote = VOTE_VALUES.get(row["vote"].strip())
        if vote is None:
            raise PolisFormatError(path, line, f"bad vote value {row['vote']!r} (expected -1, 0 or 1)")
        v = PolisVote(_int(row, "voter-id", path, line), cid, vote, _int(row, "timestamp", path, line))
        key = (v.participant_id, cid)
        old = latest.get(key)
        if old is None or v.timestamp >= old.timestamp:
            latest[key] = v
    return list(latest.values())


def read_participants_votes(
    path: Path, known_comments: set[int], *, groups_only: bool = False
) -> tuple[list[PolisVote], dict[int, int | None]]:
    """Votes (the latest per cell, as Pol.is writes them) and the group-id per participant."""
    votes: list[PolisVote] = []
    groups: dict[int, int | None] = {}
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if not header or "participant" not in header:
            raise PolisFormatError(path, 1, "missing column 'participant'")
        p_col = header.index("participant")
        g_col = header.index("group-id") if "group-id" in header else None
        columns: list[tuple[int, int]] = []
        if not groups_only:
            for j, name in enumerate(header):
                if name in INFO_COLUMNS:
                    continue
                try:
                    cid = int(name)
                except ValueError:
                    raise PolisFormatError(path, 1, f"column {name!r} is not a statement id") from None
                if cid not in known_comments:
                    raise PolisFormatError(path, 1, f"unknown statement id {cid} (not in comments.csv)")
                columns.append((j, cid))
        for row in reader:
            line = reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                raise PolisFormatError(path, line, f"{len(row)} fields, header has {len(header)}")
            pid = _parse_int(row[p_col], "participant", path, line)
            group = row[g_col].strip() if g_col is not None else ""
            groups[pid] = _parse_int(group, "group-id", path, line) if group else None
            for j, cid in columns:
                cell = row[j]
                if cell:
                    vote = VOTE_VALUES.get(cell.strip())
                    if vote is None:
                        raise PolisFormatError(path, line, f"bad vote value {cell!r} for statement {cid}")
                    votes.append(PolisVote(pid, cid, vote))
    return votes, groups


def read_summary(path: Path) -> dict[str, str]:
    """summary.csv: one ``key,value`` pair per line, no header."""
    with path.open(newline="", encoding="utf-8") as f:
        return {row[0]: (unescape_cell(row[1]) if len(row) > 1 else "") for row in csv.reader(f) if row}


def _rows(path: Path, *, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number where the record starts, row as dict), after checking the header."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise PolisFormatError(path, 1, "empty file, expected a header")
        missing = [c for c in required if c not in header]
        if missing:
            raise PolisFormatError(path, 1, f"missing column(s) {', '.join(missing)}")
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                raise PolisFormatError(path, start, f"{len(row)} fields, header has {len(header)}")
            yield start, dict(zip(header, row, strict=True))


def _int(row: dict, column: str, path: Path, line: int, *, optional: bool = False) -> int | None:
    value = row.get(column)
    if value is None or value.strip() == "":
        if optional:
            return None
        raise PolisFormatError(path, line, f"missing value for {column}")
    return _parse_int(value, column, path, line)


def _parse_int(value: str, column: str, path: Path, line: int) -> int:
    try:
        return int(value)
    except ValueError:
        try:
            number = float(value)
        except ValueError:
            number = None
        if number is not None and number.is_integer():
            return int(number)
        raise PolisFormatError(path, line, f"{column} must be a whole number, not {value!r}") from None


def _bool(row: dict, column: str, path: Path, line: int) -> bool:
    value = (row.get(column) or "").strip().lower()
    if value in ("", "false", "0", "f", "no"):
        return False
    if value in ("true", "1", "t", "yes"):
        return True
    raise PolisFormatError(path, line, f"{column} must be true or false, not {value!r}")
