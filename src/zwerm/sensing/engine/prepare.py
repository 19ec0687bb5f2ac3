"""One text in, its analysable form out: redacted, language detected, lemmatised.

Every path into the engine (build, assignment, routing, mood) goes through `prepare`, so a text is
never analysed or stored for analysis before its personal data is masked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zwerm.sensing.engine.language import DEFAULT, detect
from zwerm.sensing.engine.normalise import analyse, normalise
from zwerm.sensing.engine.redaction import DEFAULT_POLICY, RedactionPolicy, redact
from zwerm.sensing.engine.vectorisers import Document

# Longer texts are cut before analysis: the first pages say what the text is about, and a
# pasted report of a megabyte must not stall a build. The importer refuses far longer ones.
MAX_ANALYSED_CHARS = 20_000


@dataclass(frozen=True)
class PreparedText:
    text: str  # redacted and normalised
    language: str
    lemmas: tuple[str, ...]
    redacted_kinds: tuple[str, ...]  # kinds of personal data that were masked (never the data)

    @property
    def document(self) -> Document:
        return Document(text=self.text, lemmas=" ".join(self.lemmas))


def prepare(
    text: str, *, policy: RedactionPolicy = DEFAULT_POLICY, default_language: str = DEFAULT, language: str | None = None
) -> PreparedText:
    """Redact, normalise, detect the language (unless given) and lemmatise one text."""
    text = normalise(text[:MAX_ANALYSED_CHARS])
    redacted = redact(text, policy=policy)
    lang = language or detect(redacted.text, default=default_language).code
    tokens = analyse(redacted.text, lang)
    return PreparedText(redacted.text, lang, tokens.lemmas, tuple(redacted.kinds))


def prepare_many(
    texts: Iterable[str], *, policy: RedactionPolicy = DEFAULT_POLICY, default_language: str = DEFAULT
) -> list[PreparedText]:
    return [prepare(t, policy=policy, default_language=default_language) for t in texts]
