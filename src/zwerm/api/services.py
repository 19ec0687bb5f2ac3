"""Writes for the API app: making and revoking API tokens."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.accounts.roles import STAFF_ROLES, Role
from zwerm.accounts.selectors import user_has_role
from zwerm.core.models import Municipality
from zwerm.core.text import clean_texts

from .models import ApiToken
from .tokens import token_hash, token_new

NAME_MAX = 100
# last_used_at is written at most this often per token, so reads do not all turn into writes.
TOUCH_EVERY = timedelta(minutes=1)


def api_token_create(*, municipality: Municipality, name: str, role: str, created_by) -> tuple[ApiToken, str]:
    """A token that acts for `created_by` in `municipality` with one staff role they hold there.

    Returns the row and the token itself; the token is not stored and cannot be shown again."""
    name = clean_texts([("name", _("de naam"), name, NAME_MAX, True)])["name"]
    if role not in STAFF_ROLES:
        choices = ", ".join(sorted(str(r) for r in STAFF_ROLES))
        raise ValidationError({"role": [_("Kies een rol voor medewerkers: %(choices)s.") % {"choices": choices}]})
    if created_by is None or not created_by.is_authenticated:
        raise PermissionDenied(_("Een sleutel hoort bij een medewerker."))
    if not user_has_role(user=created_by, municipality=municipality, roles=Role(role)):
        raise PermissionDenied(
            _("%(user)s heeft de rol %(role)s niet in %(municipality)s.")
            % {"user": created_by.email, "role": Role(role).label, "municipality": municipality.name}
        )
    raw = token_new()
    token = ApiToken.objects.create(
        municipality=municipality, name=name, role=role, token_hash=token_hash(raw), created_by=created_by
    )
    return token, raw


def api_token_revoke(*, municipality: Municipality, pk: int) -> ApiToken:
    """Revoke a token of this municipality; from now on every call with it gets 401."""
    token = ApiToken.objects.filter(municipality=municipality, pk=pk).first()
    if token is None:
        raise ValidationError(_("Deze gemeente heeft geen sleutel met nummer %(pk)s.") % {"pk": pk})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Remember when the token was last used (to the minute)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
