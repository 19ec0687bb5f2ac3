"""Language detection with py3langid (its model ships inside the package; nothing is downloaded).

The identifier is restricted to the languages a Dutch municipality actually receives, which makes
short texts far more reliable than choosing among all 97 languages langid knows.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

# Languages we analyse fully (lemmas, stop words, mood) come first; the others are recognised so
# that a Turkish or Polish text is not mistaken for Dutch, and are analysed with light rules only.
ANALYSED = ("nl", "en", "de")
RECOGNISED = ANALYSED + ("fr", "es", "it", "pl", "tr", "ar", "pt")
DEFAULT = "nl"
# Below this many letters a guess is unreliable; the caller's default language is used instead.
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.5
DETECT_CHARS = 1000  # the first thousand characters settle the language; more only costs time
_NON_LETTERS = re.compile(r"[\W\d_]+")

_identifier = None
_lock = threading.Lock()


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    confidence: float  # 0..1, normalised probability from langid; 0.0 when defaulted
    guessed: bool  # False when the text was too short or unclear and `default` was used


def _get_identifier():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import _load_identifier

                _identifier = _load_identifier(norm_probs=True, langs=list(RECOGNISED))
    return _identifier


def detect(text: str, *, default: str = DEFAULT) -> Language:
    """The language of `text`; `default` when the text is too short or the guess is unsure."""
    sample = text[:DETECT_CHARS]
    if len(_NON_LETTERS.sub("", sample)) < MIN_LETTERS:
        return Language(default, 0.0, False)
    code, confidence = _get_identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return Language(default, float(confidence), False)
    return Language(str(code), float(confidence), True)


def dominant(codes: list[str], *, default: str = DEFAULT) -> str:
    """The most common analysed language in a collection (ties go to `default`)."""
    counts: dict[str, int] = {}
    for code in codes:
        if code in ANALYSED:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return default
    best = max(counts.values())
    return default if counts.get(default) == best else max(counts, key=counts.__getitem__)
