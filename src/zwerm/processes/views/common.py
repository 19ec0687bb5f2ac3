"""What the process views share: finding the process for this request, and running a service on a form."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from zwerm.accounts.decorators import role_required
from zwerm.accounts.roles import Role
from zwerm.web.actions import save_form

from .. import selectors

manager_required = role_required(Role.PROCESS_LEAD, Role.ADMIN)


def visible_process_or_404(request, slug):
    process = selectors.process_get(municipality=request.municipality, slug=slug)
    if process is None or not selectors.process_is_visible(process=process, user=request.user):
        raise Http404
    return process


def managed_process_or_403(request, slug):
    process = selectors.process_get(municipality=request.municipality, slug=slug)
    if process is None:
        raise Http404
    if not selectors.process_can_manage(process=process, user=request.user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))
    return process


save = save_form  # the shared helper, under the name these views use
