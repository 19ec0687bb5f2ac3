"""Reports (meldingen) from CSV exports of Signalen, Fixi or any other system, with a column mapping.

The engine's importer reads the file (UTF-8, UTF-16 or Windows-1252; the delimiter sniffed and
checked against the header) and names every problem with its row. Here each accepted row gets its
buurt (a buurt code, a buurt name, or a postcode looked up in the buurt table; a house number is
never kept) and is ingested. Nothing is dropped silently: accepted + refused = rows read, and
every message is kept on the import.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality
from zwerm.sensing.engine.importer import CsvError, decode, read_csv_text

from ..models import Channel, ReportImport
from .ingest import current_models, place_resolve, text_ingest
from .messages import file_message, row_message
from .refresh import refresh_later

MAX_IMPORT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ColumnMapping:
    text: str
    time: str = ""
    place: str = ""  # buurt code, buurt name or postcode
    category: str = ""
    id: str = ""
    source: str = ""  # the system it came from, e.g. "Signalen"


def report_import_csv(
    *, municipality: Municipality, actor, data: bytes, filename: str, mapping: ColumnMapping
) -> ReportImport:
    """Import one CSV export; the returned record holds the counts and a message per problem row."""
    record = ReportImport(
        municipality=municipality, created_by=actor, filename=filename[:255], source=mapping.source[:100]
    )
    if not mapping.text.strip():
        record.error = _("Geef de kolom met de tekst van de melding op.")
        record.save()
        return record
    if len(data) > MAX_IMPORT_BYTES:
        record.error = _("Het bestand is te groot (hoogstens %(mb)d MB).") % {"mb": MAX_IMPORT_BYTES // 2**20}
        record.save()
        return record
    try:
        text, encoding = decode(data)
        result = read_csv_text(
            text,
            text_column=mapping.text.strip(),
            time_column=mapping.time.strip() or None,
            area_column=mapping.place.strip() or None,
            label_column=mapping.category.strip() or None,
            id_column=mapping.id.strip() or None,
            encoding=encoding,
        )
    except CsvError as error:
        record.error = _("Het bestand kon niet worden gelezen: %(reason)s") % {"reason": file_message(str(error))}
        record.save()
        return record
    record.encoding, record.delimiter, record.read = result.encoding, result.delimiter, result.read
    messages = [{"row": p.row, "message": row_message(p.message), "refused": p.refused} for p in result.problems]
    accepted = refused = 0
    with transaction.atomic():
        record.save()
        models = current_models(municipality=municipality)
        places: dict[str, object] = {}
        for row in result.rows:
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
                accepted += 1
            except Exception as error:  # one bad row must not stop the rest; it is counted and named
                refused += 1
                reason = "; ".join(getattr(error, "messages", [str(error)]))
                messages.append(
                    {
                        "row": row.row,
                        "message": f"rij {row.row} (id {row.id}): {reason}",
                        "refused": True,
                    }
                )
        record.accepted = accepted
        record.refused = result.refused + refused
        record.messages = sorted(messages, key=lambda m: m["row"])
        record.save()
        if accepted:
            refresh_later(municipality=municipality)
    return record
