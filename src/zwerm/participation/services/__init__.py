"""Writes for participation: the only way rows of this app change (views, commands and the demo call these)."""

from .bylaw import Deadlines, RuleInput, bylaw_record
from .challenges import (
    ContactInput,
    challenge_agree,
    challenge_check,
    challenge_confirm_receipt,
    challenge_conversation,
    challenge_decide,
    challenge_inform_council,
    challenge_submit,
)
from .evaluations import evaluation_record
from .mirror import (
    mirror_answer,
    mirror_statement_add,
    mirror_statement_retire,
    mirror_statements_ensure_default,
)
from .promises import promise_record, weighed_input_cite
from .resident_survey import resident_survey_answer, resident_survey_open
from .yearly import yearly_report_generate, yearly_report_send

__all__ = [
    "ContactInput",
    "Deadlines",
    "RuleInput",
    "bylaw_record",
    "challenge_agree",
    "challenge_check",
    "challenge_confirm_receipt",
    "challenge_conversation",
    "challenge_decide",
    "challenge_inform_council",
    "challenge_submit",
    "evaluation_record",
    "mirror_answer",
    "mirror_statement_add",
    "mirror_statement_retire",
    "mirror_statements_ensure_default",
    "promise_record",
    "resident_survey_answer",
    "resident_survey_open",
    "weighed_input_cite",
    "yearly_report_generate",
    "yearly_report_send",
]
