from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role

DIALOGUE_STAFF = (Role.PROCESS_LEAD, Role.MODERATOR, Role.ADMIN)


def require_dialogue_staff(*, user, municipality) -> None:
    if not user_has_role(user=user, municipality=municipality, roles=DIALOGUE_STAFF):
        raise PermissionDenied(_("Alleen een procesambtenaar, moderator of beheerder kan dit doen."))
