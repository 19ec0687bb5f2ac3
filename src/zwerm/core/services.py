"""Writes for the municipality itself; who may call them is checked by the calling view (admin role)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Municipality
from .selectors import municipality_cache_clear
from .text import clean_text


def municipality_update_texts(
    *,
    municipality: Municipality,
    welcome_title: str,
    welcome_text: str,
    contact_email: str,
    theme_class: str,
    theme_stylesheet: str,
) -> Municipality:
    errors = {}
    try:
        municipality.welcome_title = clean_text(
            welcome_title, field_label=_("de welkomsttitel"), max_length=200, required=False
        )
    except ValidationError as error:
        errors["welcome_title"] = error.messages
    try:
        municipality.welcome_text = clean_text(
            welcome_text, field_label=_("de welkomsttekst"), max_length=2000, required=False
        )
    except ValidationError as error:
        errors["welcome_text"] = error.messages
    if errors:
        raise ValidationError(errors)
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
