"""Shared preconditions for process writes: who may manage a process, and text that is fit to keep."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zwerm.core.text import clean_text
from zwerm.core.text import clean_texts as cleaned  # noqa: F401 (used by this package's services)

from ..models import Process
from ..selectors import process_can_manage


def require_manager(*, process: Process, user) -> None:
    """The lead of this process (with the process-lead role here) or an admin of its municipality."""
    if not process_can_manage(process=process, user=user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))


def require_not_closed(process: Process) -> None:
    if process.status == Process.Status.CLOSED:
        raise ValidationError(_("Dit traject is afgerond; er kan niets meer aan worden veranderd."))


def reason_cleaned(reason: str) -> str:
    try:
        return clean_text(reason, field_label=_("de reden"), max_length=2000)
    except ValidationError as error:
        raise ValidationError({"reason": error.messages}) from None
