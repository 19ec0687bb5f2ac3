"""The shape of an API token: a recognisable prefix and 256 random bits; stored as a SHA-256 hash."""

import hashlib
import secrets

# Lets the token class tell our tokens from an OIDC access token (a JWT), and secret scanners find leaks.
PREFIX = "zwerm_"


def token_new() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def is_ours(raw: str) -> bool:
    return raw.startswith(PREFIX)
