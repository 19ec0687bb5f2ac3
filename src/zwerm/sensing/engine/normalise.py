"""Normalisation, tokenisation, lemmatisation (simplemma) and stop words (stopwordsiso).

Both packages ship their data. Negations are deliberately kept out of the stop lists: the mood
score needs them, and "geen parkeerplek" is a different theme signal from "parkeerplek".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from zwerm.sensing.engine.language import ANALYSED

NEGATIONS = frozenset(
    {
        "niet",
        "geen",
        "nooit",
        "niets",
        "niemand",
        "nergens",
        "not",
        "no",
        "never",
        "nothing",
        "nobody",
        "nowhere",
        "none",
        "nor",
        "n't",
        "cannot",
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
    }
)
# Greetings and sign-offs ("Beste gemeente, ... Met vriendelijke groet") say nothing about a theme
# but are frequent enough to pull texts together; they are dropped like stop words.
BOILERPLATE = frozenset(
    {
        "beste",
        "geachte",
        "hallo",
        "hoi",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
        "groet",
        "groeten",
        "vriendelijk",
        "hartelijk",
        "alvast",
        "bedankt",
        "dank",
        "danken",
        "mvg",
        "aandacht",
        "melding",
        "dear",
        "hello",
        "regards",
        "sincerely",
        "thanks",
        "thank",
        "liebe",
        "lieber",
        "geehrte",
        "geehrter",
        "gruß",
        "grüße",
        "freundlich",
        "danke",
        "vielen",
        "mfg",
    }
)
# Placeholders the redaction leaves behind are dropped from tokens: they say nothing about a theme.
_PLACEHOLDER_RE = re.compile(r"\[[a-z\- ]{2,30}\]")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\ufeff]")
_SPACE_RE = re.compile(r"\s+")
# A token: letters (with inner apostrophes or hyphens), or digits; nothing else survives.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+", re.UNICODE)
MAX_TOKEN_LENGTH = 40


@dataclass(frozen=True)
class Tokens:
    """The analysed form of one text: lemmas without stop words, in order."""

    language: str
    lemmas: tuple[str, ...]

    def joined(self) -> str:
        return " ".join(self.lemmas)


def normalise(text: str) -> str:
    """NFKC, control characters removed, URLs replaced, whitespace collapsed; case is kept."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL_RE.sub(" ", text)
    text = _URL_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def tokenise(text: str) -> list[str]:
    """Lower-cased word tokens; digits-only tokens are kept (a bus line, a street number range)."""
    text = _PLACEHOLDER_RE.sub(" ", text)
    return [t for t in _TOKEN_RE.findall(text.lower()) if len(t) <= MAX_TOKEN_LENGTH]


@lru_cache(maxsize=16)
def stop_words(language: str) -> frozenset[str]:
    """stopwordsiso's list for `language` plus greetings, minus negations."""
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return BOILERPLATE
    return (frozenset(stopwordsiso.stopwords(language)) | BOILERPLATE) - NEGATIONS


@lru_cache(maxsize=200_000)
def lemma(token: str, language: str) -> str:
    """simplemma's lemma for a lower-cased token (lower-cased again: German nouns come back capitalised)."""
    if language not in ANALYSED or token.isdigit():
        return token
    import simplemma

    return simplemma.lemmatize(token, lang=language).lower()


def analyse(text: str, language: str) -> Tokens:
    """Tokens of `text` as lemmas, stop words and one-letter tokens removed, negations kept."""
    stops = stop_words(language)
    lemmas = []
    for token in tokenise(normalise(text)):
        if token in NEGATIONS:
            lemmas.append(token)
            continue
        if len(token) < 2 or token in stops:
            continue
        form = lemma(token, language)
        if form not in stops and len(form) > 1:
            lemmas.append(form)
    return Tokens(language, tuple(lemmas))
