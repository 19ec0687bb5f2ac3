"""The open-data page, the downloads and the DCAT catalogue: thin views over opendata.selectors."""

import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe

from zwerm.core import disclosure
from zwerm.core.selectors import municipality_base_url

from . import selectors
from .catalog import LICENCE_PAGE
from .datasets import Context

MAX_AGE = 300  # seconds a cache may keep a download or the catalogue before asking again


def _context(request) -> Context:
    # Files are cached publicly: their links use the municipality's own host names, never the request's Host.
    base_url = municipality_base_url(municipality=request.municipality, request=request)
    return Context(municipality=request.municipality, base_url=base_url)


def _open(response, max_age: int = MAX_AGE):
    """Headers every machine-readable answer gets: anyone may fetch it from any site, caches may keep it."""
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_safe
def index(request):
    entries = selectors.dataset_entries(municipality=request.municipality)
    context = {
        "entries": entries,
        "has_data": any(e.modified is not None for e in entries),
        "licence_url": LICENCE_PAGE,
        "min_public": disclosure.threshold(),
    }
    return render(request, "opendata/index.html", context)


@require_safe
def download(request, key, fmt):
    dataset = selectors.dataset_get(key=key)
    if dataset is None or fmt not in dataset.formats:
        raise Http404
    export = selectors.dataset_export(dataset=dataset, context=_context(request), fmt=fmt)
    # Only the ETag decides: some counts can change without a newer timestamp, so If-Modified-Since alone
    # always gets the full file.
    not_modified = get_conditional_response(request, etag=export.etag)
    response = not_modified or StreamingHttpResponse(export.chunks, content_type=export.content_type)
    response["ETag"] = export.etag
    if export.modified is not None:
        response["Last-Modified"] = http_date(export.modified.timestamp())
    if not_modified is None:
        response["Content-Disposition"] = content_disposition_header(fmt == "csv", export.filename)
    return _open(response)


@require_safe
def catalog_jsonld(request):
    document = selectors.catalog_document(context=_context(request))
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return _open(HttpResponse(body, content_type="application/ld+json"))


@require_safe
def catalog_turtle(request):
    return _open(
        HttpResponse(selectors.catalog_turtle(context=_context(request)), content_type="text/turtle; charset=utf-8")
    )
