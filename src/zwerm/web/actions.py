"""Run a service call from a view and turn its refusal into a message the resident reads."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def perform(request, action, *, success: str = "") -> bool:
    """Call `action()`; on a ValidationError show its messages and return False."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    if success:
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
