"""Time spent waiting on the database and the cache in the current request, for the metrics.

A request (zwerm.monitoring.middleware) opens a tally; the cache client (core.cache) and the database
wrapper add to it. Outside a request nothing is tallied and adding costs a dictionary look-up."""

from contextvars import ContextVar

_tally: ContextVar[dict[str, float] | None] = ContextVar("zwerm_timing", default=None)


def tally_start() -> None:
    _tally.set({"db": 0.0, "cache": 0.0})


def tally_add(kind: str, seconds: float) -> None:
    tally = _tally.get()
    if tally is not None:
        tally[kind] = tally.get(kind, 0.0) + seconds


def tally_finish() -> dict[str, float]:
    tally = _tally.get() or {}
    _tally.set(None)
    return tally
