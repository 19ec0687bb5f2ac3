"""The engine's importer names problems in English (it is plain Python, shared with the CLI); staff read
them in the interface language. Known shapes are translated here; anything else is shown as it came."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from zwerm.core.amounts import format_amount


def _count(english: str) -> str:
    """'200,000' as the engine wrote it -> '200.000' on a Dutch page."""
    return format_amount(int(english.replace(",", "")))


_ROW = r"row (?P<row>\d+)(?: \(id (?P<id>.*?)\))?"
_PATTERNS = [
    (re.compile(_ROW + r": the text is empty$"), lambda m: _("de tekst is leeg")),
    (
        re.compile(_ROW + r": the text is too long \((?P<n>[\d,]+) characters, at most (?P<max>[\d,]+)\)$"),
        lambda m: (
            _("de tekst is te lang (%(n)s tekens, hoogstens %(max)s)") % {"n": _count(m["n"]), "max": _count(m["max"])}
        ),
    ),
    (re.compile(_ROW + r": the text holds binary data$"), lambda m: _("de tekst bevat binaire gegevens")),
    (
        re.compile(_ROW + r": date (?P<value>.*) cannot be read; the row is kept without a time$"),
        lambda m: _("datum %(value)s is onleesbaar; de melding is zonder tijdstip bewaard") % {"value": m["value"]},
    ),
    (
        re.compile(r"row (?P<row>\d+): id (?P<old>.*) was used before; kept as (?P<new>.*)$"),
        lambda m: _("nummer %(old)s kwam al eerder voor; bewaard als %(new)s") % {"old": m["old"], "new": m["new"]},
    ),
    (
        re.compile(_ROW + r": (?P<got>\d+) fields where the header has (?P<want>\d+); the text column is missing$"),
        lambda m: (
            _("%(got)s velden waar de kopregel er %(want)s heeft; de kolom met de tekst ontbreekt")
            % {"got": m["got"], "want": m["want"]}
        ),
    ),
    (
        re.compile(r"row (?P<row>\d+): unreadable \((?P<error>.*)\)$"),
        lambda m: _("onleesbaar (%(error)s)") % {"error": m["error"]},
    ),
]
_FILE_PATTERNS = [
    (re.compile(r"^The file is empty\.$"), lambda m: _("Het bestand is leeg.")),
    (re.compile(r"^This is not a text file"), lambda m: _("Dit is geen tekstbestand; verwacht wordt een CSV-export.")),
    (
        re.compile(r"^Missing column\(s\): (?P<missing>.*?)\. The file has: (?P<has>.*) \(delimiter (?P<d>.*)\)\.$"),
        lambda m: (
            _("Kolom(men) ontbreken: %(missing)s. Het bestand heeft: %(has)s (scheidingsteken %(d)s).")
            % {"missing": m["missing"], "has": m["has"], "d": m["d"]}
        ),
    ),
]


def row_message(message: str) -> str:
    """'row 3 (id 17): the text is empty' -> 'rij 3 (id 17): de tekst is leeg' (or the message unchanged)."""
    for pattern, render in _PATTERNS:
        match = pattern.match(message)
        if match:
            where = _("rij %(row)s") % {"row": match["row"]}
            if match.groupdict().get("id"):
                where = _("rij %(row)s (id %(id)s)") % {"row": match["row"], "id": match["id"]}
            return f"{where}: {render(match)}"
    return message


def file_message(message: str) -> str:
    for pattern, render in _FILE_PATTERNS:
        match = pattern.match(message)
        if match:
            return render(match)
    return message
