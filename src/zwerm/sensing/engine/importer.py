"""Reading texts from CSV exports (Signalen, Fixi, survey tools, spreadsheets) without surprises.

- Encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252, the usual encoding
  of municipal Excel exports.
- Delimiter: sniffed among , ; tab | and checked against the header (the text column must appear).
- A missing required column stops the import with the columns that do exist.
- Per row: empty, binary or huge text refuses the row; an unparseable date keeps the row without
  a time; a missing or repeated id is replaced by a unique one. Every problem names its row.
  Nothing is dropped silently: accepted + refused = rows read.
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

MAX_TEXT_CHARS = 100_000
_DELIMITERS = ",;\t|"
_DATE_FORMATS = (
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y%m%d",
)


class CsvError(ValueError):
    """The file as a whole cannot be read (not text, no header, a required column missing)."""


@dataclass(frozen=True)
class TextRow:
    row: int  # data row number, 1 = first row after the header
    id: str
    text: str
    time: datetime | None = None
    area: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class RowProblem:
    row: int
    line: int  # line in the file where the row ends (rows may span lines)
    id: str
    message: str
    refused: bool


@dataclass(frozen=True)
class CsvImport:
    rows: tuple[TextRow, ...]
    problems: tuple[RowProblem, ...]
    encoding: str
    delimiter: str
    read: int = field(default=0)

    @property
    def accepted(self) -> int:
        return len(self.rows)

    @property
    def refused(self) -> int:
        return sum(p.refused for p in self.problems)

    @property
    def refused_ids(self) -> list[str]:
        return [p.id for p in self.problems if p.refused]


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding that was used."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise CsvError("This is not a text file (it holds NUL bytes); expected a CSV export.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _delimiter(text: str, required: str) -> str:
    sample = text[:65536]
    header = sample.splitlines()[0] if sample else ""
    candidates = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter)
    candidates += sorted(_DELIMITERS, key=lambda d: -header.count(d))
    for delimiter in candidates:
        names = next(csv.reader([header], delimiter=delimiter), [])
        if required in [n.strip() for n in names]:
            return delimiter
    return candidates[0]


def parse_time(value: str) -> datetime | None:
    """A date or date-time in ISO 8601 or a common Dutch/German notation; None if empty."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValueError(value)


def _text_problem(text: str) -> str | None:
    if not text.strip():
        return "the text is empty"
    if len(text) > MAX_TEXT_CHARS:
        return f"the text is too long ({len(text):,} characters, at most {MAX_TEXT_CHARS:,})"
    odd = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\ufffd")
    if "\x00" in text or odd > max(3, 0.05 * len(text)):
        return "the text holds binary data"
    return None


def read_csv_text(
    text: str,
    *,
    text_column: str,
    time_column: str | None = None,
    area_column: str | None = None,
    label_column: str | None = None,
    id_column: str | None = None,
    encoding: str = "utf-8",
) -> CsvImport:
    """Rows from CSV content already decoded; see the module docstring for what is checked."""
    if not text.strip():
        raise CsvError("The file is empty.")
    delimiter = _delimiter(text, text_column)
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    wanted = {"text": text_column, "time": time_column, "area": area_column, "label": label_column, "id": id_column}
    missing = [c for c in wanted.values() if c and c not in header]
    if missing:
        raise CsvError(
            f"Missing column(s): {', '.join(missing)}. The file has: {', '.join(header)} (delimiter {delimiter!r})."
        )
    position = {key: header.index(col) for key, col in wanted.items() if col}
    rows, problems, seen = [], [], set()
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            number += 1
            message = f"row {number}: unreadable ({error})"
            problems.append(RowProblem(number, reader.line_num, str(number), message, True))
            continue
        if not any(cell.strip() for cell in record):
            continue  # a blank line is not a row
        number += 1

        def cell(key: str, record: list[str] = record) -> str:
            i = position.get(key)
            return record[i] if i is not None and i < len(record) else ""

        row_id = cell("id").strip() or str(number)
        if row_id in seen:
            new_id = f"{row_id}#{number}"
            problems.append(
                RowProblem(
                    number,
                    reader.line_num,
                    new_id,
                    f"row {number}: id {row_id!r} was used before; kept as {new_id!r}",
                    False,
                )
            )
            row_id = new_id
        seen.add(row_id)
        if len(record) < len(header) and position["text"] >= len(record):
            problems.append(
                RowProblem(
                    number,
                    reader.line_num,
                    row_id,
                    f"row {number} (id {row_id}): {len(record)} fields where the header has "
                    f"{len(header)}; the text column is missing",
                    True,
                )
            )
            continue
        body = cell("text")
        issue = _text_problem(body)
        if issue:
            problems.append(RowProblem(number, reader.line_num, row_id, f"row {number} (id {row_id}): {issue}", True))
            continue
        moment = None
        if "time" in position:
            try:
                moment = parse_time(cell("time"))
            except ValueError:
                problems.append(
                    RowProblem(
                        number,
                        reader.line_num,
                        row_id,
                        f"row {number} (id {row_id}): date {cell('time')!r} cannot be read; "
                        f"the row is kept without a time",
                        False,
                    )
                )
        rows.append(TextRow(number, row_id, body, moment, cell("area").strip() or None, cell("label").strip() or None))
    return CsvImport(tuple(rows), tuple(problems), encoding, delimiter, read=number)


def read_csv(path: str | Path, **columns) -> CsvImport:
    """Rows from a CSV file, with its encoding detected (see `read_csv_text` for the columns)."""
    data = Path(path).read_bytes()
    text, encoding = decode(data)
    return read_csv_text(text, encoding=encoding, **columns)
