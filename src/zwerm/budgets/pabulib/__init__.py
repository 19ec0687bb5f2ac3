"""Pabulib ``.pb`` files: reading and writing (plain Python, no Django)."""

from .reader import PabulibError, parse_pb, read_pb
from .writer import format_pb, write_pb

__all__ = ["PabulibError", "format_pb", "parse_pb", "read_pb", "write_pb"]
