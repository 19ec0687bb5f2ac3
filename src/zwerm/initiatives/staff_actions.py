"""The staff actions on initiatives (status changes by staff, moderation) for core.staff_actions."""

import heapq

from django.db.models import F

from zwerm.core.staff_actions import StaffAction

from .models import ModerationAction, StatusChange


def _window(qs, since, until):
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    return qs.order_by("created_at", "pk")


def _status_changes(municipality, since, until):
    changes = StatusChange.objects.filter(initiative__municipality=municipality)
    # The author withdrawing their own initiative is not a staff action.
    for change in _window(changes.exclude(actor_id=F("initiative__author_id")), since, until).iterator():
        yield StaffAction(
            at=change.created_at,
            actor_id=change.actor_id,
            name="initiative.status_change",
            object_type="initiative",
            object_id=str(change.initiative_id),
            key=f"initiatives.statuschange:{change.pk}",
            details={"from": change.from_status, "to": change.to_status},
        )


def _moderation(municipality, since, until):
    for action in _window(ModerationAction.objects.filter(municipality=municipality), since, until).iterator():
        yield StaffAction(
            at=action.created_at,
            actor_id=action.moderator_id,
            name=f"moderation.{action.action}",
            object_type="comment" if action.comment_id else "initiative",
            object_id=str(action.comment_id or action.initiative_id),
            key=f"initiatives.moderationaction:{action.pk}",
            details={},
        )


def initiative_staff_actions(*, municipality, since=None, until=None):
    return heapq.merge(
        _status_changes(municipality, since, until), _moderation(municipality, since, until), key=lambda a: a.at
    )
