"""Personal data redaction for sensing: the platform's detectors plus names found by deduce.

`zwerm.core.redaction` finds e-mail addresses, phone numbers, BSNs (11-test), IBANs, postcode +
house number and licence plates with patterns and checksums. Names need a Dutch name list, which
deduce provides; deduce builds a lookup cache on its first start (~90 s) and loads it in a few
seconds afterwards, so names are off unless asked for, and the deduce object is built lazily once.

The cache lives in ZWERM_DEDUCE_CACHE, else ZWERM_DATA_DIR/cache/deduce, else
~/.cache/zwerm/deduce. Build it at setup with `build_name_cache()`.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from zwerm.core.redaction import MASKS, PHONE, Finding, RedactionResult, find_personal_data

NAME = "name"
NAME_MASK = "[naam]"
# deduce tags that denote a person; locations, dates and institutions stay: they carry the theme.
_DEDUCE_PERSON_TAGS = frozenset({"persoon", "patient"})
_CACHE_SUBDIR = "cache"  # deduce appends its own "cache/lookup_structs.pickle" under our path

# The core detector masks numbers that phonenumbers calls *valid* (an assigned range). For analysis
# we mask everything shaped like a Dutch number (`is_possible_number`): an unassigned area code in
# a resident's text is still somebody's number, and a missed mask costs more than an extra one.
_PHONE_SHAPE_RE = re.compile(
    r"(?:\+|\b00)31[\s\-]?(?:\(0\)[\s\-]?)?\d[\d\s\-]{7,12}\d"  # +31 / 0031, optional (0)
    r"|\(?\b0\d{1,3}\)?[\s\-]?\d[\d\s\-]{4,10}\d"  # national: 0 + area code + number
)

_deduce = None
_lock = threading.Lock()


@dataclass(frozen=True)
class RedactionPolicy:
    names: bool = False  # find names with deduce (slow first start; see module docstring)


DEFAULT_POLICY = RedactionPolicy()


def name_cache_path() -> Path:
    """Where deduce keeps its lookup cache (see module docstring for the order)."""
    explicit = os.environ.get("ZWERM_DEDUCE_CACHE")
    if explicit:
        return Path(explicit)
    data_dir = os.environ.get("ZWERM_DATA_DIR")
    if data_dir:
        return Path(data_dir) / "cache" / "deduce"
    return Path.home() / ".cache" / "zwerm" / "deduce"


def name_cache_exists() -> bool:
    return (name_cache_path() / _CACHE_SUBDIR / "lookup_structs.pickle").is_file()


def _get_deduce():
    global _deduce
    if _deduce is None:
        with _lock:
            if _deduce is None:
                from deduce import Deduce

                path = name_cache_path()
                path.mkdir(parents=True, exist_ok=True)
                _deduce = Deduce(cache_path=path)
    return _deduce


def build_name_cache() -> Path:
    """Build (or load) deduce's lookup cache now, so later name redaction starts in seconds."""
    _get_deduce()
    return name_cache_path()


def _names(text: str) -> list[Finding]:
    result = _get_deduce().deidentify(text)
    return [Finding(NAME, a.start_char, a.end_char) for a in result.annotations if a.tag in _DEDUCE_PERSON_TAGS]


def _possible_phones(text: str) -> list[Finding]:
    found = []
    for m in _PHONE_SHAPE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if m.group(0).startswith(("+31", "0031")):
            # An explicit +31 is evidence enough; badly written extra zeros are forgiven.
            if 8 <= len(digits[4 if digits.startswith("0031") else 2 :].lstrip("0")) <= 9:
                found.append(Finding(PHONE, m.start(), m.end()))
            continue
        if len(digits) != 10:
            continue  # a Dutch number is 0 + nine digits; nine digits alone may be a BSN
        try:
            number = phonenumbers.parse(m.group(0), "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append(Finding(PHONE, m.start(), m.end()))
    return found


def _merge(findings: list[Finding], extra: list[Finding], *, wider_wins: bool = False) -> None:
    """Add `extra` where it overlaps nothing; with `wider_wins`, also where it covers what it overlaps
    (a phone number "+31(0)482 948802" whose tail happens to pass the BSN 11-test)."""
    for f in extra:
        overlapping = [t for t in findings if f.start < t.end and t.start < f.end]
        if overlapping and wider_wins and all(f.start <= t.start and t.end <= f.end for t in overlapping):
            for t in overlapping:
                findings.remove(t)
            overlapping = []
        if not overlapping:
            findings.append(f)
    findings.sort(key=lambda f: f.start)


def redact(text: str, *, policy: RedactionPolicy = DEFAULT_POLICY) -> RedactionResult:
    """`text` with personal data replaced by placeholders such as "[telefoonnummer]" or "[naam]".

    The core detectors win where they overlap a name (a number is never a name); phone-shaped
    numbers the core leaves (unassigned ranges) are masked as well.
    """
    findings = [
        # "(020) 123 45 67": the core match starts at the 0; take the bracket along.
        Finding(f.kind, f.start - 1, f.end)
        if f.kind == PHONE and f.start and text[f.start - 1] == "(" and ")" in text[f.start : f.end]
        else f
        for f in find_personal_data(text)
    ]
    _merge(findings, _possible_phones(text), wider_wins=True)
    if policy.names:
        _merge(findings, _names(text))
    parts, cursor = [], 0
    for f in findings:
        parts.append(text[cursor : f.start])
        parts.append(NAME_MASK if f.kind == NAME else MASKS[f.kind])
        cursor = f.end
    parts.append(text[cursor:])
    return RedactionResult(text="".join(parts), findings=tuple(findings))
