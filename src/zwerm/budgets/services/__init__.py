"""Writes for budgets: the only way rows of this app change (views, commands and the demo call these)."""

from .attachments import project_attachment_add, project_attachment_remove
from .budget import budget_count, budget_create, budget_publish_result, budget_set_status
from .codes import address_list_read, vote_codes_generate
from .projects import (
    project_can_review,
    project_from_initiative,
    project_locate,
    project_propose,
    project_request_review,
    project_review,
)
from .voting import ballot_cast, ballot_cast_with_code, ballot_error_message, ballots_shuffle

__all__ = [
    "address_list_read",
    "ballot_cast",
    "ballot_cast_with_code",
    "vote_codes_generate",
    "ballot_error_message",
    "ballots_shuffle",
    "budget_count",
    "budget_create",
    "budget_publish_result",
    "budget_set_status",
    "project_attachment_add",
    "project_attachment_remove",
    "project_can_review",
    "project_from_initiative",
    "project_locate",
    "project_propose",
    "project_request_review",
    "project_review",
]
