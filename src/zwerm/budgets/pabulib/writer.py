"""Writing an instance and its ballots as a Pabulib ``.pb`` file, so other tools can check a count."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from fractions import Fraction
from typing import IO

from ..rules.types import ApprovalBallot, Ballot, Instance


def decimal_text(value: Fraction | int) -> str:
    """An exact decimal text for an amount ("12.5"); amounts like 1/3 cannot be written exactly."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    d, twos, fives = value.denominator, 0, 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    if d != 1:
        raise ValueError(f"{value} has no exact decimal notation")
    places = max(twos, fives)
    sign = "-" if value < 0 else ""
    scaled = abs(value.numerator) * 10**places // value.denominator
    digits = str(scaled).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


def format_pb(instance: Instance, ballots: Sequence[Ballot], *, description: str = "") -> str:
    """The ``.pb`` text for an instance and its ballots (LF line ends, minimal quoting)."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(instance.meta)
    meta.update(
        {
            "budget": decimal_text(instance.budget),
            "vote_type": instance.vote_type,
            "num_projects": str(len(instance.projects)),
            "num_votes": str(len(ballots)),
        }
    )
    if description:
        meta["description"] = description
    limits = instance.limits
    for key, value in (
        ("min_length", limits.min_projects),
        ("max_length", limits.max_projects),
        ("max_sum_cost", limits.max_cost),
        ("max_sum_points", limits.max_points),
        ("max_points", limits.max_points_per_project),
    ):
        if value is not None:
            meta[key] = decimal_text(value)
    w.writerow(["META"])
    w.writerow(["key", "value"])
    for key, value in meta.items():
        w.writerow([key, value])
    extra = sorted({k for p in instance.projects for k in p.extra})
    with_district = any(p.district for p in instance.projects)
    w.writerow(["PROJECTS"])
    w.writerow(["project_id", "cost", "name"] + (["district"] if with_district else []) + extra)
    for p in instance.projects:
        row = [p.id, decimal_text(p.cost), p.name]
        row += [p.district or ""] if with_district else []
        w.writerow(row + [p.extra.get(k, "") for k in extra])
    cumulative = instance.vote_type == "cumulative"
    voter_district = any(b.district for b in ballots)
    w.writerow(["VOTES"])
    w.writerow(["voter_id", "vote"] + (["points"] if cumulative else []) + (["district"] if voter_district else []))
    for i, b in enumerate(ballots, start=1):
        row = [b.voter_id or str(i), ",".join(b.projects)]
        if cumulative and not isinstance(b, ApprovalBallot):
            row.append(",".join(str(v) for _, v in b.points))
        if voter_district:
            row.append(b.district or "")
        w.writerow(row)
    return out.getvalue()


def write_pb(instance: Instance, ballots: Sequence[Ballot], target: str | os.PathLike | IO[str], **kw) -> None:
    """Write the ``.pb`` file to a path or an open text file."""
    text = format_pb(instance, ballots, **kw)
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        target.write(text)
