"""The idempotency key a submission form carries (see zwerm.core.idempotency)."""

import uuid

from django import template

register = template.Library()


@register.simple_tag
def new_idempotency_key() -> str:
    """A fresh key per rendered form: a retry of that one submission repeats it, a new page gets a new one."""
    return str(uuid.uuid4())
