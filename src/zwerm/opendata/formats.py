"""Writing a dataset's rows as CSV or JSON, a chunk at a time, so that memory stays flat.

CSV choices, for the people who will open it (most of them in Dutch Excel):
- separator `;`: Dutch Excel expects it (the comma is the decimal sign in the Dutch locale), so a
  double click opens the file in columns; every CSV library reads it when told the delimiter;
- UTF-8 with a byte order mark, so that Excel shows é, ë and € correctly; CRLF line ends (RFC 4180);
- no decimal numbers at all (amounts are whole eurocents), so no separator can be misread;
- dates as ISO 8601 (2026-02-14), yes/no as `true`/`false`, an empty cell for "none" or "not published";
- a text cell that starts with = + - @ gets a leading apostrophe, so that a spreadsheet never runs it
  as a formula (zwerm.core.csvfile, the one CSV writer; the JSON keeps the text exactly as it is).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from django.utils import translation

from zwerm.core.csvfile import CsvWriter

from .datasets import Dataset
from .datasets.base import GEOMETRY

CSV_DELIMITER = ";"
BOM = "\ufeff"
CHUNK_ROWS = 200

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json"}


class _Line:
    """A file-like object whose write() hands the line back, so the CSV writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def in_dutch(chunks: Iterable) -> Iterator:
    """Run each step of `chunks` with Dutch active: a streamed body is built after the view returned,
    and the files are always in Dutch, whatever language the visitor chose for the pages."""
    iterator = iter(chunks)
    while True:
        with translation.override("nl"):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


def csv_chunks(dataset: Dataset, rows: Iterable[dict]) -> Iterator[bytes]:
    names = dataset.column_names
    writer = CsvWriter(_Line(), delimiter=CSV_DELIMITER)
    yield (BOM + writer.writerow(names)).encode("utf-8")
    lines = []
    for row in rows:
        lines.append(writer.writerow([row[name] for name in names]))
        if len(lines) >= CHUNK_ROWS:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def _object_with_array(head: dict, key: str, items: Iterable[dict]) -> Iterator[bytes]:
    """`head` as a JSON object with one more key holding the array of `items`, written item by item."""
    text = json.dumps(head, ensure_ascii=False, indent=1)
    yield (text[: text.rindex("}")].rstrip() + f',\n "{key}": [').encode("utf-8")
    separator = "\n  "
    lines = []
    for item in items:
        lines.append(separator + json.dumps(item, ensure_ascii=False))
        separator = ",\n  "
        if len(lines) >= CHUNK_ROWS:
            yield "".join(lines).encode("utf-8")
            lines = []
    lines.append("\n ]\n}\n")
    yield "".join(lines).encode("utf-8")


def json_chunks(dataset: Dataset, rows: Iterable[dict], meta: dict) -> Iterator[bytes]:
    """{...meta, "kolommen": [...], "rijen": [{...}, ...]}, written row by row."""
    names = dataset.column_names
    head = dict(meta)
    head["kolommen"] = [
        {"naam": c.name, "soort": str(c.kind), "omschrijving": str(c.description)} for c in dataset.columns
    ]
    return _object_with_array(head, "rijen", ({name: row[name] for name in names} for row in rows))


def geojson_chunks(dataset: Dataset, rows: Iterable[dict], meta: dict) -> Iterator[bytes]:
    """A GeoJSON FeatureCollection (RFC 7946, WGS84) of the rows that have a place: the geometry is the public,
    rounded point; the properties are the row's columns. The dataset's description rides along as `meta`."""
    names = dataset.column_names
    features = (
        {"type": "Feature", "geometry": row[GEOMETRY], "properties": {name: row[name] for name in names}}
        for row in rows
        if row.get(GEOMETRY) is not None
    )
    return _object_with_array({"type": "FeatureCollection", "meta": meta}, "features", features)
