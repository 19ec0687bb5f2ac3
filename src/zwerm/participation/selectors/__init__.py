"""Reads for participation, scoped to one municipality (or one process of it)."""

from .bylaw import bylaw_current, bylaw_get, bylaw_list, bylaw_rule_get, bylaw_rule_list
from .challenges import (
    Deadline,
    challenge_contacts,
    challenge_deadlines,
    challenge_decision_choices,
    challenge_due_list,
    challenge_get,
    challenge_list,
)
from .evaluations import evaluation_current, evaluation_figures, evaluation_list
from .mirror import mirror_has_answered, mirror_results, mirror_statement_list
from .promises import Citation, promise_current, promise_history, weighed_input_by_decision, weighed_input_count
from .yearly import yearly_report_get, yearly_report_list

__all__ = [
    "Deadline",
    "challenge_contacts",
    "challenge_deadlines",
    "challenge_decision_choices",
    "challenge_due_list",
    "challenge_get",
    "challenge_list",
    "evaluation_current",
    "evaluation_figures",
    "evaluation_list",
    "mirror_has_answered",
    "mirror_results",
    "mirror_statement_list",
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
    "yearly_report_get",
    "yearly_report_list",
]
