from django.db.models import QuerySet

from zwerm.core.models import Municipality

from .models import Membership, RoleAssignment, User
from .roles import STAFF_ROLES, Role


def user_roles(*, user: User, municipality: Municipality) -> set[str]:
    """The roles `user` holds in `municipality`; a member is always a resident there."""
    if not user.is_authenticated or municipality is None:
        return set()
    cache = getattr(user, "_zwerm_roles", None)
    if cache is None:
        cache = user._zwerm_roles = {}
    if municipality.pk not in cache:
        roles = set(RoleAssignment.objects.filter(user=user, municipality=municipality).values_list("role", flat=True))
        if Membership.objects.filter(user=user, municipality=municipality).exists():
            roles.add(Role.RESIDENT)
        cache[municipality.pk] = roles
    return cache[municipality.pk]


def user_has_role(*, user: User, municipality: Municipality, roles) -> bool:
    """True when `user` holds at least one of `roles` (a Role or an iterable of them) here."""
    wanted = {roles} if isinstance(roles, str) else set(roles)
    held = user_roles(user=user, municipality=municipality)
    return bool(held & wanted) or (Role.ADMIN in held and bool(wanted & STAFF_ROLES))


def user_has_second_factor(*, user) -> bool:
    """True when this session passed a second factor (django-otp's `is_verified`, or the OIDC provider's MFA).

    Users from the REST API's token authentication and anonymous users have no such state: False."""
    verified = getattr(user, "is_verified", None)
    return bool(user is not None and user.is_authenticated and callable(verified) and verified())


def user_is_staff_here(*, user: User, municipality: Municipality) -> bool:
    return bool(user_roles(user=user, municipality=municipality) & STAFF_ROLES)


def membership_get(*, user: User, municipality: Municipality) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("neighbourhood").filter(user=user, municipality=municipality).first()


def role_assignment_list(*, municipality: Municipality) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(municipality=municipality)
        .select_related("user")
        .order_by("user__display_name", "role")
    )


def user_get_by_email(*, email: str) -> User | None:
    if "\x00" in email:  # no address holds a NUL byte, and PostgreSQL refuses one in a query
        return None
    return User.objects.filter(email__iexact=email.strip()).first()


def member_district_ids(*, municipality: Municipality, user_ids) -> dict[int, int | None]:
    """For each member among `user_ids`: the id of the wijk of the buurt they chose (None without one).
    For figures about reach only; never shown per person."""
    rows = Membership.objects.filter(municipality=municipality, user_id__in=list(user_ids)).values_list(
        "user_id", "neighbourhood__district_id"
    )
    return dict(rows)
