"""Personal data found by patterns and checksums, written the ways residents write it.

A missed mask costs more than an extra one, but ordinary words, amounts, dates, times and numbers
without a street stay readable (tests/masking holds both sides)."""

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
STREET_ADDRESS = "street_house_number"
LICENCE_PLATE = "licence_plate"
NAME = "name"

KIND_LABELS = {
    EMAIL: "e-mailadres",
    PHONE: "telefoonnummer",
    BSN: "burgerservicenummer",
    IBAN: "IBAN-rekeningnummer",
    ADDRESS: "postcode met huisnummer",
    STREET_ADDRESS: "straat met huisnummer",
    LICENCE_PLATE: "kenteken",
    NAME: "naam",
}

MASKS = {
    EMAIL: "[e-mailadres]",
    PHONE: "[telefoonnummer]",
    BSN: "[bsn]",
    IBAN: "[rekeningnummer]",
    ADDRESS: "[adres]",
    STREET_ADDRESS: "[adres]",
    LICENCE_PLATE: "[kenteken]",
    NAME: "[naam]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


# E-mail, also "piet @ example.nl", "piet(at)example.nl" and "piet [at] example.nl".
_EMAIL_RE = re.compile(r"[\w.+-]+[ ]{0,2}(?:@|\((?i:at)\)|\[(?i:at)\])[ ]{0,2}[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}\b")
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

# Street + house number: "Kerkstraat 5", "kerkstraat 5a", "Burgemeester de Withstraat 12-3",
# "Laan van Meerdervoort 100". Street words in small letters only with an unmistakable ending; the
# number may not be an amount, a time or a count of something ("Stadspark 3 bankjes" is no address).
_STRONG_STREET = r"(?:straat|straatweg|laan|gracht|plein|singel|kade|steeg|dreef|plantsoen|boulevard)"
_WEAK_STREET = r"(?:weg|hof|pad|baan|markt|wal|dijk|allee|hoven|erf)"
_LINK = r"(?:(?:van|de|der|den|het|'t)\s+)"  # "Burgemeester de Withstraat"; not "bankje bij Kerkstraat"
_STREET_NAME = (
    rf"(?:(?:[A-Z][\w'’-]*\s+{_LINK}*)?(?:[A-Z][\w'’-]*{_STREET_END}|[a-z][\w'’-]*{_STRONG_STREET})"
    rf"|(?:Laan|Plein|Kade|Singel|Dreef)\s+{_LINK}+[A-Z][\w'’-]*)"
    if (_STREET_END := rf"(?:{_STRONG_STREET}|{_WEAK_STREET})")
    else ""
)
_NOT_A_HOUSE = (
    r"(?:%|€|x\b|procent|euro|cent|km|kilometer|m\b|meter|cm|mm|kg|gram|min\b|minuten|seconden|uur|dag|dagen"
    r"|week|weken|maand|maanden|jaar|jaren|keer|maal|mensen|bewoners|kinderen|huizen|woningen|auto'?s?|bomen"
    r"|banken|bankjes|plekken|plaatsen|stuks|januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december)"
)
_STREET_RE = re.compile(
    rf"\b{_STREET_NAME}\s+(?:nr\.?\s*|nummer\s+)?\d{{1,4}}"
    rf"(?:[ ]?-[ ]?\d{{1,3}}\b|[ -]?(?:[a-zA-Z]|bis|hs|huis|boven|bg)\b)?"
    rf"(?![\d]|[.,:]\d|\s*(?i:{_NOT_A_HOUSE})(?!\w))"
)

# Phone numbers phonenumbers calls valid, in any country ("+32 2 123 45 67").
_PHONE_CANDIDATE_RE = re.compile(r"(?:(?:\+|00)\d{2}[\s-]?(?:\(0\))?|\b0)[\d\s\-()]{8,14}\d")
# Anything shaped like a Dutch number, assigned or not: a resident's unassigned area code is still
# somebody's number. Dots, spaces, dashes and brackets between the digits.
_PHONE_SHAPE_RE = re.compile(
    r"(?:\+|\b00)[ ]?31[\s.\-]?(?:\(0\)[\s.\-]?)?\d[\d\s.\-]{6,12}\d"  # +31 / 0031, optional (0)
    r"|\(?\b0\d{1,3}\)?[\s.\-/]?\d[\d\s.\-/]{4,11}\d"  # national: 0 + area code + number
)
# Dates and times are never phone numbers: "01.01.2024 12.00", "12-05-2024".
_DATE_RE = re.compile(r"(?<![\d./-])\b\d{1,2}([-./])\d{1,2}\1(?:19|20)?\d{2}\b(?![-./]\d)|\b\d{1,2}[.:]\d{2}\s?uur\b")
# Dutch licence plates (sidecodes 1-14): six characters in three groups, one of which mixes.
_PLATE_RE = re.compile(
    r"\b(?:[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d)\b",
    re.IGNORECASE,
)

# A name after a cue: "Groet, Piet Jansen", "mvg Maria", "Ik ben Karim el Amrani", "mijn naam is P. de Vries".
_CUE = (
    r"(?i:\b(?:(?:met\s+)?(?:vriendelijke\s+|hartelijke\s+)?groet(?:en|jes)?(?:\s+van)?|mvg|m\.v\.g\.?|gr\.|grt\.?"
    r"|liefs|ik\s+ben|mijn\s+naam\s+is|ik\s+heet|namens|ondergetekende))"
)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?)"
_INITIALS = r"(?:(?:[A-Z]\.){1,4}[ ]?)"
_PARTICLE = r"(?:(?:van|de|der|den|te|ter|ten|het|'t|in|op|la|le|el|al|da|di|du|von|bin|ben)[ ]+)"
# A name stays on one line: "mvg Maria\n\nIk ben Karim" is two names.
_CUE_NAME_RE = re.compile(
    rf"{_CUE}[\s,:;!-]*(?P<name>(?:{_INITIALS}{_PARTICLE}*{_NAME_WORD}"
    rf"|{_NAME_WORD}(?:[ ]+{_PARTICLE}*{_NAME_WORD}){{0,3}}|{_NAME_WORD}[ ]+{_PARTICLE}+{_NAME_WORD}))"
)
# Capitalised words after "ik ben" that are not a name.
_NOT_A_NAME = frozenset(
    "Een De Het Ook Al Niet Wel Er Daar Hier Dat Dit Zo Heel Erg Echt Best Bang Boos Blij Tegen Voor Geen Nog "  # noqa: SIM905
    "Bewoner Bewoonster Moeder Vader Ouder Eigenaar Lid Voorzitter Nederlander Nederlandse Buurtbewoner "
    "Ondernemer Student Vrijwilliger Mantelzorger Gepensioneerd Benieuwd Verbaasd Teleurgesteld Zwermstad "
    "Gemeente Team Buurtvereniging Bestuur Werkgroep".split()
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


def _streets(text: str) -> list[Finding]:
    return [Finding(STREET_ADDRESS, m.start(), m.end()) for m in _STREET_RE.finditer(text)]


def _with_bracket(text: str, start: int, end: int) -> int:
    """ "(020) 123 45 67": a match that starts at the 0 takes its opening bracket along."""
    return start - 1 if start and text[start - 1] == "(" and ")" in text[start:end] else start


def _valid_phones(text: str) -> list[Finding]:
    found = []
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        try:
            number = phonenumbers.parse(m.group(0), "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            found.append(Finding(PHONE, _with_bracket(text, m.start(), m.end()), m.end()))
    return found


def _possible_phones(text: str) -> list[Finding]:
    # Dates, and IBAN-shaped text whose checksum fails, are no phone numbers.
    dates = [(m.start(), m.end()) for m in (*_DATE_RE.finditer(text), *_IBAN_RE.finditer(text))]
    found = []
    for m in _PHONE_SHAPE_RE.finditer(text):
        if any(m.start() < end and start < m.end() for start, end in dates):
            continue
        candidate = m.group(0)
        digits = re.sub(r"\D", "", candidate)
        if candidate.startswith(("+", "00")):
            # An explicit +31 is evidence enough; badly written extra zeros are forgiven.
            if 8 <= len(digits[4 if digits.startswith("0031") else 2 :].lstrip("0")) <= 9:
                found.append(Finding(PHONE, m.start(), m.end()))
            continue
        if len(digits) != 10:
            continue  # a Dutch number is 0 + nine digits; nine digits alone may be a BSN
        try:
            number = phonenumbers.parse(candidate.replace(".", " ").replace("/", " "), "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append(Finding(PHONE, _with_bracket(text, m.start(), m.end()), m.end()))
    return found


def _plates(text: str) -> list[Finding]:
    return [Finding(LICENCE_PLATE, m.start(), m.end()) for m in _PLATE_RE.finditer(text)]


def _cue_names(text: str) -> list[Finding]:
    found = []
    for m in _CUE_NAME_RE.finditer(text):
        name = m.group("name")
        if name.split()[0] in _NOT_A_NAME:
            continue
        found.append(Finding(NAME, m.start("name"), m.end("name")))
    return found


# Order matters where patterns overlap: an IBAN holds digit runs that could look like a phone number.
DETECTORS = (_emails, _ibans, _addresses, _valid_phones, _bsns, _plates, _streets, _cue_names)


def merge_findings(findings: list[Finding], extra: list[Finding], *, wider_wins: bool = False) -> None:
    """Add `extra` where it overlaps nothing; with `wider_wins`, also where it covers all it overlaps
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


def find_personal_data(text: str) -> list[Finding]:
    """All personal data in `text` the patterns find, non-overlapping, earliest detector winning an overlap."""
    taken: list[Finding] = []
    for detector in DETECTORS:
        if detector is _streets:
            _join_streets(taken, _streets(text))
        merge_findings(taken, detector(text))
    merge_findings(taken, _possible_phones(text), wider_wins=True)
    return taken


def _join_streets(taken: list[Finding], streets: list[Finding]) -> None:
    """ "Kastanjelaan 17, 3512 JK": the postcode pattern took "17, 3512 JK"; the street joins it, so the
    street name is masked with its number and postcode instead of staying in the text."""
    for street in streets:
        overlapping = [t for t in taken if street.start < t.end and t.start < street.end]
        if overlapping and all(t.kind == ADDRESS for t in overlapping):
            for t in overlapping:
                taken.remove(t)
            start = min([street.start, *(t.start for t in overlapping)])
            end = max([street.end, *(t.end for t in overlapping)])
            taken.append(Finding(ADDRESS, start, end))
    taken.sort(key=lambda f: f.start)
