"""One text in: redacted, mood scored, assigned to the current themes and routed, in milliseconds.

`text_ingest_later` is what other apps call after their own write: it queues a task with ids only
(no text travels through the queue) and the task reads the source and ingests it.
"""

from __future__ import annotations

import logging
import pickle  # noqa: S403  (our own models, written by our own refresh; never user input)
import re
import threading
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from zwerm.core.models import Municipality
from zwerm.core.tasks import enqueue_on_commit
from zwerm.places.selectors import district_list, neighbourhood_for_postcode, neighbourhood_list
from zwerm.sensing.engine.assign import assign_prepared
from zwerm.sensing.engine.importer import MAX_TEXT_CHARS
from zwerm.sensing.engine.mood import score_text
from zwerm.sensing.engine.prepare import PreparedText, prepare
from zwerm.sensing.engine.redaction import RedactionPolicy

from ..models import Channel, Refresh, RouterModel, Text, Theme
from .public import public_picture_later
from .sources import source_read

logger = logging.getLogger(__name__)
_POSTCODE_RE = re.compile(r"^\s*\d{4}\s?[A-Za-z]{2}\b")
_cache: dict[tuple[str, int], tuple[int, object]] = {}
_lock = threading.Lock()


def _cached(kind: str, municipality_id: int, model_class, row) -> object | None:
    """The unpickled model of `row` = (pk, created_at) of the latest refresh or router, kept per process
    until a newer one exists. The blob is read only on a miss. A model is known by its id and creation
    time: an id alone can come back after a rolled-back transaction."""
    if row is None:
        return None
    key = (kind, municipality_id)
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == row:
            return hit[1]
    try:
        blob = model_class.objects.values_list("model", flat=True).get(pk=row[0])
        model = pickle.loads(bytes(blob))  # noqa: S301  (see the import)
    except Exception:  # e.g. a model pickled by an older scikit-learn: texts wait for the next refresh
        logger.exception("sensing: stored %s model %s cannot be loaded", kind, row[0])
        return None
    with _lock:
        _cache[key] = (row, model)
    return model


def current_models(*, municipality: Municipality) -> tuple[object | None, object | None]:
    """(theme model, router) of the latest successful refresh and training, or None."""
    refresh = (
        Refresh.objects.filter(municipality=municipality, status=Refresh.Status.DONE, model__isnull=False)
        .order_by("-created_at", "-pk")
        .values_list("pk", "created_at")
        .first()
    )
    router = RouterModel.objects.filter(municipality=municipality).values_list("pk", "created_at").first()
    return (
        _cached("themes", municipality.pk, Refresh, refresh),
        _cached("router", municipality.pk, RouterModel, router),
    )


def place_resolve(*, municipality: Municipality, value: str):
    """A buurt from a buurt code (BU...), a buurt name or a postcode; None when unknown."""
    value = (value or "").strip()
    if not value:
        return None
    if _POSTCODE_RE.match(value):
        # only the postcode: a house number after it is personal data and is never kept
        return neighbourhood_for_postcode(municipality=municipality, postcode=value[:7].replace(" ", "")[:6])
    hoods = neighbourhood_list(municipality=municipality)
    return hoods.filter(code__iexact=value).first() or hoods.filter(name__iexact=value).first()


def district_resolve(*, municipality: Municipality, value: str):
    value = (value or "").strip()
    if not value:
        return None
    districts = district_list(municipality=municipality)
    return districts.filter(code__iexact=value).first() or districts.filter(name__iexact=value).first()


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def text_ingest(
    *,
    municipality: Municipality,
    channel: str,
    source_id: str,
    text: str,
    occurred_at: datetime | None = None,
    neighbourhood=None,
    district=None,
    source_url: str = "",
    label: str = "",
    report_import=None,
    models: tuple[object | None, object | None] | None = None,
) -> Text:
    """Store the redacted form of `text` from `channel` (one row per source; a second call updates it)."""
    if channel not in Channel.values:
        raise ValidationError(_("Onbekend kanaal: %(channel)s.") % {"channel": channel})
    if not text or not text.strip():
        raise ValidationError(_("De tekst is leeg."))
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(_("De tekst is te lang (hoogstens %(n)d tekens).") % {"n": MAX_TEXT_CHARS})
    prepared: PreparedText = prepare(text, policy=RedactionPolicy(names=settings.ZWERM_SENSING_REDACT_NAMES))
    theme_model, router = models if models is not None else current_models(municipality=municipality)
    theme, similarity = None, None
    if theme_model is not None:
        assignment = assign_prepared(theme_model, [prepared])[0]
        similarity = assignment.similarity
        if assignment.theme_id:
            theme = Theme.objects.filter(municipality=municipality, key=assignment.theme_id).first()
    route = router.route_prepared([prepared])[0] if router is not None and prepared.lemmas else None
    if district is None and neighbourhood is not None:
        district = neighbourhood.district
    text_row, _created = Text.objects.update_or_create(
        municipality=municipality,
        channel=channel,
        source_id=str(source_id)[:200],
        defaults={
            "source_url": source_url[:300],
            "occurred_at": _aware(occurred_at),
            "neighbourhood": neighbourhood,
            "district": district,
            "text": prepared.text,
            "redacted_kinds": sorted(set(prepared.redacted_kinds)),
            "language": prepared.language,
            "mood": score_text(prepared.text, prepared.language).score,
            "theme": theme,
            "similarity": similarity,
            "label": (label or "")[:200],
            "category": route.category[:200] if route else "",
            "category_confidence": route.confidence if route else None,
            "needs_person": bool(route and route.needs_person),
            "report_import": report_import,
        },
    )
    public_picture_later(municipality_id=municipality.pk)
    return text_row


@task()
def text_ingest_source(channel: str, source_id: int | str, municipality_id: int) -> int | None:
    """Background: read the source behind the ids and ingest its text; None when it is gone."""
    municipality = Municipality.objects.get(pk=municipality_id)
    source = source_read(municipality=municipality, channel=channel, source_id=source_id)
    if source is None or not source.text.strip():
        return None
    with transaction.atomic():
        row = text_ingest(
            municipality=municipality,
            channel=channel,
            source_id=str(source_id),
            text=source.text,
            occurred_at=source.occurred_at,
            neighbourhood=source.neighbourhood,
            district=source.district,
            source_url=source.url,
        )
    return row.pk


def text_ingest_later(*, channel: str, source_id, municipality_id: int) -> None:
    """Hand a new or changed text to sensing once the caller's transaction has committed (ids only)."""
    enqueue_on_commit(text_ingest_source, channel=str(channel), source_id=source_id, municipality_id=municipality_id)
