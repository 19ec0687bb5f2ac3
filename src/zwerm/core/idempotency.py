"""Idempotency keys: a retried submission is answered as the first one was, and stored only once.

A form carries a hidden `idempotency_key` (a UUID made when the page renders, see
web/templates/web/_idempotency_key.html); an API client sends the `Idempotency-Key` header. The
write and a row (municipality, owner, key, result) commit in one transaction, and a unique
constraint on (municipality, owner, key) lets only one of two identical requests through: on
PostgreSQL the second waits for the first to commit and then replays its result.

For the API (a small, stable signature):

    outcome = run_once(
        municipality=request.municipality,
        owner=owner_for_token(raw_token) if token else owner_for(request),
        key=key_from_header(request),            # None: no header, no protection
        scope="api.initiatives.create",          # what the key is for; another scope is refused
        action=lambda: services.initiative_create(...),
        reference=lambda initiative: json.dumps(serialise(initiative)),  # what a replay answers
        fingerprint=request_fingerprint(request),  # method, path and body: the same key elsewhere is refused
    )
    status = 200 if outcome.replayed else 201   # outcome.reference holds the first answer

`KeyReused` (a ValidationError) means the key came with another scope, method, path or body: answer 422.
A key is bound to the request it came with (`request_fingerprint`): the same key and body sent to
/initiatives/20/status-changes after /initiatives/19/status-changes is another request, not a retry.
Keys expire after IDEMPOTENCY_KEY_HOURS (ZWERM_IDEMPOTENCY_KEY_HOURS, 24); expired rows of an
owner are removed on their next write, the rest by `zwerm idempotency_prune`.
"""

import datetime
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IdempotencyKey, Municipality

T = TypeVar("T")

FIELD = "idempotency_key"  # the hidden form field
HEADER = "Idempotency-Key"  # the HTTP header (draft-ietf-httpapi-idempotency-key-header)
MAX_KEY = 100


class KeyReused(ValidationError):
    """The key was used before for another kind of request or another body."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    result: T | None  # what the action returned; None when this request was a replay
    reference: str  # what the first request stored to answer with (a URL, a JSON body, an id)
    replayed: bool


def default_reference(result) -> str:
    """The object's own page when it has one, else nothing (the view redirects where it always does)."""
    get_url = getattr(result, "get_absolute_url", None)
    return get_url() if callable(get_url) else ""


def _expiry() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS)


def run_once(
    *,
    municipality: Municipality,
    owner: str,
    key: str | None,
    scope: str,
    action: Callable[[], T],
    reference: Callable[[T], str] = default_reference,
    fingerprint: str = "",
) -> Outcome[T]:
    """Run `action` once per (municipality, owner, key); a repeat returns the first outcome as a replay.

    Without a key the action simply runs. The action's ValidationError leaves no key behind, so a
    corrected retry with the same key runs again."""
    if not key:
        result = action()
        return Outcome(result=result, reference=reference(result), replayed=False)
    with transaction.atomic():
        mine = IdempotencyKey.objects.filter(municipality=municipality, owner=owner)
        mine.filter(created_at__lt=_expiry()).delete()
        try:
            # A savepoint: on PostgreSQL a concurrent twin waits here until the first commits.
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    municipality=municipality, owner=owner, key=key, scope=scope, fingerprint=fingerprint
                )
        except IntegrityError:
            first = mine.get(key=key)
            if first.scope != scope or first.fingerprint != fingerprint:
                raise KeyReused(_("Deze sleutel is al gebruikt voor een ander verzoek."), code="key_reused")
            return Outcome(result=None, reference=first.result, replayed=True)
        result = action()
        record.result = reference(result)
        record.save(update_fields=["result"])
    return Outcome(result=result, reference=record.result, replayed=False)


def clean_key(value: str | None) -> str | None:
    """A key as sent, checked: 1 to 100 visible ASCII characters; empty means none."""
    if value is None or value == "":
        return None
    if len(value) > MAX_KEY or not all("!" <= char <= "~" for char in value):
        raise ValidationError(
            _("De idempotentiesleutel is ongeldig: gebruik 1 tot %(n)d zichtbare ASCII-tekens.") % {"n": MAX_KEY},
            code="invalid_key",
        )
    return value


def key_from_header(request) -> str | None:
    """The `Idempotency-Key` header, checked (ValidationError when malformed); None when absent."""
    return clean_key(request.headers.get(HEADER))


def key_from_form(request) -> str | None:
    """The hidden `idempotency_key` field of a posted form: a UUID, or None when the form has none."""
    value = request.POST.get(FIELD, "")
    if not value:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValidationError(_("Dit formulier is niet goed meegekomen. Laad de pagina opnieuw."), code="invalid_key")


def owner_for(request) -> str:
    """Whose key it is: the logged-in user, else the browser session, else anyone (keys are random UUIDs)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        return f"session:{session.session_key}"
    return "anonymous"


def owner_for_token(raw_token: str) -> str:
    """The owner for an API token: a hash, so the token itself is never stored here."""
    return "token:" + hashlib.sha256(raw_token.encode()).hexdigest()[:40]


def fingerprint_of(body: bytes) -> str:
    """A fingerprint of a request body alone; keys are bound with `request_fingerprint`."""
    return hashlib.sha256(body).hexdigest()


def request_fingerprint(request, body: bytes | None = None) -> str:
    """What a key is bound to: the method, the path with its query, and a hash of the body (`body` when given,
    e.g. the parsed JSON written canonically; else the raw body). A retry matches; any other request does not."""
    body_hash = fingerprint_of(request.body if body is None else body)
    return hashlib.sha256(f"{request.method}\n{request.get_full_path()}\n{body_hash}".encode()).hexdigest()


def idempotency_prune() -> int:
    """Remove expired keys of every municipality; returns how many."""
    deleted, _details = IdempotencyKey.objects.filter(created_at__lt=_expiry()).delete()
    return deleted
