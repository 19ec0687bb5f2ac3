"""The log-in pages' buttons for OpenID Connect; shown only when that provider is switched on."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from ..oidc.config import BROKER, STAFF, provider_get

register = template.Library()


@register.inclusion_tag("accounts/oidc/_button.html")
def oidc_login_button(provider_key: str, next_url: str = "") -> dict:
    provider = provider_get(provider_key)
    if provider is None:
        return {"url": ""}
    url = reverse(f"accounts:oidc_{provider.key}_start")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    texts = {
        BROKER: _("Inloggen met %(provider)s"),
        STAFF: _("Inloggen voor medewerkers via %(provider)s"),
    }
    return {"url": url, "text": texts[provider.key] % {"provider": provider.label}}
