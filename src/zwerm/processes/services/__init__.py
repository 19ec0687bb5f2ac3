"""Writes for processes: the only way rows of this app change (views, commands and the demo call these)."""

from .advice import advice_give, advice_request_create
from .components import (
    meeting_create,
    meeting_update,
    placement_create,
    placement_set_phases,
    survey_create,
    survey_respond,
)
from .decisions import Weighing, decision_record
from .lifecycle import process_close, process_create, process_locate, process_open, process_update
from .phases import phase_add, phase_change, phase_close, phase_reorder
from .stakeholders import stakeholder_add, stakeholder_update
from .updates import process_follow, process_unfollow, update_post

__all__ = [
    "Weighing",
    "advice_give",
    "advice_request_create",
    "decision_record",
    "meeting_create",
    "meeting_update",
    "phase_add",
    "phase_change",
    "phase_close",
    "phase_reorder",
    "placement_create",
    "placement_set_phases",
    "process_close",
    "process_create",
    "process_follow",
    "process_locate",
    "process_open",
    "process_unfollow",
    "process_update",
    "stakeholder_add",
    "stakeholder_update",
    "survey_create",
    "survey_respond",
    "update_post",
]
