"""Shared preconditions for initiative writes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.redaction import KIND_LABELS

from ..models import Initiative

STAFF_STATUS_ROLES = (Role.MODERATOR, Role.PROCESS_LEAD, Role.ADMIN)


def require_resident(*, user, municipality) -> None:
    if not user.is_authenticated or not user_has_role(user=user, municipality=municipality, roles=Role.RESIDENT):
        raise PermissionDenied(_("Meld je aan als inwoner van %(name)s om mee te doen.") % {"name": municipality.name})


def require_open(initiative: Initiative) -> None:
    if not initiative.is_open:
        raise ValidationError(
            _("Dit initiatief staat niet (meer) open: het is %(status)s.") % {"status": initiative.get_status_display()}
        )


def masked_message(kinds) -> str:
    """Tell the author, in plain words, what we masked and why."""
    labels = ", ".join(str(KIND_LABELS[k]) for k in sorted(kinds))
    return _(
        "We hebben persoonlijke gegevens onleesbaar gemaakt in de openbare tekst (%(labels)s). "
        "Zo beschermen we jouw privacy en die van anderen."
    ) % {"labels": labels}
