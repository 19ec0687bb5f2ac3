"""Writes for the municipality itself; who may call them is checked by the calling view (admin role)."""

from django.utils.translation import gettext as _

from .models import Municipality
from .selectors import municipality_cache_clear
from .text import clean_texts


def municipality_update_texts(
    *,
    municipality: Municipality,
    welcome_title: str,
    welcome_text: str,
    contact_email: str,
    theme_class: str,
    theme_stylesheet: str,
) -> Municipality:
    values = clean_texts(
        (
            ("welcome_title", _("de welkomsttitel"), welcome_title, 200, False),
            ("welcome_text", _("de welkomsttekst"), welcome_text, 2000, False),
        )
    )
    municipality.welcome_title, municipality.welcome_text = values["welcome_title"], values["welcome_text"]
    municipality.contact_email = contact_email
    municipality.theme_class = theme_class
    municipality.theme_stylesheet = theme_stylesheet
    municipality.save()
    municipality_cache_clear()
    return municipality


def municipality_create(
    *, name: str, slug: str, cbs_code: str, hostnames: tuple[str, ...] = (), **texts
) -> Municipality:
    """A new tenant, with the host names that serve it."""
    municipality = Municipality(name=name, slug=slug, cbs_code=cbs_code, **texts)
    municipality.full_clean()
    municipality.save()
    for hostname in hostnames:
        municipality.hosts.create(hostname=hostname.lower())
    municipality_cache_clear()
    return municipality
