"""Reads for participation, scoped to one municipality (or one process of it)."""

from .bylaw import bylaw_current, bylaw_get, bylaw_list, bylaw_rule_get, bylaw_rule_list
from .promises import Citation, promise_current, promise_history, weighed_input_by_decision, weighed_input_count

__all__ = [
    "Citation",
    "bylaw_current",
    "bylaw_get",
    "bylaw_list",
    "bylaw_rule_get",
    "bylaw_rule_list",
    "promise_current",
    "promise_history",
    "weighed_input_by_decision",
    "weighed_input_count",
]
