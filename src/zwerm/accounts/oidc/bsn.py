"""The BSN from a DigiD log-in is checked (11-test) and kept only as a keyed hash (HMAC-SHA256).

A keyed hash, not a plain one: there are only a billion BSNs, so a plain hash is undone by trying them
all. Without the key (ZWERM_BSN_HASH_KEY, kept apart from the database) the hashes reveal nothing."""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.nl import bsn as stdnum_bsn


class InvalidBsn(ValueError):
    """The value is not a BSN (wrong length, characters or 11-test). Its message holds no digits."""


MIN_KEY_LENGTH = 32


def key_configured() -> bool:
    return len(settings.ZWERM_BSN_HASH_KEY) >= MIN_KEY_LENGTH


def _key() -> bytes:
    key = settings.ZWERM_BSN_HASH_KEY
    if len(key) < MIN_KEY_LENGTH:
        # Also checked at start-up; checked again here so that no log-in ever hashes with a weak key.
        raise ImproperlyConfigured("ZWERM_BSN_HASH_KEY is missing or shorter than 32 characters.")
    return key.encode()


def bsn_hash(value: str) -> str:
    """The keyed hash of a valid BSN, the same for every way of writing it (dots, spaces, leading zero)."""
    try:
        number = stdnum_bsn.validate(str(value))
    except StdnumValidationError:
        raise InvalidBsn("not a valid BSN") from None
    return hmac.new(_key(), number.encode(), hashlib.sha256).hexdigest()


def subject_hash(*, issuer: str, subject: str) -> str:
    """The broker's `sub` under the same key: some brokers use the BSN (or a value close to it) as `sub`."""
    return hmac.new(_key(), f"{issuer}\n{subject}".encode(), hashlib.sha256).hexdigest()
