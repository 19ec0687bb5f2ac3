"""Display helpers for process pages."""

from django import template

from ..selectors import public_count as _public_count

register = template.Library()


@register.filter
def public_count(value) -> str:
    """A participation figure for the public: below 5 it reads "minder dan 5"."""
    try:
        return _public_count(int(value))
    except (TypeError, ValueError):
        return ""


@register.filter
def advice_state_class(state: str) -> str:
    return {"open": "neutral", "late": "danger", "answered": "success"}.get(state, "neutral")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
