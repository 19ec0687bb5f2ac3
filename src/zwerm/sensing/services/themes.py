"""Staff name a theme themselves; the name stays across refreshes (theme ids carry over)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.text import clean_text

from ..models import Theme
from .public import public_picture_later

NAME_MAX = 120


def theme_rename(*, theme: Theme, label: str) -> Theme:
    """Give `theme` the name staff chose (one line, plain text); later refreshes keep it. An empty name
    hands naming back to the engine at the next refresh."""
    cleaned = clean_text(label, field_label=_("naam"), max_length=NAME_MAX, required=False, single_line=True)
    with transaction.atomic():
        theme.renamed = bool(cleaned)
        if cleaned:
            theme.label = cleaned
        theme.save(update_fields=["label", "renamed", "updated_at"])
        public_picture_later(municipality_id=theme.municipality_id, removed=True)  # the public page names it
    return theme
