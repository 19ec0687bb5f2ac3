"""POST /signalen/api/meldingen: one report as JSON from a staff system (token) or a staff session.

An optional `Idempotency-Key` header makes a retry safe: the same key and body answer as the first
time (with `Idempotent-Replayed: true`), the same key with another request (path or body) gets 422.
Rate limits per client address: ZWERM_SENSING_REPORTS_PER_MINUTE reports, and failed tokens count towards
ZWERM_API_TOKEN_FAILURES_PER_HOUR (shared with the REST API); over either, 429 with Retry-After."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zwerm.accounts.decorators import staff_verified
from zwerm.core import idempotency
from zwerm.core.limits import reports_wait, token_failure_count, token_failures_wait

from .. import services
from .staff import IMPORT_ROLES

MAX_BODY = 64 * 1024


def _error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def _too_many(wait: int, message: str) -> JsonResponse:
    response = _error(429, message)
    response["Retry-After"] = str(wait)
    return response


def _token(request) -> str:
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() in ("token", "bearer") else ""


@csrf_exempt  # token clients have no CSRF cookie; session clients are checked below
@require_POST
def report_post(request):
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        return _error(413, f"Request body too large: at most {MAX_BODY} bytes.")
    wait = reports_wait(request)
    if wait is not None:
        return _too_many(
            wait, f"Too many reports from this address: at most {settings.ZWERM_SENSING_REPORTS_PER_MINUTE} a minute."
        )
    if "Authorization" in request.headers:
        wait = token_failures_wait(request)
        if wait is not None:
            return _too_many(wait, "Too many failed token attempts from this address.")
        if not services.api_token_valid(municipality=request.municipality, raw=_token(request)):
            token_failure_count(request)
            return _error(401, "Invalid or revoked token.")
    elif staff_verified(request, *IMPORT_ROLES):
        if CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is not None:
            return _error(403, "CSRF check failed: send the csrftoken cookie and the X-CSRFToken header.")
    else:
        response = _error(401, "Authentication required: 'Authorization: Token <token>' or a staff session.")
        response["WWW-Authenticate"] = 'Token realm="zwerm"'
        return response
    if request.content_type != "application/json":
        return _error(415, "Send the report as application/json.")
    body = request.body
    if len(body) > MAX_BODY:
        return _error(413, f"Request body too large: at most {MAX_BODY} bytes.")
    try:
        payload = json.loads(body.decode("utf-8"))
        # A lone surrogate ("\ud800") parses, but no database can store it: refuse it here.
        text = json.dumps(payload, ensure_ascii=False)
        text.encode("utf-8")
    except (ValueError, RecursionError) as error:  # bad UTF-8 or JSON, or an integer of thousands of digits
        return _error(400, f"The body is not valid JSON: {error}")
    if "\\u0000" in text:  # PostgreSQL cannot store a NUL character
        return _error(400, "The body contains a NUL character (\\u0000).")
    try:
        key = idempotency.key_from_header(request)
    except ValidationError:
        return _error(400, "Invalid Idempotency-Key header: use 1 to 100 visible ASCII characters.")
    token = _token(request) if "Authorization" in request.headers else ""
    try:
        outcome = idempotency.run_once(
            municipality=request.municipality,
            owner=idempotency.owner_for_token(token) if token else idempotency.owner_for(request),
            key=key,
            scope="sensing.report",
            action=lambda: services.report_receive(municipality=request.municipality, payload=payload),
            reference=lambda text: json.dumps(_answer(text)),
            fingerprint=idempotency.request_fingerprint(request, body),
        )
    except idempotency.KeyReused:
        return _error(422, "This Idempotency-Key was used before with a different request.")
    except ValidationError as error:
        return _error(400, "The report was not accepted.", fields=error.message_dict)
    response = HttpResponse(outcome.reference, content_type="application/json", status=201)
    if outcome.replayed:
        response["Idempotent-Replayed"] = "true"
    return response


def _answer(text) -> dict:
    return {
        "id": text.pk,
        "source_id": text.source_id,
        "theme": text.theme.key if text.theme_id else None,
        "category": text.category or None,
        "needs_person": text.needs_person,
    }
