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
from .promises import promise_record, weighed_input_cite

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
    "promise_record",
    "weighed_input_cite",
]
