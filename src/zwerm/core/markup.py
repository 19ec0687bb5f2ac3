"""Numbers written into markup: SVG geometry, CSS, JSON and data attributes.

Django localises numbers in templates, so a Dutch page would write `cx="17,4"`, which no browser reads (the
opinion map stayed empty in Dutch). Every number that goes into an attribute or a style goes through
`markup_number` (in templates: `{% load markup %}{{ value|markup_number }}`): a dot for decimals, no
thousands separator, in every language."""

from decimal import Decimal


def markup_number(value, places: int = 1) -> str:
    """`value` as SVG/CSS/JSON read it: integers as they are, other numbers rounded to `places` decimals
    (trailing zeros dropped). Anything that is not a number becomes "0", so a chart never gets text for geometry."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError, TypeError):
        return "0"
    if not number.is_finite():
        return "0"
    text = f"{number:.{int(places)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
