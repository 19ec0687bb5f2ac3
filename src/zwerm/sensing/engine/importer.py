"""Reading texts from CSV exports (Signalen, Fixi, survey tools, spreadsheets) without surprises.

- Encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252, the usual encoding
  of municipal Excel exports.
- Delimiter: sniffed among , ; tab | and checked against the header (the text column must appear).
- A missing required column stops the import with the columns that do exist.
- Per row: empty, binary or huge text refuses the row; an unparseable date keeps the row without
  a time; a missing or repeated id is replaced by a unique one. Every problem names its row.
  Nothing is dropped silently: accepted + refused = rows read.

A large file is read as a stream (`detect_encoding`, `open_chunks`, `stream_csv`): pieces of bytes in, one
row at a time out, never the whole file in memory; `read_csv_text` and `read_csv` collect the same rows.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
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


_HEAD = 4096  # bytes looked at for a byte-order mark and NUL bytes
_SAMPLE = 65536  # characters the delimiter is sniffed from


def _encoding_of(head: bytes, valid_utf8: bool) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in head[:_HEAD]:
        raise CsvError("This is not a text file (it holds NUL bytes); expected a CSV export.")
    return "utf-8" if valid_utf8 else "windows-1252"


def detect_encoding(chunks: Iterable[bytes]) -> str:
    """The encoding of a file given as pieces of bytes, read through once and one piece at a time: UTF-8 only
    when the whole file is valid UTF-8 (as `decode` decides for bytes in memory)."""
    head = b""
    decoder = codecs.getincrementaldecoder("utf-8")()
    valid = True
    for piece in chunks:
        piece = bytes(piece)
        if len(head) < _HEAD:
            head += piece[: _HEAD - len(head)]
        if valid:
            try:
                decoder.decode(piece)
            except UnicodeDecodeError:
                valid = False
        if not valid and len(head) >= _HEAD:
            break
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return _encoding_of(head, valid)


class _Pieces(io.RawIOBase):
    """A readable byte stream over pieces of bytes, counting what it handed out (`position`)."""

    def __init__(self, chunks: Iterable[bytes], on_read: Callable[[int], None] | None = None):
        self._chunks = iter(chunks)
        self._buffer = b""
        self.position = 0
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            piece = next(self._chunks, None)
            if piece is None:
                return 0
            self._buffer = bytes(piece)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self.position += n
        if self._on_read is not None:
            self._on_read(self.position)
        return n


def open_chunks(chunks: Iterable[bytes], encoding: str, on_read: Callable[[int], None] | None = None) -> io.TextIOBase:
    """Text from pieces of bytes in `encoding` (from `detect_encoding`), read lazily; `on_read(bytes)` is told
    how far into the file the reading is."""
    codec = {"windows-1252": "cp1252"}.get(encoding, encoding)
    return io.TextIOWrapper(io.BufferedReader(_Pieces(chunks, on_read)), encoding=codec, errors="replace", newline="")


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
    delimiter, items = stream_csv(
        io.StringIO(text, newline=""),
        text_column=text_column,
        time_column=time_column,
        area_column=area_column,
        label_column=label_column,
        id_column=id_column,
    )
    rows, problems, number = [], [], 0
    for item in items:
        if isinstance(item, TextRow):
            rows.append(item)
            number += 1
        else:
            problems.append(item)
            number += item.refused
    return CsvImport(tuple(rows), tuple(problems), encoding, delimiter, read=number)


def stream_csv(
    stream: io.TextIOBase,
    *,
    text_column: str,
    time_column: str | None = None,
    area_column: str | None = None,
    label_column: str | None = None,
    id_column: str | None = None,
) -> tuple[str, Iterator[TextRow | RowProblem]]:
    """The delimiter, and the rows of a CSV text stream one at a time: a `TextRow` for each row taken, a
    `RowProblem` for each refused row (refused=True) and for each remark on a row taken (refused=False).
    Rows read = rows + refused problems. Only the first 64K characters are read before the first row (to
    find the delimiter and the header); a missing column raises CsvError here, before any row."""
    sample = stream.read(_SAMPLE)
    if sample and not sample.endswith(("\n", "\r")):
        sample += stream.readline()  # the sample ends at the end of a line
    if not sample.strip():
        raise CsvError("The file is empty.")
    delimiter = _delimiter(sample, text_column)
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    reader = csv.reader(itertools.chain(io.StringIO(sample, newline=""), stream), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    wanted = {"text": text_column, "time": time_column, "area": area_column, "label": label_column, "id": id_column}
    missing = [c for c in wanted.values() if c and c not in header]
    if missing:
        raise CsvError(
            f"Missing column(s): {', '.join(missing)}. The file has: {', '.join(header)} (delimiter {delimiter!r})."
        )
    position = {key: header.index(col) for key, col in wanted.items() if col}
    return delimiter, _rows(reader, header, position)


def _rows(reader, header: list[str], position: dict[str, int]) -> Iterator[TextRow | RowProblem]:
    seen: set[str] = set()
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            number += 1
            message = f"row {number}: unreadable ({error})"
            yield RowProblem(number, reader.line_num, str(number), message, True)
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
            yield RowProblem(
                number,
                reader.line_num,
                new_id,
                f"row {number}: id {row_id!r} was used before; kept as {new_id!r}",
                False,
            )
            row_id = new_id
        seen.add(row_id)
        if len(record) < len(header) and position["text"] >= len(record):
            yield RowProblem(
                number,
                reader.line_num,
                row_id,
                f"row {number} (id {row_id}): {len(record)} fields where the header has "
                f"{len(header)}; the text column is missing",
                True,
            )
            continue
        body = cell("text")
        issue = _text_problem(body)
        if issue:
            yield RowProblem(number, reader.line_num, row_id, f"row {number} (id {row_id}): {issue}", True)
            continue
        moment = None
        if "time" in position:
            try:
                moment = parse_time(cell("time"))
            except ValueError:
                yield RowProblem(
                    number,
                    reader.line_num,
                    row_id,
                    f"row {number} (id {row_id}): date {cell('time')!r} cannot be read; the row is kept without a time",
                    False,
                )
        yield TextRow(number, row_id, body, moment, cell("area").strip() or None, cell("label").strip() or None)


def read_csv(path: str | Path, **columns) -> CsvImport:
    """Rows from a CSV file, with its encoding detected (see `read_csv_text` for the columns)."""
    data = Path(path).read_bytes()
    text, encoding = decode(data)
    return read_csv_text(text, encoding=encoding, **columns)
