"""The staff access log (who saw which personal data, when and why) and the municipality's default."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.accounts.services import require_admin
from zwerm.core.models import Municipality
from zwerm.core.personal_data import ErasureMode
from zwerm.core.text import clean_text

from ..models import PersonalDataAccess, PrivacySettings, Purpose


def personal_data_access_log(
    *, municipality: Municipality, staff, scope: str, what: str, purpose: str, explanation: str, path: str
) -> PersonalDataAccess:
    """Record one look at personal data; a purpose is required, "anders" needs an explanation."""
    if purpose not in Purpose.values:
        raise ValidationError({"purpose": [_("Kies waarom je deze gegevens bekijkt.")]})
    explanation = clean_text(explanation, field_label=_("de toelichting"), max_length=300, required=False)
    if purpose == Purpose.OTHER and not explanation:
        raise ValidationError({"explanation": [_("Licht toe waarom je deze gegevens bekijkt.")]})
    return PersonalDataAccess.objects.create(
        municipality=municipality,
        staff=staff,
        scope=scope[:100],
        what=what[:300],
        purpose=purpose,
        explanation=explanation,
        path=path[:500],
    )


def privacy_settings_set(*, municipality: Municipality, actor, contributions_on_erase: str) -> PrivacySettings:
    """The admin sets what contributions outside a process become when an account is deleted."""
    require_admin(user=actor, municipality=municipality)
    if contributions_on_erase not in ErasureMode.values:
        raise ValidationError({"contributions_on_erase": [_("Kies: anonimiseren of verwijderen.")]})
    with transaction.atomic():
        row, _created = PrivacySettings.objects.update_or_create(
            municipality=municipality, defaults={"contributions_on_erase": contributions_on_erase}
        )
    return row
