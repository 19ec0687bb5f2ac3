"""Reports from staff systems as JSON, and the per-municipality tokens those systems use.

A token is shown once when it is made; only its SHA-256 hash is kept, so a database copy does not
let anyone post reports.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from zwerm.core.models import Municipality
from zwerm.core.text import clean_text
from zwerm.sensing.engine.importer import parse_time

from ..models import ApiToken, Channel, Text
from .ingest import place_resolve, text_ingest

MAX_TEXT = 10_000
FIELDS = {"id", "text", "time", "neighbourhood", "postcode", "category", "url"}


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, municipality: Municipality, actor, label: str) -> tuple[ApiToken, str]:
    """A new token for a staff system; the raw token is returned once and never stored."""
    label = (label or "").strip()
    if not label:
        raise ValidationError({"label": [_("Geef de koppeling een naam.")]})
    try:  # plain text only, like every other name staff type
        label = clean_text(label, field_label=_("de naam"), max_length=100, single_line=True)
    except ValidationError as error:
        raise ValidationError({"label": error.messages}) from None
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        municipality=municipality, label=label[:100], token_hash=_hash(raw), created_by=actor
    )
    return token, raw


def api_token_revoke(*, municipality: Municipality, pk) -> bool:
    """Revoke the token; False when `municipality` has no token `pk` (so the caller can answer 404)."""
    tokens = ApiToken.objects.filter(municipality=municipality, pk=pk)
    if not tokens.exists():
        return False
    tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    return True


def api_token_valid(*, municipality: Municipality, raw: str) -> bool:
    if not raw:
        return False
    return ApiToken.objects.filter(municipality=municipality, token_hash=_hash(raw), revoked_at__isnull=True).exists()


def report_receive(*, municipality: Municipality, payload) -> Text:
    """Ingest one report posted as JSON; a ValidationError names every field that is wrong."""
    if not isinstance(payload, dict):
        raise ValidationError({"__all__": [_("Verwacht een JSON-object met ten minste 'id' en 'text'.")]})
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(payload) - FIELDS)
    if unknown:
        errors["__all__"] = [_("Onbekende velden: %(fields)s.") % {"fields": ", ".join(unknown)}]
    source_id = payload.get("id")
    if not isinstance(source_id, (str, int)) or isinstance(source_id, bool) or not str(source_id).strip():
        errors["id"] = [_("Geef het nummer van de melding in het eigen systeem (tekst of getal).")]
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        errors["text"] = [_("Geef de tekst van de melding.")]
    elif len(text) > MAX_TEXT:
        errors["text"] = [_("De tekst is te lang (hoogstens %(n)d tekens).") % {"n": MAX_TEXT}]
    moment = None
    if payload.get("time") not in (None, ""):
        value = payload["time"]
        try:
            moment = parse_datetime(value) if isinstance(value, str) else None
            moment = moment or parse_time(value)
        except (ValueError, TypeError):
            moment = None
        if moment is None:
            errors["time"] = [_("Het tijdstip is onleesbaar; gebruik ISO 8601, zoals 2026-03-01T09:30:00+01:00.")]
    hood = None
    for key in ("neighbourhood", "postcode"):
        value = payload.get(key)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            errors[key] = [_("Verwacht tekst.")]
            continue
        hood = hood or place_resolve(municipality=municipality, value=value)
        if hood is None:
            errors[key] = [_("Onbekende buurt of postcode in deze gemeente.")]
    for key in ("category", "url"):
        if payload.get(key) not in (None, "") and not isinstance(payload.get(key), str):
            errors[key] = [_("Verwacht tekst.")]
    if errors:
        raise ValidationError(errors)
    url = payload.get("url") or ""
    if not url.startswith(("https://", "http://")):
        url = ""
    with transaction.atomic():
        return text_ingest(
            municipality=municipality,
            channel=Channel.API,
            source_id=str(source_id).strip(),
            text=text,
            occurred_at=moment or timezone.now(),
            neighbourhood=hood,
            label=payload.get("category") or "",
            source_url=url,
        )
