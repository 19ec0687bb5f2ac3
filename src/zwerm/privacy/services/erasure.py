"""Deleting an account at the person's request: every app's part, in one transaction.

Contributions follow the setting of the process that hosts them (anonymise or remove); outside a process
the municipality's default applies. The user row is anonymised in place, irreversibly; see
docs/privacy.md and ADR 0015."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality
from zwerm.core.personal_data import Erasure, ErasureMode, registry
from zwerm.processes.selectors import placement_for

from ..models import AccountErasure, PrivacySettings


def default_mode(*, municipality_id: int) -> str:
    """The municipality's own choice, else the installation's default (ZWERM_PRIVACY_CONTRIBUTIONS_ON_ERASE)."""
    row = PrivacySettings.objects.filter(municipality_id=municipality_id).first()
    if row is not None:
        return row.contributions_on_erase
    configured = settings.ZWERM_PRIVACY_CONTRIBUTIONS_ON_ERASE
    return configured if configured in ErasureMode.values else ErasureMode.ANONYMISE


def erase_mode_resolver() -> Callable[[int, str, int], str]:
    """mode_for(municipality_id, component kind, object id): the hosting process's setting, else the default."""
    defaults: dict[int, str] = {}

    def mode_for(municipality_id: int, kind: str, object_id: int) -> str:
        placement = placement_for(kind=kind, object_id=object_id)
        if placement is not None and placement.process.municipality_id == municipality_id:
            return placement.process.contributions_on_erase
        if municipality_id not in defaults:
            defaults[municipality_id] = default_mode(municipality_id=municipality_id)
        return defaults[municipality_id]

    return mode_for


def account_erase(*, user, municipality: Municipality) -> AccountErasure:
    """Delete the account of `user` (who asked for it themselves): nothing half-done, nothing to undo."""
    if not user.is_authenticated or registry.placeholder().pk == user.pk:
        raise PermissionDenied(_("Dit account kan niet worden verwijderd."))
    with transaction.atomic():
        erasure = Erasure(user=user, placeholder=registry.placeholder(), mode_for=erase_mode_resolver())
        counts = {provider.key: provider.erase(erasure) for provider in registry.providers()}
        return AccountErasure.objects.create(municipality=municipality, counts=counts)
