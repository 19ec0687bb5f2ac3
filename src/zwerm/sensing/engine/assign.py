"""Assignment of new texts to the current themes, as they arrive.

The text is prepared exactly as in the build (redaction, language, lemmas), projected with the
build's own fitted vectoriser and compared with every theme centre by cosine similarity. The
nearest theme wins if it is at least the model's `min_similarity`; otherwise the text has no
theme yet and waits for the next refresh. With the default vectoriser this takes about a
millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from zwerm.sensing.engine.prepare import PreparedText, prepare
from zwerm.sensing.engine.redaction import DEFAULT_POLICY, RedactionPolicy
from zwerm.sensing.engine.themes import ThemeModel


@dataclass(frozen=True)
class Assignment:
    theme_id: str | None
    similarity: float  # cosine to the chosen (or nearest) theme centre
    language: str


def assign_prepared(model: ThemeModel, prepared: Sequence[PreparedText]) -> list[Assignment]:
    """Assignments for texts already prepared (the build's pipeline uses this)."""
    if not prepared:
        return []
    if not model.themes:
        return [Assignment(None, 0.0, p.language) for p in prepared]
    vectors = model.vectoriser.transform([p.document for p in prepared])
    sims = vectors @ model.centroids.T
    best = sims.argmax(axis=1)
    out = []
    for p, row, b in zip(prepared, sims, best, strict=False):
        score = float(row[b])
        theme = model.themes[b].id if p.lemmas and score >= model.min_similarity else None
        out.append(Assignment(theme, round(score, 4), p.language))
    return out


def assign(model: ThemeModel, text: str, *, policy: RedactionPolicy = DEFAULT_POLICY) -> Assignment:
    """The theme of one new text (or None), with the similarity behind the choice."""
    return assign_prepared(model, [prepare(text, policy=policy)])[0]


def assign_many(
    model: ThemeModel, texts: Sequence[str], *, policy: RedactionPolicy = DEFAULT_POLICY
) -> list[Assignment]:
    return assign_prepared(model, [prepare(t, policy=policy) for t in texts])


def nearest_themes(model: ThemeModel, text: str, n: int = 3) -> list[tuple[str, float]]:
    """The `n` closest themes with their similarity: the explanation shown beside an assignment."""
    if not model.themes:
        return []
    prepared = prepare(text)
    sims = (model.vectoriser.transform([prepared.document]) @ model.centroids.T)[0]
    order = np.argsort(-sims)[:n]
    return [(model.themes[i].id, round(float(sims[i]), 4)) for i in order]
