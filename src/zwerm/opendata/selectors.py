"""Reads for open data: the datasets of one municipality, their rows as files, and the DCAT catalogue.

Every dataset reads through the other apps' selectors, scoped to the municipality of the request;
nothing here knows another app's models."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone, translation

from zwerm.core.models import Municipality
from zwerm.places.selectors import district_list

from . import catalog, formats
from .datasets import DATASETS, Context, Dataset, dataset_by_key

FORMATS = ("csv", "json", "geojson")  # geojson only for datasets with places (Dataset.formats)


@dataclass(frozen=True)
class Export:
    """A dataset as one file: the body as chunks of bytes, and what the HTTP headers need."""

    chunks: Iterator[bytes]
    etag: str
    modified: object  # datetime | None
    content_type: str
    filename: str


def dataset_list() -> tuple[Dataset, ...]:
    return DATASETS


def dataset_get(*, key: str) -> Dataset | None:
    return dataset_by_key(key)


def dataset_entries(*, municipality: Municipality) -> list[catalog.Entry]:
    """Every dataset with the time of its newest change (None: no data yet)."""
    with translation.override("nl"):
        return [catalog.Entry(dataset=d, modified=d.modified(municipality)) for d in DATASETS]


def _etag(*parts: str) -> str:
    # Weak: the same data gives the same file, but we do not promise byte-for-byte equality.
    return 'W/"' + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40] + '"'


def dataset_export(*, dataset: Dataset, context: Context, fmt: str) -> Export:
    """The dataset as CSV or JSON. Large datasets (with a fingerprint) are streamed from the database;
    small ones are built once, so that their hash can serve as the ETag."""
    if fmt not in dataset.formats:
        raise ValueError(fmt)
    municipality = context.municipality
    with translation.override("nl"):
        modified = dataset.modified(municipality)
        if dataset.fingerprint is not None:
            version = dataset.fingerprint(municipality)
            rows = dataset.rows(context)  # lazy: read while the response is sent
        else:
            rows = list(dataset.rows(context))
            version = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()
    if fmt == "csv":
        chunks = formats.csv_chunks(dataset, rows)
    else:  # json and geojson carry the same description
        with translation.override("nl"):
            meta = {
                "dataset": dataset.key,
                "titel": str(dataset.title),
                "beschrijving": str(dataset.description),
                "gemeente": {"naam": municipality.name, "cbs_code": municipality.cbs_code},
                "licentie": catalog.LICENCE_PAGE,
                "bron": context.url(catalog.download_path(dataset, fmt)),
                "bijgewerkt_op": timezone.localtime(modified).isoformat(timespec="seconds") if modified else None,
            }
        writer = formats.geojson_chunks if fmt == "geojson" else formats.json_chunks
        chunks = writer(dataset, rows, meta)
    return Export(
        chunks=formats.in_dutch(chunks),
        etag=_etag(dataset.key, fmt, municipality.cbs_code, version),
        modified=modified,
        content_type=formats.CONTENT_TYPES[fmt],
        filename=f"{municipality.slug}-{dataset.key}.{fmt}",
    )


def catalog_document(*, context: Context) -> dict:
    """The DCAT catalogue of the municipality's datasets, as a JSON-LD document."""
    entries = dataset_entries(municipality=context.municipality)
    districts = list(district_list(municipality=context.municipality))
    with translation.override("nl"):
        return catalog.catalog_document(context=context, entries=entries, districts=districts)


def catalog_turtle(*, context: Context) -> str:
    return catalog.catalog_turtle(catalog_document(context=context))
