"""Counting a ``.pb`` file without the platform: what ``zwerm budget count`` does."""

from __future__ import annotations

import json
import os
import time
from typing import IO, Any

from ..rules import count
from .reader import read_pb


def count_pb_file(
    path: str | os.PathLike,
    *,
    rule: str = "mes",
    completion: str | None = "add1",
    fill_up: bool = True,
    exact: bool = False,
    tie_break: str = "id",
    min_votes: int = 0,
    step: str | int = 1,
) -> dict[str, Any]:
    """Read the file, count it and return the outcome as a JSON-ready dict.

    ``seconds`` is the time of the count itself; ``read_seconds`` the time to read the file.
    """
    started = time.perf_counter()
    instance, ballots = read_pb(path)
    read_seconds = time.perf_counter() - started
    outcome = count(
        instance,
        ballots,
        rule=rule,
        completion=completion,
        fill_up=fill_up,
        exact=exact,
        tie_break=tie_break,
        min_votes=min_votes,
        step=step,
    )
    result = outcome.to_dict()
    result["file"] = os.fspath(path)
    result["read_seconds"] = read_seconds
    result["projects"] = len(instance.projects)
    return result


def write_json(result: dict[str, Any], target: str | os.PathLike | IO[str]) -> None:
    """Write the result as indented UTF-8 JSON to a path ("-" is not special here) or a file."""
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    else:
        json.dump(result, target, ensure_ascii=False, indent=2)
        target.write("\n")
