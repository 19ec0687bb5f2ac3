"""Display helpers for council pages and reports."""

import datetime

from django import template

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


@register.filter
def euro(value) -> str:
    """12500.5 -> '€ 12.500,50' (Dutch notation)."""
    if value in (None, ""):
        return ""
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{'-' if amount < 0 else ''}€ {text}"


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
