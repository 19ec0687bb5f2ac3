"""Amounts and counts as people write and read them, in the language of the page (issue #12.3).

A Dutch page reads "20.000", "4.500,50" and "€ 4.500" and shows amounts the same way; an English page reads and
shows "20,000" and "4,500.50". Parsing follows the locale's rules strictly (Babel's CLDR data), so "4500.50" on a
Dutch page is not silently read as 450050, and Django's IntegerField no longer turns "1.000" into 1.
Formatting uses Django's own number formats, so pages, e-mails and reports agree."""

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from django.utils import formats, translation

NBSP = "\u00a0"
# Around the number people also type a currency sign or code, spaces, and the Dutch ",-" for whole euros.
_CURRENCY = re.compile(r"€|\beuros?\b|\beur\b", re.IGNORECASE)
_WHOLE_EUROS = re.compile(r"[.,][-–]{1,2}$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class AmountError(ValueError):
    """Text that is not a number in the page's notation. `code` is "invalid" or "decimals"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _language(language: str | None) -> str:
    return (language or translation.get_language() or "nl").split("-")[0]


def parse_amount(text, *, language: str | None = None, decimals: int = 2) -> Decimal:
    """The number in `text` as written on a page in `language` (default: the active one).

    Accepts grouping ("20.000"), decimals ("4.500,50"), a euro sign or "EUR"/"euro" before or after, and
    ",-" after whole euros; refuses anything else, and more than `decimals` decimals, with an AmountError."""
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    number = _SPACES.sub("", _CURRENCY.sub("", str(text or "")))
    number = _WHOLE_EUROS.sub("", number).replace("−", "-")
    if not number or not re.search(r"\d", number):
        raise AmountError("invalid")
    try:
        value = parse_decimal(number, locale=_language(language), strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        raise AmountError("invalid") from None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # "n", "N", "F": not a number, or infinite
        raise AmountError("invalid")
    if -exponent > decimals:
        raise AmountError("decimals")
    return value


def format_amount(value, *, cents: bool | None = None) -> str:
    """A number with the page's grouping and decimal sign: "8.000", "8.000,50" (Dutch), "8,000.50" (English).

    `cents=None`: two decimals unless the amount is whole; True: always two; False: none (rounded)."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if cents is None:
        cents = amount != amount.to_integral_value()
    places = 2 if cents else 0
    amount = amount.quantize(Decimal(1).scaleb(-places))
    return formats.number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


def format_euro(value, *, cents: bool | None = None) -> str:
    """An amount in euros: "€ 4.500" and "€ 4.500,50" in Dutch, "€4,500.50" in English (never split over lines)."""
    if value is None or value == "":
        return ""
    text = format_amount(value, cents=cents)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    space = "" if _language(None) == "en" else NBSP
    return f"{sign}€{space}{digits}"


def parse_count(text, *, language: str | None = None) -> int:
    """A whole number as written on a page ("1.000" in Dutch, "1,000" in English)."""
    value = parse_amount(text, language=language, decimals=0)
    return int(value)
