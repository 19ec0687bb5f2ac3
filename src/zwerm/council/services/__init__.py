"""Writes for the council: the only way rows of this app change (views and commands call these)."""

from .district_reports import district_report_generate, district_report_refresh, district_report_send
from .frames import frame_set, spending_record
from .questions import council_follow, council_unfollow, question_answer, question_ask
from .reports import report_generate, report_refresh, report_send

__all__ = [
    "council_follow",
    "council_unfollow",
    "district_report_generate",
    "district_report_refresh",
    "district_report_send",
    "frame_set",
    "question_answer",
    "question_ask",
    "report_generate",
    "report_refresh",
    "report_send",
    "spending_record",
]
