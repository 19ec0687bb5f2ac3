"""Writes through the API: a service call, answered 201, once per Idempotency-Key."""

import json
from collections.abc import Callable

from rest_framework import status
from rest_framework.response import Response

from zwerm.core import idempotency

from ..models import ApiToken

REPLAYED = "Idempotent-Replayed"


def _owner(request) -> str:
    if isinstance(request.auth, ApiToken):
        return f"api-token:{request.auth.pk}"
    return idempotency.owner_for(request)


def answer_once(request, *, scope: str, action: Callable, answer: Callable[[object], dict]) -> Response:
    """Run `action` (a service call) and answer 201 with `answer(result)`. With an Idempotency-Key a
    repeat answers the first answer again (Idempotent-Replayed: true) and writes nothing."""
    outcome = idempotency.run_once(
        municipality=request.municipality,
        owner=_owner(request),
        key=idempotency.key_from_header(request),
        scope=scope,
        action=action,
        reference=lambda result: json.dumps(answer(result), default=str),
        # Method, path and the parsed body (the same JSON with other spacing counts as the same request).
        fingerprint=idempotency.request_fingerprint(
            request, json.dumps(request.data, sort_keys=True, default=str).encode()
        ),
    )
    response = Response(json.loads(outcome.reference), status=status.HTTP_201_CREATED)
    if outcome.replayed:
        response[REPLAYED] = "true"
    return response
