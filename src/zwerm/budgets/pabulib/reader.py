"""Reading Pabulib ``.pb`` files (http://pabulib.org/format).

A file has three sections in this order, each opened by a line holding only its name and followed by
a header line: ``META`` (``key;value``), ``PROJECTS`` (at least ``project_id;cost``) and ``VOTES``
(at least ``voter_id;vote``, plus ``points`` for cumulative votes). Fields are ``;``-separated and
may be quoted; lines end in LF or CRLF; a UTF-8 byte-order mark is allowed. Approval (also
``choose-1``) and cumulative votes are read. Any problem raises :class:`PabulibError` naming the
line.
"""

from __future__ import annotations

import csv
import io
import os
import re
from fractions import Fraction
from typing import IO

from ..rules.types import (
    ApprovalBallot,
    Ballot,
    BallotLimits,
    CumulativeBallot,
    Instance,
    Project,
    to_fraction,
)

SECTIONS = ("meta", "projects", "votes")
VOTE_TYPES = {"approval": "approval", "choose-1": "approval", "cumulative": "cumulative"}
# The counting rules compute in floats and 64-bit integers; bounds far above any real budget keep them exact
# and finite, so a huge value is named as a problem of the file instead of ending in an OverflowError.
MAX_AMOUNT = 10**15  # a budget, a cost, max_sum_cost
MAX_POINTS = 10**9  # points on one ballot, and the point limits
MAX_NUMBER_TEXT = 64
_EXPONENT = re.compile(r"[eE]([+-]?\d+)")


class PabulibError(ValueError):
    """A malformed ``.pb`` file; ``line`` is the 1-based line number (None for the whole file)."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


def _shown(text: str) -> str:
    text = text.strip()
    return repr(text) if len(text) <= 30 else repr(text[:20] + "…") + f" ({len(text)} characters)"


def _amount(text: str, line: int | None, what: str) -> Fraction:
    exponent = _EXPONENT.search(text)
    if len(text.strip()) > MAX_NUMBER_TEXT or (exponent and abs(int(exponent.group(1))) > 30):
        raise PabulibError(line, f"{what} is too large: {_shown(text)} (at most {MAX_AMOUNT})")
    try:
        value = to_fraction(text)
    except (ValueError, ZeroDivisionError):
        raise PabulibError(line, f"{what} is not a number: {_shown(text)}") from None
    if value < 0:
        raise PabulibError(line, f"{what} must not be negative: {_shown(text)}")
    if value > MAX_AMOUNT:
        raise PabulibError(line, f"{what} is too large: {_shown(text)} (at most {MAX_AMOUNT})")
    return value


def _whole(text: str, line: int | None, what: str, minimum: int = 0, maximum: int = MAX_POINTS) -> int:
    if len(text.strip()) > MAX_NUMBER_TEXT:
        raise PabulibError(line, f"{what} is too large: {_shown(text)} (at most {maximum})")
    try:
        value = int(text.strip())
    except ValueError:
        raise PabulibError(line, f"{what} is not a whole number: {_shown(text)}") from None
    if value < minimum:
        raise PabulibError(line, f"{what} must be at least {minimum}: {_shown(text)}")
    if value > maximum:
        raise PabulibError(line, f"{what} is too large: {_shown(text)} (at most {maximum})")
    return value


def _optional(row: dict[str, str], key: str) -> str | None:
    value = row.get(key, "").strip()
    return None if value == "" or value.lower() == "none" else value


def read_pb(source: str | os.PathLike | IO[str]) -> tuple[Instance, list[Ballot]]:
    """Read a ``.pb`` file from a path or an open text file."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8-sig", newline="") as handle:
            return parse_pb(handle.read())
    return parse_pb(source.read())


