"""Who may call a staff operation: a token whose role fits (admin fits every staff role), else a user with the role."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role, user_has_second_factor

from .models import ApiToken


class StaffRole(BasePermission):
    """The view's `staff_roles`, for the request's municipality."""

    message = _("De rol van deze sleutel geeft geen toegang tot deze handeling.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401: no valid credentials
        roles = tuple(getattr(view, "staff_roles", ()))
        token = request.auth
        if isinstance(token, ApiToken):
            return token.role == Role.ADMIN or token.role in roles
        # Another authentication class (OIDC): the user's own roles here, and staff only with a second factor
        # (the OIDC class sets is_verified from the token's amr/acr claims).
        if not user_has_second_factor(user=user):
            return False
        return user_has_role(user=user, municipality=request.municipality, roles=roles)
