"""Roles granted by staff (an admin appointing a moderator, ...) for core.staff_actions."""

from zwerm.core.staff_actions import StaffAction

from .models import RoleAssignment


def role_staff_actions(*, municipality, since=None, until=None):
    grants = RoleAssignment.objects.filter(municipality=municipality, granted_by__isnull=False)
    if since is not None:
        grants = grants.filter(granted_at__gte=since)
    if until is not None:
        grants = grants.filter(granted_at__lt=until)
    for grant in grants.order_by("granted_at", "pk").iterator():
        yield StaffAction(
            at=grant.granted_at,
            actor_id=grant.granted_by_id,
            name="role.grant",
            object_type="account",
            object_id=str(grant.user_id),
            key=f"accounts.roleassignment:{grant.pk}",
            details={"role": grant.role},
        )
