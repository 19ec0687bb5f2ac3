"""Reads for participation, scoped to one municipality (or one process of it)."""

from .bylaw import bylaw_current, bylaw_get, bylaw_list, bylaw_rule_get, bylaw_rule_list
from .challenges import (
    Deadline,
    challenge_contacts,
    challenge_deadlines,
    challenge_decision_choices,
    challenge_due_list,
    challenge_for_process,
    challenge_get,
    challenge_list,
)
from .evaluations import evaluation_current, evaluation_figures, evaluation_list
from .mirror import mirror_has_answered, mirror_results, mirror_statement_list
from .promises import (
    Citation,
    promise_current,
    promise_history,
    weighed_decision_ids,
    weighed_input_by_decision,
    weighed_input_count,
)
from .resident_survey import (
    resident_survey_get,
    resident_survey_has_answered,
    resident_survey_is_open,
    resident_survey_results,
)
from .yearly import yearly_report_get, yearly_report_list

__all__ = [
    "Deadline",
    "challenge_contacts",
    "challenge_deadlines",
    "challenge_decision_choices",
    "challenge_due_list",
    "challenge_for_process",
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
    "resident_survey_get",
    "resident_survey_has_answered",
    "resident_survey_is_open",
    "resident_survey_results",
    "promise_history",
    "weighed_decision_ids",
    "weighed_input_by_decision",
    "weighed_input_count",
    "yearly_report_get",
    "yearly_report_list",
]
