"""A theme's name as residents wrote it: a short phrase from its texts, in surface form (issue #14.1).

Candidates are the word n-grams (1-4 words, lower-cased, as written: no lemmas) of the theme's texts.
A candidate may not begin or end with a function word (the language's stop words, negations such as
"niet", adverbs such as "graag" or "echt") and needs a content word of at least 4 letters. Each is
scored by how many of the theme's texts hold it (coverage, to the power 1.5) times how much more often than outside the
theme (lift, square-rooted), with a bonus for phrases of 2-4 words, which read better than a lone
word; the best is the name. So a name is always something written in at least a share of the texts,
and explainable: `name_candidates` lists the scores.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .normalise import NEGATIONS, normalise, stop_words

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
MIN_CONTENT = 4
MIN_COVERAGE = 0.08
PHRASE_BONUS = 0.35
# Words that may stand inside a name but never lead or end it, beyond the stop-word lists.
ADVERBS = frozenset(
    {
        "graag", "echt", "heel", "erg", "zeer", "gewoon", "steeds", "vaak", "altijd", "nooit", "even", "weer",
        "helaas", "eigenlijk", "best", "wel", "toch", "soms", "ook", "nu", "dan", "daar", "hier", "bitte",
        "sehr", "immer", "leider", "really", "please", "very", "always", "staat", "zijn", "wordt", "worden",
        "gaat", "komt", "moet", "kan", "mag", "heeft", "hebben", "ist", "sind", "wird", "gibt",
    }
)  # fmt: skip


LANGUAGES = ("nl", "de", "en")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Stop words of every language the engine reads, negations and the ADVERBS: texts mix languages,
    and no name may lead with a function word of any of them."""
    return frozenset().union(*(stop_words(language) for language in LANGUAGES)) | NEGATIONS | ADVERBS


def _words(text: str) -> list[str]:
    return _WORD.findall(_PLACEHOLDER.sub(" ", normalise(text)).lower())


def _grams(words: list[str], function: frozenset[str]) -> set[str]:
    out = set()
    for n in (1, 2, 3, 4):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in function or gram[-1] in function:
                continue
            if not any(len(w) >= MIN_CONTENT and w not in function for w in gram):
                continue
            out.add(" ".join(gram))
    return out


def name_candidates(inside: Sequence[str], outside: Sequence[str]) -> list[tuple[str, float]]:
    """(phrase, score) for the phrases of `inside` texts, best first (see the module docstring)."""
    function = function_words()
    count_in: Counter[str] = Counter()
    for text in inside:
        count_in.update(_grams(_words(text), function))
    if not count_in:
        return []
    wanted = {g for g, c in count_in.items() if c / len(inside) >= MIN_COVERAGE and c >= 2}
    count_out: Counter[str] = Counter()
    for text in outside:
        count_out.update(_grams(_words(text), function) & wanted)
    scored = []
    for gram in wanted:
        coverage = count_in[gram] / len(inside)
        share_out = (count_out[gram] + 0.5) / (len(outside) + 1)
        lift = max(coverage / share_out, 1e-9)
        if lift <= 1.0:
            continue
        score = coverage**1.5 * math.sqrt(lift) * (1 + PHRASE_BONUS * (len(gram.split()) - 1))
        scored.append((gram, round(score, 4)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored


def theme_name(inside: Sequence[str], outside: Sequence[str]) -> str | None:
    """The best phrase for a theme of `inside` texts against the `outside` ones, or None."""
    candidates = name_candidates(inside, outside)
    return candidates[0][0] if candidates else None


def led_by_function_word(name: str) -> bool:
    words = _words(name)
    return bool(words) and words[0] in function_words()


def label_coverage(name: str, texts: Sequence[str]) -> float:
    """Share of `texts` that hold every content word of `name` as written."""
    function = function_words()
    content = {w for w in _words(name) if w not in function}
    if not texts or not content:
        return 0.0
    return sum(content <= set(_words(t)) for t in texts) / len(texts)
