"""Find and mask personal data in free text before it is made public.

Pure Python (no Django): the initiatives app masks public text with it and the sensing
engine builds on it. Every finding says what kind of data it was, so the author can be
told why their text changed, without repeating the data itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

EMAIL = "email"
PHONE = "phone"
BSN = "bsn"
IBAN = "iban"
ADDRESS = "postcode_house_number"
LICENCE_PLATE = "licence_plate"

KIND_LABELS = {
    EMAIL: "e-mailadres",
    PHONE: "telefoonnummer",
    BSN: "burgerservicenummer",
    IBAN: "IBAN-rekeningnummer",
    ADDRESS: "postcode met huisnummer",
    LICENCE_PLATE: "kenteken",
}

MASKS = {
    EMAIL: "[e-mailadres]",
    PHONE: "[telefoonnummer]",
    BSN: "[bsn]",
    IBAN: "[rekeningnummer]",
    ADDRESS: "[adres]",
    LICENCE_PLATE: "[kenteken]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class RedactionResult:
    text: str
    findings: tuple[Finding, ...]

    @property
    def kinds(self) -> list[str]:
        """The distinct kinds found, in a stable order."""
        return sorted({f.kind for f in self.findings})


_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# IBAN: country code, two check digits, then 11-30 alphanumerics, optionally in groups of four.
_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
# Nine digits, optionally written with dots or spaces in groups of 3 (123.456.782).
_BSN_RE = re.compile(r"(?<![\d.,-])(\d{3}[. ]?\d{2,3}[. ]?\d{3,4})(?![\d-]|[.,]\d)")
# Dutch postcode (1234 AB) followed by a house number, or a house number followed by a postcode.
# Letters in capitals (1234 AB, 1234AB) or in small letters right after the digits (1234ab): "2010 en 2020"
# is a sentence, not an address.
_POSTCODE = r"[1-9]\d{3}(?:[ ]?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})"
_ADDRESS_RE = re.compile(
    rf"\b{_POSTCODE}\b[ ,]*(?:nr\.?\s*)?\d{{1,5}}(?:[ -]?[a-zA-Z]{{1,2}}\b)?"
    rf"|\b\d{{1,5}}[a-zA-Z]?,?\s+{_POSTCODE}\b"
)
# Street name + number is too ambiguous to mask; a phone number is found by phonenumbers.
_PHONE_CANDIDATE_RE = re.compile(r"(?:(?:\+|00)\d{2}[\s-]?(?:\(0\))?|\b0)[\d\s\-()]{8,14}\d")
# Dutch licence plates (sidecodes 1-14): six characters in three groups, one of which mixes.
_PLATE_RE = re.compile(
    r"\b(?:[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d)\b"
)


def _emails(text: str) -> list[Finding]:
    return [Finding(EMAIL, m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]


def _ibans(text: str) -> list[Finding]:
    return [Finding(IBAN, m.start(), m.end()) for m in _IBAN_RE.finditer(text) if stdnum_iban.is_valid(m.group(0))]


def _bsns(text: str) -> list[Finding]:
    found = []
    for m in _BSN_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        # A BSN has nine digits and passes the 11-test; anything else is just a number.
        if len(digits) == 9 and stdnum_bsn.is_valid(digits):
            found.append(Finding(BSN, m.start(1), m.end(1)))
    return found


def _addresses(text: str) -> list[Finding]:
    return [Finding(ADDRESS, m.start(), m.end()) for m in _ADDRESS_RE.finditer(text)]


def _phones(text: str) -> list[Finding]:
    found = []
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        candidate = m.group(0)
        try:
            number = phonenumbers.parse(candidate, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            found.append(Finding(PHONE, m.start(), m.end()))
    return found


def _plates(text: str) -> list[Finding]:
    return [Finding(LICENCE_PLATE, m.start(), m.end()) for m in _PLATE_RE.finditer(text)]


# Order matters where patterns overlap: an IBAN holds digit runs that could look like a phone number.
DETECTORS = (_emails, _ibans, _addresses, _phones, _bsns, _plates)


def find_personal_data(text: str) -> list[Finding]:
    """All personal data in `text`, non-overlapping, earliest detector winning an overlap."""
    taken: list[Finding] = []
    for detector in DETECTORS:
        for finding in detector(text):
            if not any(finding.start < t.end and t.start < finding.end for t in taken):
                taken.append(finding)
    return sorted(taken, key=lambda f: f.start)


def redact(text: str) -> RedactionResult:
    """Mask every piece of personal data in `text` with a placeholder naming its kind."""
    findings = find_personal_data(text)
    parts, cursor = [], 0
    for f in findings:
        parts.append(text[cursor : f.start])
        parts.append(MASKS[f.kind])
        cursor = f.end
    parts.append(text[cursor:])
    return RedactionResult(text="".join(parts), findings=tuple(findings))
