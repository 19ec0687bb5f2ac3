"""When a recorded step happened: now, or an earlier moment given explicitly.

Services that keep a history accept `at` (keyword, default now) so that history can be recorded as it
happened (the demo's year of back-dated history, an import of earlier records) through the same checks,
never by editing rows afterwards. A moment in the future is refused: history cannot be written ahead."""

import datetime

from django.utils import timezone


def moment(at: datetime.datetime | None = None) -> datetime.datetime:
    """`at`, or now when it is None; a moment after now is a programming error (ValueError)."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        raise ValueError("a moment must carry its time zone")
    if at > now:
        raise ValueError("a recorded step cannot lie in the future")
    return at
