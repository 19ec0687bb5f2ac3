"""Writes for the council: the only way rows of this app change (views and commands call these)."""

from .frames import frame_set, spending_record
from .questions import council_follow, council_unfollow, question_answer, question_ask
from .reports import report_generate, report_refresh, report_send

__all__ = [
    "council_follow",
    "council_unfollow",
    "frame_set",
    "question_answer",
    "question_ask",
    "report_generate",
    "report_refresh",
    "report_send",
    "spending_record",
]
