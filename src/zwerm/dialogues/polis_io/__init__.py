"""Pol.is open-data export format: reader and writer (standard library only, no Django)."""

from .model import PolisComment, PolisExport, PolisFormatError, PolisVote
from .reader import read_export
from .writer import latest_votes, write_export

__all__ = [
    "PolisComment",
    "PolisExport",
    "PolisFormatError",
    "PolisVote",
    "latest_votes",
    "read_export",
    "write_export",
]
