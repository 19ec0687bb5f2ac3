"""Reports (meldingen) from CSV exports of Signalen, Fixi or any other system, with a column mapping.

The engine's importer reads the file (UTF-8, UTF-16 or Windows-1252; the delimiter sniffed and
checked against the header) and names every problem with its row. Here each accepted row gets its
buurt (a buurt code, a buurt name, or a postcode looked up in the buurt table; a house number is
never kept) and is ingested. Nothing is dropped silently: accepted + refused = rows read, and
every message is kept on the import.

From the staff page an upload is stored in chunks (`report_import_start`, the request never holds the file)
and imported by the task `report_import_run`, which **streams** it: it reads the stored chunks one at a
time (one query each), decodes them incrementally and takes rows one by one, so that neither the worker
nor the database ever holds the whole file (at most one chunk, one batch of rows and the messages about
problem rows). It writes its progress on the record every PROGRESS_EVERY rows (rows done and how far into
the file, in bytes) and deletes the chunks when it is done. `report_import_csv` imports bytes at once (the
command line and tests), through the same streaming path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from zwerm.core.models import Municipality
from zwerm.core.tasks import enqueue_on_commit
from zwerm.sensing.engine.importer import CsvError, RowProblem, TextRow, detect_encoding, open_chunks, stream_csv

from ..models import Channel, ReportImport, ReportImportChunk
from .ingest import current_models, place_resolve, text_ingest
from .messages import file_message, row_message
from .refresh import refresh_later

MAX_IMPORT_BYTES = 50 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
PROGRESS_EVERY = 100


@dataclass(frozen=True)
class ColumnMapping:
    text: str
    time: str = ""
    place: str = ""  # buurt code, buurt name or postcode
    category: str = ""
    id: str = ""
    source: str = ""  # the system it came from, e.g. "Signalen"


def _too_large_message() -> str:
    return _("Het bestand is te groot (hoogstens %(mb)d MB).") % {"mb": MAX_IMPORT_BYTES // 2**20}


def report_import_csv(
    *, municipality: Municipality, actor, data: bytes, filename: str, mapping: ColumnMapping
) -> ReportImport:
    """Import one CSV export now; the returned record holds the counts and a message per problem row."""
    record = ReportImport(
        municipality=municipality, created_by=actor, filename=filename[:255], source=mapping.source[:100]
    )
    record.size, record.mapping = len(data), asdict(mapping)
    if not mapping.text.strip():
        record.error = _("Geef de kolom met de tekst van de melding op.")
        record.save()
        return record
    if len(data) > MAX_IMPORT_BYTES:
        record.error = _too_large_message()
        record.save()
        return record
    return _run(record, lambda: iter((data,)), mapping)


def report_import_start(
    *,
    municipality: Municipality,
    actor,
    chunks: Iterable[bytes],
    size: int,
    filename: str,
    mapping: ColumnMapping,
) -> ReportImport:
    """Store an upload (piece by piece, as it comes from the temporary file) and queue its import."""
    record = ReportImport(
        municipality=municipality,
        created_by=actor,
        filename=filename[:255],
        source=mapping.source[:100],
        size=size,
        mapping=asdict(mapping),
    )
    if not mapping.text.strip():
        record.error = _("Geef de kolom met de tekst van de melding op.")
    elif size > MAX_IMPORT_BYTES:
        record.error = _too_large_message()
    if record.error:
        record.save()
        return record
    with transaction.atomic():
        record.status = ReportImport.Status.QUEUED
        record.save()
        for index, piece in enumerate(chunks):
            ReportImportChunk.objects.create(report_import=record, index=index, data=piece)
        enqueue_on_commit(report_import_run, import_id=record.pk)
    return record


@task()
def report_import_run(import_id: int) -> int:
    """Background: import a stored upload, writing progress as it goes; the stored pieces are then deleted."""
    record = ReportImport.objects.select_related("municipality").get(pk=import_id)
    if record.status == ReportImport.Status.DONE:
        return record.pk
    indexes = list(record.chunks.order_by("index").values_list("index", flat=True))
    try:
        _run(record, lambda: stored_chunks(import_id=record.pk, indexes=indexes), ColumnMapping(**record.mapping))
    finally:
        ReportImportChunk.objects.filter(report_import=record).delete()
    return record.pk


def stored_chunks(*, import_id: int, indexes: list[int]) -> Iterator[bytes]:
    """The stored pieces of an upload in order, one query per piece: only one piece is in memory at a time."""
    for index in indexes:
        yield bytes(
            ReportImportChunk.objects.filter(report_import_id=import_id, index=index).values_list("data", flat=True)[0]
        )


def _progress(record: ReportImport, **values) -> None:
    """Write progress in its own small transaction, so that the staff page sees it while the import runs."""
    for name, value in values.items():
        setattr(record, name, value)
    ReportImport.objects.filter(pk=record.pk).update(**values)


def _run(record: ReportImport, chunks: Callable[[], Iterator[bytes]], mapping: ColumnMapping) -> ReportImport:
    """Import the file that `chunks()` gives piece by piece (called twice: once to find the encoding, once to
    read the rows), streaming: rows are read, ingested in batches and forgotten."""
    municipality = record.municipality
    where = {"bytes": 0}
    try:
        encoding = detect_encoding(chunks())
        delimiter, items = stream_csv(
            open_chunks(chunks(), encoding, on_read=lambda n: where.__setitem__("bytes", n)),
            text_column=mapping.text.strip(),
            time_column=mapping.time.strip() or None,
            area_column=mapping.place.strip() or None,
            label_column=mapping.category.strip() or None,
            id_column=mapping.id.strip() or None,
        )
    except CsvError as error:
        record.error = _("Het bestand kon niet worden gelezen: %(reason)s") % {"reason": file_message(str(error))}
        record.status = ReportImport.Status.DONE
        record.save()
        return record
    record.encoding, record.delimiter = encoding, delimiter
    record.status = ReportImport.Status.RUNNING
    record.save()
    messages: list[dict] = []
    counts = {"read": 0, "accepted": 0, "refused": 0}
    models = current_models(municipality=municipality)
    places: dict[str, object] = {}
    batch: list[TextRow] = []

    def ingest_batch() -> None:
        # One transaction per batch of rows (a savepoint per row), then the progress the staff page shows.
        with transaction.atomic():
            for row in batch:
                counts["accepted" if _ingest_row(record, mapping, row, places, models, messages) else "refused"] += 1
        batch.clear()
        _progress(record, processed=counts["read"], accepted=counts["accepted"], position=where["bytes"])

    for item in items:
        if isinstance(item, RowProblem):
            messages.append({"row": item.row, "message": row_message(item.message), "refused": item.refused})
            counts["read"] += item.refused
            counts["refused"] += item.refused
            continue
        counts["read"] += 1
        batch.append(item)
        if len(batch) >= PROGRESS_EVERY:
            ingest_batch()
    ingest_batch()
    accepted = counts["accepted"]
    record.read = counts["read"]
    record.accepted = accepted
    record.refused = counts["refused"]
    record.processed = record.read
    record.position = record.size
    record.messages = sorted(messages, key=lambda m: m["row"])
    record.status = ReportImport.Status.DONE
    record.save()
    if accepted:
        refresh_later(municipality=municipality)
    return record


def _ingest_row(record: ReportImport, mapping: ColumnMapping, row, places: dict, models, messages: list) -> bool:
    """Ingest one row (in a savepoint); a problem is added to `messages`. True when the row was taken in."""
    municipality = record.municipality
    hood = None
    if row.area:
        if row.area not in places:
            places[row.area] = place_resolve(municipality=municipality, value=row.area)
        hood = places[row.area]
        if hood is None:
            messages.append(
                {
                    "row": row.row,
                    "message": _(
                        "rij %(row)d (id %(id)s): buurt of postcode '%(place)s' is onbekend; "
                        "de melding is zonder buurt bewaard"
                    )
                    % {"row": row.row, "id": row.id, "place": row.area[:40]},
                    "refused": False,
                }
            )
    source_id = f"{mapping.source or 'csv'}:{row.id}" if mapping.id else f"import{record.pk}:{row.id}"
    try:
        with transaction.atomic():
            text_ingest(
                municipality=municipality,
                channel=Channel.REPORT,
                source_id=source_id,
                text=row.text,
                occurred_at=row.time,
                neighbourhood=hood,
                label=row.label or "",
                report_import=record,
                models=models,
            )
        return True
    except Exception as error:  # one bad row must not stop the rest; it is counted and named
        reason = "; ".join(getattr(error, "messages", [str(error)]))
        messages.append(
            {
                "row": row.row,
                "message": f"rij {row.row} (id {row.id}): {reason}",
                "refused": True,
            }
        )
        return False
