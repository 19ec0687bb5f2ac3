"""Display helpers for process pages."""

from django import template

from zwerm.core import disclosure

register = template.Library()


@register.filter
def public_count(value) -> str:
    """A participation figure for the public: below the threshold it reads "minder dan 5"."""
    try:
        return disclosure.people(int(value)).display
    except (TypeError, ValueError):
        return ""


@register.filter
def advice_state_class(state: str) -> str:
    return {"open": "neutral", "late": "danger", "answered": "success"}.get(state, "neutral")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
