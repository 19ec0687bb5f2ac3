"""Person names found by deduce (Dutch de-identification), loaded once per process.

deduce builds a lookup cache on its first start (~90 s) and loads it in a few seconds afterwards;
the object is built lazily, once per process (a web worker or `zwerm db_worker` process), under a
lock. Build the cache at setup with `zwerm sensing name-cache` (`scripts/setup` and the container
image do). The cache lives in ZWERM_DEDUCE_CACHE, else ZWERM_DATA_DIR/cache/deduce, else
~/.cache/zwerm/deduce.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from deduce import Deduce

from .patterns import NAME, Finding

# deduce tags that denote a person; locations, dates and institutions stay: they carry the theme.
_PERSON_TAGS = frozenset({"persoon", "patient"})
_CACHE_SUBDIR = "cache"  # deduce appends its own "cache/lookup_structs.pickle" under our path

_deduce: Deduce | None = None
_lock = threading.Lock()


def name_cache_path() -> Path:
    """Where deduce keeps its lookup cache (see module docstring for the order)."""
    explicit = os.environ.get("ZWERM_DEDUCE_CACHE")
    if explicit:
        return Path(explicit)
    data_dir = os.environ.get("ZWERM_DATA_DIR")
    if data_dir:
        return Path(data_dir) / "cache" / "deduce"
    return Path.home() / ".cache" / "zwerm" / "deduce"


def name_cache_exists() -> bool:
    return (name_cache_path() / _CACHE_SUBDIR / "lookup_structs.pickle").is_file()


def _get_deduce() -> Deduce:
    global _deduce
    if _deduce is None:
        with _lock:
            if _deduce is None:
                path = name_cache_path()
                path.mkdir(parents=True, exist_ok=True)
                _deduce = Deduce(cache_path=path)
    return _deduce


def build_name_cache() -> Path:
    """Build (or load) deduce's lookup cache now, so later name masking starts in seconds."""
    _get_deduce()
    return name_cache_path()


def names_in(text: str) -> list[Finding]:
    """The spans deduce tags as a person, except one ordinary word that is capitalised only because it starts
    a sentence or a title ("Kunst op de transformatorhuisjes", "Groen in de straat"): deduce takes those for
    surnames. Names after a cue word ("groet", "ik ben") are found by the patterns, whatever the word."""
    if not text.strip():
        return []
    deduce = _get_deduce()
    common = deduce.lookup_structs["common_word"]
    result = deduce.deidentify(text)
    return [
        Finding(NAME, a.start_char, a.end_char)
        for a in result.annotations
        if a.tag in _PERSON_TAGS and not _ordinary_word_opening_a_sentence(text, a.start_char, a.text, common)
    ]


def _ordinary_word_opening_a_sentence(text: str, start: int, found: str, common) -> bool:
    if " " in found.strip() or found.lower() not in common:
        return False
    before = text[:start].rstrip()
    return before == "" or before[-1] in ".!?:\n"
