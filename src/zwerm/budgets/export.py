"""Any budget of the platform as a Pabulib `.pb` file, so that anyone can check the count with other tools.

Voters are numbered afresh (1, 2, ...) in an order set by their choices; no user id, name, time or
other personal data is written. A voter's wijk is only written where at least 5 voters (the disclosure
threshold) share it: a wijk with 3 voters would show their three ballots. Such voters get an empty wijk,
so a recount of that wijk's own amount from the file is not possible."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Sequence

from zwerm.core import disclosure

from .models import Budget
from .pabulib import write_pb
from .selectors import budget_instance, budget_rule_ballots


def budget_export_pb(*, budget: Budget, path: str | os.PathLike) -> None:
    """Write the budget's feasible projects and its anonymous ballots to `path`."""
    meta = {
        "description": budget.title,
        "country": "Netherlands",
        "unit": budget.municipality.name,
        "instance": budget.title,
        "rule": "equalshares" if budget.rule == Budget.Rule.MES else "greedy",
    }
    if budget.district_id:
        meta["subunit"] = budget.district.name
    instance = budget_instance(budget=budget, meta=meta)
    write_pb(instance, _small_districts_dropped(budget_rule_ballots(budget=budget)), path)


def _small_districts_dropped(ballots: Sequence) -> list:
    per_district = Counter(b.district for b in ballots if b.district)
    return [
        b if not b.district or disclosure.is_public(per_district[b.district]) else dataclasses.replace(b, district=None)
        for b in ballots
    ]