def parse_pb(text: str) -> tuple[Instance, list[Ballot]]:
    """Parse the text of a ``.pb`` file into an instance and its ballots."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    section: str | None = None
    header: list[str] | None = None
    header_line: dict[str, int] = {}
    meta: dict[str, str] = {}
    projects: list[Project] = []
    ids: set[str] = set()
    ballots: list[Ballot] = []
    voters: set[str] = set()
    vote_type: str | None = None
    line = end = 0
    try:
        for row in reader:
            line, end = end + 1, reader.line_num  # a quoted field may span lines: name the first
            cells = [c.strip() for c in row]
            if not any(cells):
                continue
            name = cells[0].lower()
            if name in SECTIONS and all(c == "" for c in cells[1:]):
                expected = SECTIONS[len(header_line)] if len(header_line) < 3 else None
                if section is not None and header is None:
                    raise PabulibError(line, f"section {section.upper()} has no header line")
                if name in header_line:
                    raise PabulibError(line, f"section {name.upper()} appears twice")
                if name != expected:
                    raise PabulibError(line, f"section {name.upper()} before {expected.upper()}")
                section, header = name, None
                header_line[name] = line
                if name == "votes" and vote_type is None:
                    vote_type = "approval"  # Pabulib's default when META does not say
                continue
            if section is None:
                raise PabulibError(line, "text before the META section")
            if header is None:
                header = [c.lower() for c in cells]
                _check_header(section, header, line, vote_type)
                continue
            if section == "meta":
                if len(cells) < 2:
                    raise PabulibError(line, "a META line needs a key and a value")
                meta[cells[0]] = cells[1]
                if cells[0] == "vote_type":
                    vote_type = _vote_type(meta, line)
                continue
            if any("\n" in c for c in cells):
                raise PabulibError(line, "a quoted field does not end on its line (missing quote?)")
            if len(cells) != len(header):
                raise PabulibError(line, f"expected {len(header)} fields, found {len(cells)}")
            fields = dict(zip(header, cells, strict=True))
            if section == "projects":
                projects.append(_project(fields, line, ids))
            else:
                ballots.append(_ballot(fields, line, ids, voters, vote_type))
    except csv.Error as error:
        raise PabulibError(end + 1, f"cannot read the line: {error}") from None
    for name in SECTIONS:
        if name not in header_line:
            raise PabulibError(max(end, 1), f"section {name.upper()} is missing")
    if header is None:
        raise PabulibError(line, f"section {section.upper()} has no header line")
    if "budget" not in meta:
        raise PabulibError(header_line["meta"], "META has no budget")
    budget = _amount(meta["budget"], _meta_line(text, "budget"), "the budget")
    limits = _limits(meta, text)
    instance = Instance(budget=budget, projects=projects, vote_type=vote_type, limits=limits, meta=dict(meta))
    return instance, ballots


def _meta_line(text: str, key: str) -> int | None:
    """The line of a META key, for error messages about values checked after reading."""
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.split(";", 1)[0].strip().strip('"') == key:
            return number
    return None


def _vote_type(meta: dict[str, str], line: int) -> str:
    raw = meta["vote_type"].strip().lower()
    if raw not in VOTE_TYPES:
        raise PabulibError(line, f"vote_type {raw!r} is not supported (approval, choose-1, cumulative)")
    return VOTE_TYPES[raw]


def _check_header(section: str, header: list[str], line: int, vote_type: str | None) -> None:
    if len(set(header)) != len(header):
        raise PabulibError(line, f"{section.upper()} header names a column twice")
    needed = {"meta": [], "projects": ["project_id", "cost"], "votes": ["voter_id", "vote"]}[section]
    if section == "votes" and vote_type == "cumulative":
        needed = needed + ["points"]
    for column in needed:
        if column not in header:
            raise PabulibError(line, f"{section.upper()} header has no {column} column")


def _project(fields: dict[str, str], line: int, ids: set[str]) -> Project:
    pid = fields["project_id"]
    if not pid:
        raise PabulibError(line, "empty project_id")
    if pid in ids:
        raise PabulibError(line, f"project {pid} appears twice")
    ids.add(pid)
    cost = _amount(fields["cost"], line, f"the cost of project {pid}")
    extra = {k: v for k, v in fields.items() if k not in ("project_id", "cost", "name", "district")}
    return Project(
        id=pid,
        cost=cost,
        name=fields.get("name", ""),
        district=_optional(fields, "district"),
        extra=extra,
    )


def _ballot(fields: dict[str, str], line: int, ids: set[str], voters: set[str], vote_type: str) -> Ballot:
    voter = fields["voter_id"]
    if voter in voters:
        raise PabulibError(line, f"voter {voter} appears twice")
    voters.add(voter)
    chosen = [p.strip() for p in fields["vote"].split(",") if p.strip()]
    for pid in chosen:
        if pid not in ids:
            raise PabulibError(line, f"vote for unknown project {pid}")
    if len(set(chosen)) != len(chosen):
        raise PabulibError(line, "a project appears twice in one vote")
    district = _optional(fields, "district")
    if vote_type == "approval":
        return ApprovalBallot(tuple(chosen), voter_id=voter, district=district)
    raw_points = [p for p in fields["points"].split(",") if p.strip()]
    if len(raw_points) != len(chosen):
        raise PabulibError(line, f"{len(chosen)} projects but {len(raw_points)} points")
    points = [_whole(p, line, "points", minimum=0) for p in raw_points]
    return CumulativeBallot(
        tuple((pid, v) for pid, v in zip(chosen, points, strict=True) if v > 0), voter_id=voter, district=district
    )


def _limits(meta: dict[str, str], text: str) -> BallotLimits:
    def whole(key: str) -> int | None:
        return _whole(meta[key], _meta_line(text, key), key) if meta.get(key, "").strip() else None

    def amount(key: str) -> Fraction | None:
        return _amount(meta[key], _meta_line(text, key), key) if meta.get(key, "").strip() else None

    max_sum_points = whole("max_sum_points")
    return BallotLimits(
        min_projects=whole("min_length"),
        max_projects=whole("max_length"),
        max_cost=amount("max_sum_cost"),
        max_points=max_sum_points,
        max_points_per_project=whole("max_points"),
    )
