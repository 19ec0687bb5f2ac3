"""Writes for dialogues: the only way rows of this app change."""

from .analysis import dialogue_analyse
from .dialogue import dialogue_create, statement_moderate, statement_submit
from .polis import dialogue_export_polis, dialogue_import_polis
from .vote_intake import vote_record_known
from .voting import participant_for, vote_cast

__all__ = [
    "dialogue_analyse",
    "dialogue_create",
    "dialogue_export_polis",
    "dialogue_import_polis",
    "participant_for",
    "statement_moderate",
    "statement_submit",
    "vote_cast",
    "vote_record_known",
]
