"""Every API error as application/problem+json (RFC 9457, as the NL API Design Rules ask).

    {"type": "urn:zwerm:problem:not-found", "title": "Niet gevonden", "status": 404,
     "detail": "...", "instance": "/api/v1/initiatives/7",
     "invalid-params": [{"name": "reason", "reason": "..."}]}   # only for 400 with field errors

Services raise Django's ValidationError and PermissionDenied; they become 400 and 403 here."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from zwerm.core.idempotency import KeyReused

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:zwerm:problem:"
NON_FIELD_KEYS = ("non_field_errors", "__all__")

TITLES = {
    400: gettext_lazy("Ongeldig verzoek"),
    401: gettext_lazy("Niet aangemeld"),
    403: gettext_lazy("Geen toegang"),
    404: gettext_lazy("Niet gevonden"),
    405: gettext_lazy("Methode niet toegestaan"),
    406: gettext_lazy("Antwoordformaat niet beschikbaar"),
    415: gettext_lazy("Formaat van de inhoud niet ondersteund"),
    422: gettext_lazy("Verzoek niet te verwerken"),
    429: gettext_lazy("Te veel verzoeken"),
}


class KeyReusedProblem(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "key_reused"
    default_detail = gettext_lazy("Deze Idempotency-Key is al gebruikt voor een ander verzoek.")


def _from_django(exc: Exception) -> Exception:
    """Django's exceptions from services, as DRF's, keeping their (Dutch) messages."""
    if isinstance(exc, KeyReused):
        return KeyReusedProblem()
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    return exc


def _invalid_params(detail, name: str = "") -> list[dict]:
    """Flatten DRF's error detail into [{"name": "field.sub", "reason": "..."}]."""
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            out += _invalid_params(value, f"{name}.{key}" if name else str(key))
        return out
    if isinstance(detail, list):
        out = []
        for index, value in enumerate(detail):
            out += _invalid_params(value, name if isinstance(value, str) else f"{name}.{index}")
        return out
    return [{"name": name, "reason": str(detail)}]


def problem(*, status_code: int, code: str, detail: str, instance: str, invalid_params: list | None = None) -> dict:
    body = {
        "type": TYPE_PREFIX + code.replace("_", "-"),
        "title": str(TITLES.get(status_code, _("Fout"))),
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if invalid_params is not None:
        body["invalid-params"] = invalid_params
    return body


def exception_handler(exc, context):
    """DRF's handler (status, WWW-Authenticate and Retry-After headers), with a problem+json body."""
    exc = _from_django(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: a server error, handled (and logged) by Django
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        general = [str(m) for key in NON_FIELD_KEYS for m in _as_list(detail.get(key))]
        fields = _invalid_params({k: v for k, v in detail.items() if k not in NON_FIELD_KEYS})
        body = problem(
            status_code=response.status_code,
            code="invalid",
            detail=" ".join(general) or _("Niet alle gegevens zijn goed; zie invalid-params."),
            instance=instance,
            invalid_params=fields,
        )
    else:
        codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        body = problem(
            status_code=response.status_code,
            code=codes if isinstance(codes, str) else "error",
            detail=str(exc.detail) if isinstance(exc, exceptions.APIException) else str(exc),
            instance=instance,
        )
    response.data = body
    response.content_type = PROBLEM_JSON
    return response


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
