"""Writes for participation: the only way rows of this app change (views, commands and the demo call these)."""

from .bylaw import Deadlines, RuleInput, bylaw_record
from .promises import promise_record, weighed_input_cite

__all__ = ["Deadlines", "RuleInput", "bylaw_record", "promise_record", "weighed_input_cite"]
