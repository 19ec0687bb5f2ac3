"""The one CSV writer: every CSV file Zwerm writes goes through it (open data, the dialogue export, staff exports).

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula, so a
resident's "=HYPERLINK(...)" could leak data or mislead whoever opens the file. The writer puts an apostrophe
before such a text cell: the spreadsheet shows it as text. Only text is escaped; numbers are written as numbers
(-1 stays -1). None becomes an empty cell, True and False become ``true`` and ``false``.

Our own readers of files we wrote (the Pol.is import) take the apostrophe off again with `unescape_cell`.

The Pabulib ``.pb`` file is not written through here: it is an exchange format for counting tools with its own
grammar (section lines, comma lists of project ids), not a table for a spreadsheet, and an apostrophe would change
the project names other tools read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, value: str, /) -> Any: ...


def csv_cell(value: object) -> str:
    """The text of one cell, with a text that a spreadsheet would run as a formula made harmless."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def unescape_cell(text: str) -> str:
    """Undo `csv_cell`'s apostrophe (for reading back a file Zwerm wrote)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


class CsvWriter:
    """`csv.writer` with every cell passed through `csv_cell`; writerow returns what the target's write returned."""

    def __init__(self, target: _Writable, *, delimiter: str = ",", lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(target, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
