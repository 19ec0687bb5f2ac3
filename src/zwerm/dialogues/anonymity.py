"""Anonymous votes in a dialogue (ADR 0029): what replaces the account, the cookie, the id order and the time.

Where a dialogue promises anonymity (`Dialogue.anonymous_votes`), a participant row holds no account and no
cookie, only a **pseudonym**: a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY) of the dialogue
and the account id or cookie. The server can find "my votes" again from the person's session, which "one
vote per statement" and "change your vote" need; the database alone cannot (the key is not in it), and
erasure and retention clear the pseudonym, after which nobody can. Statements keep an author key of their
own (a hash of the pseudonym), so statements of one author belong together without pointing at the votes.

Rows get random ids (the order of ids would otherwise be the order in which people first voted, which a
log-in record could be laid next to) and times cut to the day (UTC midnight)."""

import datetime
import secrets

from django.utils import timezone
from django.utils.crypto import salted_hmac

_SALT = "zwerm.dialogues.anonymous-votes"
# Random ids above every id a sequence will reach, below 2**53 (exact in JSON and JavaScript).
_RANDOM_ID_FROM, _RANDOM_ID_TO = 2**40, 2**53


def _keyed(*parts) -> str:
    return salted_hmac(_SALT, "\n".join(str(p) for p in parts), algorithm="sha256").hexdigest()


def participant_pseudonym(*, dialogue_id: int, user_id: int | None = None, anonymous_key=None) -> str:
    """The pseudonym of an account (or else a cookie) in one dialogue; the same person gets another one in
    every dialogue, so two dialogues cannot be joined on it either."""
    if user_id is not None:
        return _keyed("user", dialogue_id, user_id)
    if anonymous_key is None:
        raise ValueError("a pseudonym needs an account or a cookie")
    return _keyed("cookie", dialogue_id, anonymous_key)


def statement_author_key(*, dialogue_id: int, pseudonym: str) -> str:
    """Who wrote a statement, as a hash of the writer's pseudonym (never the participant row)."""
    return _keyed("author", dialogue_id, pseudonym)


def random_id() -> int:
    """A row id that says nothing about when the row was written."""
    return _RANDOM_ID_FROM + secrets.randbelow(_RANDOM_ID_TO - _RANDOM_ID_FROM)


def day(moment: datetime.datetime | None = None) -> datetime.datetime:
    """`moment` (default now) cut to the day: UTC midnight."""
    moment = (moment or timezone.now()).astimezone(datetime.UTC)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)
