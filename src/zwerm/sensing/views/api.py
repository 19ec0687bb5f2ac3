"""POST /signalen/api/meldingen: one report as JSON from a staff system (token) or a staff session."""

import json

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zwerm.accounts.decorators import staff_verified

from .. import services
from .staff import IMPORT_ROLES

MAX_BODY = 64 * 1024


def _error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


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
    if "Authorization" in request.headers:
        if not services.api_token_valid(municipality=request.municipality, raw=_token(request)):
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
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return _error(400, f"The body is not valid JSON: {error}")
    try:
        text = services.report_receive(municipality=request.municipality, payload=payload)
    except ValidationError as error:
        return _error(400, "The report was not accepted.", fields=error.message_dict)
    return JsonResponse(
        {
            "id": text.pk,
            "source_id": text.source_id,
            "theme": text.theme.key if text.theme_id else None,
            "category": text.category or None,
            "needs_person": text.needs_person,
        },
        status=201,
    )
