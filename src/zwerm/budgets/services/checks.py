"""Shared preconditions for budget writes: who may act, and where a resident lives."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from zwerm.accounts.roles import Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.text import clean_texts as cleaned  # noqa: F401 (used by this package's services)

from .. import selectors
from ..models import Budget


def require_manager(*, budget: Budget, user) -> None:
    """The lead of the hosting process, or an admin of the municipality."""
    if not selectors.budget_can_manage(budget=budget, user=user):
        raise PermissionDenied(_("Alleen de procesambtenaar van dit traject of een beheerder kan dit doen."))


def require_resident_of_area(*, budget: Budget, user):
    """A resident of the municipality, living in the wijk the budget is for; returns their wijk (or None)."""
    municipality = budget.municipality
    if not (user.is_authenticated and user_has_role(user=user, municipality=municipality, roles=Role.RESIDENT)):
        raise PermissionDenied(_("Meld je aan als inwoner van %(name)s om mee te doen.") % {"name": municipality.name})
    district = selectors.resident_district(user=user, municipality=municipality)
    if budget.district_id is not None and (district is None or district.pk != budget.district_id):
        raise PermissionDenied(
            _("Dit buurtbudget is voor inwoners van %(district)s. Staat je buurt goed in je profiel?")
            % {"district": budget.district.name}
        )
    return district
