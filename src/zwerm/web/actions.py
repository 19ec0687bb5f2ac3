"""Run a service call from a view and turn its refusal into a message the resident reads."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zwerm.core.idempotency import (
    Outcome,
    default_reference,
    key_from_form,
    owner_for,
    request_fingerprint,
    run_once,
)

T = TypeVar("T")

ALREADY_SENT = _("Dit was al verstuurd.")


def perform(request, action, *, success: str = "") -> bool:
    """Call `action()`; on a ValidationError show its messages and return False."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    if success and not was_replayed(request):
        messages.success(request, success)
    return True


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where it names a field the form has."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_form(form, call) -> bool:
    """Run `call()` when the form is valid; a service's refusal lands on the form. Nothing is half-saved:
    every service runs in one transaction."""
    if not form.is_valid():
        return False
    try:
        call()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def submit_once(
    request, scope: str, call: Callable[[], T], *, reference: Callable[[T], str] = default_reference
) -> Outcome[T]:
    """Run `call()` once per posted `idempotency_key` (web/_idempotency_key.html in the form).

    A retry of the same submission (double click, refresh, a lost answer) stores nothing new and says
    "Dit was al verstuurd."; `outcome.reference` holds what the first one stored (its page, by default).
    Raises the call's ValidationError, and one for a malformed key."""
    outcome = run_once(
        municipality=request.municipality,
        owner=owner_for(request),
        key=key_from_form(request),
        scope=scope,
        action=call,
        reference=reference,
        # Bound to the method and path only: a form's key is made for one page, and a retry may carry
        # another CSRF token in its body.
        fingerprint=request_fingerprint(request, b""),
    )
    if outcome.replayed:
        request.idempotency_replayed = True
        messages.info(request, ALREADY_SENT)
    return outcome


def once(request, scope: str, call: Callable[[], T], **options) -> Callable[[], Outcome[T]]:
    """`submit_once` as a call for later, to hand to `perform` or `save_form`."""
    return lambda: submit_once(request, scope, call, **options)


def was_replayed(request) -> bool:
    """Whether this request repeated an earlier submission (then skip the success message)."""
    return getattr(request, "idempotency_replayed", False)


def success_once(request, message) -> None:
    """The success message, unless this request was a repeat that already says "Dit was al verstuurd."."""
    if not was_replayed(request):
        messages.success(request, message)
