"""Template filters for figures about people ({% load disclosure %}): the rule lives in zwerm.core.disclosure."""

from django import template

from zwerm.core import disclosure

register = template.Library()


def _figure(value) -> disclosure.Figure | None:
    if isinstance(value, disclosure.Figure):
        return value
    try:
        return disclosure.people(int(value))
    except (TypeError, ValueError):
        return None


@register.filter
def people(value) -> str:
    """A count of people for the public: "28", or "minder dan 5"."""
    figure = _figure(value)
    return figure.display if figure is not None else ""


@register.filter
def people_sentence(value) -> str:
    """The same at the start of a sentence: "Minder dan 5"."""
    figure = _figure(value)
    return figure.sentence if figure is not None else ""


@register.filter
def people_shown(value) -> bool:
    """Whether the exact count may be shown (for plural wording around it)."""
    figure = _figure(value)
    return figure is not None and figure.shown
