"""Reads for the API app: API tokens, always within one municipality."""

from django.db.models import QuerySet

from zwerm.accounts.selectors import user_has_role
from zwerm.core.models import Municipality

from .models import ApiToken
from .tokens import token_hash


def api_token_find(*, municipality: Municipality | None, raw: str) -> ApiToken | None:
    """The active token `raw` of this municipality, while its owner still holds the token's role here."""
    if municipality is None or not raw:
        return None
    token = (
        ApiToken.objects.select_related("created_by")
        .filter(municipality=municipality, token_hash=token_hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or token.created_by is None or not token.created_by.is_active:
        return None
    if not user_has_role(user=token.created_by, municipality=municipality, roles=token.role):
        return None
    return token


def api_token_list(*, municipality: Municipality, include_revoked: bool = False) -> QuerySet[ApiToken]:
    qs = ApiToken.objects.filter(municipality=municipality).select_related("created_by")
    return qs if include_revoked else qs.filter(revoked_at__isnull=True)
