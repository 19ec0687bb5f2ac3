"""Roles granted and revoked by staff (an admin appointing a moderator, ...) for core.staff_actions."""

from zwerm.core.staff_actions import StaffAction

from .models import RoleChange


def role_staff_actions(*, municipality, since=None, until=None):
    changes = RoleChange.objects.filter(municipality=municipality)
    if since is not None:
        changes = changes.filter(at__gte=since)
    if until is not None:
        changes = changes.filter(at__lt=until)
    for change in changes.order_by("at", "pk").iterator():
        yield StaffAction(
            at=change.at,
            actor_id=change.actor_id,
            name=f"role.{change.kind}",
            object_type="account",
            object_id=str(change.user_id),
            key=f"accounts.rolechange:{change.pk}",
            details={"role": change.role},
        )
