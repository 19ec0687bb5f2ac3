"""Shared preconditions for council writes: who may act, and on which process."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.processes.selectors import process_can_manage

COUNCIL_ROLES = (Role.COUNCIL_MEMBER, Role.ADMIN)
REPORT_ROLES = (Role.PROCESS_LEAD, Role.ADMIN)


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def require_council_member(*, user, process) -> None:
    """A council member (or admin) of the process's municipality."""
    if not _is_user(user) or not user_has_role(user=user, municipality=process.municipality, roles=COUNCIL_ROLES):
        raise PermissionDenied(_("Alleen raadsleden kunnen dit doen."))


def require_process_manager(*, user, process) -> None:
    """The process lead of this process, or an admin of its municipality."""
    if not _is_user(user) or not process_can_manage(process=process, user=user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject kan dit doen."))


def require_report_writer(*, user, municipality) -> None:
    """A process lead or an admin of the municipality: they make district reports and send them."""
    if not _is_user(user) or not user_has_role(user=user, municipality=municipality, roles=REPORT_ROLES):
        raise PermissionDenied(_("Alleen procesambtenaren en beheerders kunnen een wijkrapportage maken of versturen."))
