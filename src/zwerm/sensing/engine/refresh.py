"""Stable theme ids across refreshes.

A refresh re-learns the vector space, so old and new theme centres cannot be compared directly.
Each theme therefore carries a term signature (its mean TF-IDF over its top terms); old and new
themes are compared by the cosine of their signatures and paired one-to-one by the Hungarian
method (scipy's linear_sum_assignment). A pair at least `MIN_MATCH` alike keeps the old id; any
other new theme gets a fresh id, and an old theme without a partner has ended. (themes.py also
starts the refresh's k-means from the previous themes, so that continuing themes stay put.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from zwerm.sensing.engine.themes import Theme, ThemeModel

MIN_MATCH = 0.3


@dataclass(frozen=True)
class ThemeMatch:
    old_id: str
    new_index: int
    similarity: float


def signature_similarity(old: Sequence[Theme], new: Sequence[Theme]) -> np.ndarray:
    """Cosine similarity of term signatures, old themes as rows, new as columns."""
    vocabulary: dict[str, int] = {}
    for theme in (*old, *new):
        for term, _ in theme.signature:
            vocabulary.setdefault(term, len(vocabulary))

    def matrix(themes):
        out = np.zeros((len(themes), max(1, len(vocabulary))))
        for row, theme in enumerate(themes):
            for term, weight in theme.signature:
                out[row, vocabulary[term]] = weight
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    return matrix(old) @ matrix(new).T


def match_themes(old: Sequence[Theme], new: Sequence[Theme], *, minimum: float = MIN_MATCH) -> list[ThemeMatch]:
    """One-to-one pairs of old and new themes that continue each other."""
    from scipy.optimize import linear_sum_assignment

    if not old or not new:
        return []
    similarity = signature_similarity(old, new)
    rows, cols = linear_sum_assignment(-similarity)
    return [
        ThemeMatch(old[r].id, int(c), float(similarity[r, c]))
        for r, c in zip(rows, cols, strict=False)
        if similarity[r, c] >= minimum
    ]


def carry_ids(new: Sequence[Theme], previous: ThemeModel | None) -> tuple[list[str], int]:
    """Ids for `new` themes, continuing `previous` where they match; and the next free number."""
    next_id = previous.next_id if previous else 1
    ids: list[str | None] = [None] * len(new)
    if previous is not None:
        for match in match_themes(previous.themes, new):
            ids[match.new_index] = match.old_id
    for i, theme_id in enumerate(ids):
        if theme_id is None:
            ids[i] = f"T{next_id}"
            next_id += 1
    return [str(i) for i in ids], next_id
