"""Display helpers for council pages and reports."""

import datetime

from django import template

from zwerm.core.amounts import format_euro

register = template.Library()


@register.filter
def iso_date(value):
    """An ISO date or date-time string from a report's content as a date (or date-time) for |date."""
    if not value or not isinstance(value, str):
        return value
    try:
        if "T" in value:
            return datetime.datetime.fromisoformat(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        return value


# Amounts in euros in the page's notation, the same function as {% load amounts %}.
register.filter("euro", format_euro)


@register.filter
def level_class(level: str) -> str:
    """A state or level as one of the zwerm-status modifiers."""
    return {
        "ok": "success",
        "met": "success",
        "warning": "warning",
        "approaching": "warning",
        "danger": "danger",
        "exceeded": "danger",
        "passed": "danger",
        "late": "danger",
        "open": "active",
        "answered": "success",
    }.get(level, "inactive")
