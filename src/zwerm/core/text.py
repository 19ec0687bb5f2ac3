"""Checks on free text that residents type, with messages a resident understands."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What a browser would read as markup: a tag (`<b>`, `</p>`, `<img src=x>`), a comment or declaration (`<!-- -->`,
# `<!DOCTYPE>`), a processing instruction (`<?xml ?>`), and script URLs. A `<` followed by a space or a digit is
# text to a browser too ("a < b en c > d", "3<4"), and so are "=", "&" and "on...=" outside a tag: they are
# ordinary sentences, stored as typed and escaped on output (ADR 0020).
_MARKUP_RE = re.compile(
    r"<(?:/?[a-z][a-z0-9-]*(?:[\s/][^<>]*)?|![^<>]*|\?[^<>]*)>|java\s*script\s*:",
    re.IGNORECASE,
)


# Every character that ends a line somewhere (str.splitlines' set), with the spaces around it.
_LINE_BREAKS_RE = re.compile(r"[ \t]*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+[\s]*")
# Field names that clean_texts holds to one line: titles go into e-mail subjects, lists and file names.
ONE_LINE_FIELDS = frozenset({"title"})


def one_line(value: str) -> str:
    """`value` with every line break (and the spaces around it) turned into one space."""
    return _LINE_BREAKS_RE.sub(" ", value or "")


def clean_text(
    value: str, *, field_label: str, max_length: int, required: bool = True, single_line: bool = False
) -> str:
    """Trimmed text without markup or control characters, or a ValidationError saying what is wrong.

    The text is stored as typed: plain text, which every output escapes (templates, e-mails, PDFs, CSV, JSON).
    Only what a browser would read as a tag is refused (see _MARKUP_RE). With `single_line` (titles, names)
    line breaks become spaces: such a text is one line wherever it goes, an e-mail subject too."""
    value = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n")
    value = (one_line(value) if single_line else value).strip()
    if not value:
        if required:
            raise ValidationError(_("Vul %(field)s in.") % {"field": field_label}, code="required")
        return ""
    if len(value) > max_length:
        raise ValidationError(
            _("%(field)s is te lang: %(length)d tekens, het maximum is %(max)d.")
            % {"field": field_label.capitalize(), "length": len(value), "max": max_length},
            code="max_length",
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in value):
        raise ValidationError(
            _("%(field)s bevat onzichtbare stuurtekens. Typ de tekst opnieuw.") % {"field": field_label.capitalize()},
            code="control",
        )
    if _MARKUP_RE.search(value):
        raise ValidationError(
            _("%(field)s bevat HTML of code. Gebruik gewone tekst.") % {"field": field_label.capitalize()}
            + " "
            + _("Bedoel je 'kleiner dan' of 'groter dan', zet dan een spatie na < en voor >."),
            code="markup",
        )
    return value


def clean_texts(fields) -> dict:
    """Clean several text fields at once; every problem is reported on its own field.

    `fields` holds (name, label, value, max_length, required) tuples; a field named in ONE_LINE_FIELDS
    (a title) is held to one line."""
    errors, values = {}, {}
    for name, label, value, max_length, required in fields:
        try:
            values[name] = clean_text(
                value, field_label=label, max_length=max_length, required=required, single_line=name in ONE_LINE_FIELDS
            )
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


def decode_export(raw: bytes) -> str:
    """Text of an uploaded export: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Five bytes have no meaning in Windows-1252; in a damaged file they become U+FFFD instead of a crash.
        return raw.decode("cp1252", errors="replace")
