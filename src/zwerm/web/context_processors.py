from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.accounts.selectors import user_has_second_factor, user_roles


def zwerm(request) -> dict:
    """What every page needs: the municipality, its theme, and which menus the user gets."""
    municipality = getattr(request, "municipality", None)
    # An error page can be drawn before the middleware that sets request.user ran (a wrong Host is refused
    # by CommonMiddleware, before authentication): then nobody is logged in.
    user = getattr(request, "user", None)
    roles = user_roles(user=user, municipality=municipality) if municipality and user else set()
    verified = user_has_second_factor(user=user) if user else False
    return {
        "municipality": municipality,
        "user_roles": roles,
        "is_staff_here": bool(roles & STAFF_ROLES),
        "staff_verified": verified and bool(roles & STAFF_ROLES),
        "can_moderate": verified and bool(roles & {Role.MODERATOR, Role.ADMIN}),
        "can_handle_initiatives": verified and bool(roles & {Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN}),
        "is_admin_here": verified and Role.ADMIN in roles,
    }
