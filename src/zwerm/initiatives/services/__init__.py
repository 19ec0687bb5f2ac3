"""Writes for initiatives: the only way rows of this app change (views, API and commands call these)."""

from .engagement import (
    comment_create,
    initiative_follow,
    initiative_join,
    initiative_leave,
    initiative_support,
    initiative_unfollow,
    initiative_unsupport,
)
from .lifecycle import initiative_create, initiative_status_change, initiative_update
from .moderation import flag_create, flag_dismiss, moderation_hide, moderation_restore
from .photos import initiative_photo_add, initiative_photos_remove

__all__ = [
    "comment_create",
    "flag_create",
    "flag_dismiss",
    "initiative_create",
    "initiative_follow",
    "initiative_join",
    "initiative_leave",
    "initiative_photo_add",
    "initiative_photos_remove",
    "initiative_status_change",
    "initiative_support",
    "initiative_unfollow",
    "initiative_unsupport",
    "initiative_update",
    "moderation_hide",
    "moderation_restore",
]
