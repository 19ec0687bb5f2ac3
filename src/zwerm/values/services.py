"""Writes for values: an admin names, describes, orders and retires the municipality's values.

A retired value is no longer weighed in new decisions; old assessments keep pointing at it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.services import require_admin
from zwerm.core.models import Municipality
from zwerm.core.text import clean_texts

from .models import Value

DESCRIPTION_MAX = 2000


def _texts(*, name: str, description: str) -> dict:
    return clean_texts(
        (
            ("name", _("de naam"), name, 100, True),
            ("description", _("de betekenis"), description, DESCRIPTION_MAX, True),
        )
    )


def _duplicate() -> ValidationError:
    return ValidationError({"name": [_("Er is al een waarde met deze naam.")]})


def value_create(
    *, municipality: Municipality, actor, name: str, description: str, position: int | None = None
) -> Value:
    require_admin(user=actor, municipality=municipality)
    values = _texts(name=name, description=description)
    if position is None:
        last = Value.objects.filter(municipality=municipality).aggregate(p=Max("position"))["p"]
        position = 0 if last is None else last + 1
    try:
        with transaction.atomic():
            return Value.objects.create(municipality=municipality, position=position, **values)
    except IntegrityError:
        raise _duplicate() from None


def value_update(*, value: Value, actor, name: str, description: str, position: int | None = None) -> Value:
    require_admin(user=actor, municipality=value.municipality)
    values = _texts(name=name, description=description)
    if value.retired_at is not None:
        raise ValidationError(_("Deze waarde is niet meer in gebruik en kan niet worden gewijzigd."))
    try:
        with transaction.atomic():
            for field, text in values.items():
                setattr(value, field, text)
            if position is not None:
                value.position = position
            value.save()
    except IntegrityError:
        raise _duplicate() from None
    return value


def value_retire(*, value: Value, actor) -> Value:
    require_admin(user=actor, municipality=value.municipality)
    if value.retired_at is not None:
        raise ValidationError(_("Deze waarde is al niet meer in gebruik."))
    with transaction.atomic():
        value.retired_at = timezone.now()
        value.save(update_fields=["retired_at"])
    return value
