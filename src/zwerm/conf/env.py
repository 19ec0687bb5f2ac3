"""Read settings from the environment, each with a documented default (docs/operations.md).

A value that cannot be read stops start-up with a message that names the variable: `ZWERM_SECURE_COOKIES=treu`
must never quietly mean "off"."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on", "ja"})
FALSE = frozenset({"0", "false", "no", "off", "nee"})


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value: use one of {', '.join(sorted(TRUE))} "
        f"or {', '.join(sorted(FALSE))} (or leave it unset for the default, {'true' if default else 'false'})."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number (default: {default}).") from None


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of a fixed set of words; anything else stops start-up (a typo must not select the default)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip() not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of: {', '.join(choices)}.")
    return value.strip()


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
