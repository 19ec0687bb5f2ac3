"""Any budget of the platform as a Pabulib `.pb` file, so that anyone can check the count with other tools.

Voters are numbered afresh (1, 2, ...) in an order set by their choices; no user id, name, time or
other personal data is written."""

from __future__ import annotations

import os

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
    write_pb(instance, budget_rule_ballots(budget=budget), path)
