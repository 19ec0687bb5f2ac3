"""The whole sensing pipeline over one batch of texts: redact, analyse, fold, theme, trend, mood.

`analyse(rows)` is what the CLI, the worker's periodic refresh and the benchmark call. Pass the
previous run's `model` as `previous` and continuing themes keep their ids.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from zwerm.core.disclosure_floor import MINIMUM
from zwerm.sensing.engine.duplicates import fold
from zwerm.sensing.engine.importer import TextRow
from zwerm.sensing.engine.mood import MoodScore, MoodSummary, score_text, summarise
from zwerm.sensing.engine.prepare import PreparedText, prepare
from zwerm.sensing.engine.redaction import RedactionPolicy
from zwerm.sensing.engine.themes import ThemeConfig, ThemeModel, build_themes
from zwerm.sensing.engine.trends import Alert, TrendConfig, TrendPoint, detect_trends

PARALLEL_FROM = 20_000  # texts; below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class PipelineConfig:
    themes: ThemeConfig = ThemeConfig()
    trends: TrendConfig = TrendConfig()
    redaction: RedactionPolicy = RedactionPolicy()
    default_language: str = "nl"
    processes: int = 0  # text preparation workers; 0 = one per core for large batches
    mood: bool = True


@dataclass(frozen=True)
class Agreement:
    """How well the themes agree with given labels; reported only, never used to build."""

    nmi: float
    ari: float
    labels: int
    themes: int


@dataclass(frozen=True)
class Analysis:
    ids: tuple[str, ...]
    prepared: tuple[PreparedText, ...]
    model: ThemeModel
    theme_of: tuple[str | None, ...]  # per row
    duplicate_of: tuple[int, ...]  # per row, index of its group's representative
    trends: tuple[TrendPoint, ...]
    alerts: tuple[Alert, ...]
    mood: tuple[MoodScore, ...]
    mood_by_theme: tuple[MoodSummary, ...]
    mood_by_theme_area: tuple[MoodSummary, ...]
    agreement: Agreement | None
    seconds: dict[str, float] = field(default_factory=dict)
    min_public: int = MINIMUM  # the threshold the trends and mood were marked with

    @property
    def assignments(self) -> dict[str, str | None]:
        return dict(zip(self.ids, self.theme_of, strict=False))

    def languages(self) -> dict[str, int]:
        return dict(Counter(p.language for p in self.prepared))

    def redacted(self) -> dict[str, int]:
        """How many texts had each kind of personal data masked."""
        return dict(Counter(k for p in self.prepared for k in p.redacted_kinds))


def _prepare_chunk(args) -> list[PreparedText]:
    texts, policy, default_language = args
    return [prepare(t, policy=policy, default_language=default_language) for t in texts]


def prepare_all(texts: Sequence[str], config: PipelineConfig) -> list[PreparedText]:
    """Prepare texts, in worker processes when the batch is large."""
    processes = config.processes or (os.cpu_count() or 1)
    if processes <= 1 or len(texts) < PARALLEL_FROM:
        return _prepare_chunk((texts, config.redaction, config.default_language))
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(texts) // (processes * 4))
    chunks = [
        (list(texts[i : i + size]), config.redaction, config.default_language) for i in range(0, len(texts), size)
    ]
    with ProcessPoolExecutor(processes) as pool:
        return [p for chunk in pool.map(_prepare_chunk, chunks) for p in chunk]


def analyse(
    rows: Sequence[TextRow], *, config: PipelineConfig = PipelineConfig(), previous: ThemeModel | None = None
) -> Analysis:
    """Themes, assignments, trends, alerts and mood for `rows` (see the module docstring)."""
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = round(now - clock, 3)
        clock = now

    prepared = prepare_all([r.text for r in rows], config)
    lap("prepare")
    groups = fold([list(p.lemmas) for p in prepared])
    lap("duplicates")
    build = build_themes([p.document for p in prepared], groups, config=config.themes, previous=previous)
    lap("themes")
    ids = [t.id for t in build.model.themes]
    theme_of = tuple(ids[c] if c >= 0 else None for c in build.labels)
    points, alerts = detect_trends(theme_of, [r.area for r in rows], [r.time for r in rows], config.trends)
    lap("trends")
    if config.mood:
        mood = tuple(score_text(p.text, p.language) for p in prepared)
        least = config.trends.min_public
        by_theme = summarise([(t,) if t else None for t in theme_of], mood, min_public=least)
        by_area = summarise(
            [(t, r.area) if t and r.area else None for t, r in zip(theme_of, rows, strict=False)],
            mood,
            min_public=least,
        )
    else:
        mood, by_theme, by_area = (), [], []
    lap("mood")
    agreement = None
    labels = [r.label for r in rows]
    if any(labels):
        from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

        truth = [label or "" for label in labels]
        found = [t or "" for t in theme_of]
        agreement = Agreement(
            round(float(normalized_mutual_info_score(truth, found)), 4),
            round(float(adjusted_rand_score(truth, found)), 4),
            len(set(truth)),
            len(ids),
        )
    return Analysis(
        ids=tuple(r.id for r in rows),
        prepared=tuple(prepared),
        model=build.model,
        theme_of=theme_of,
        duplicate_of=tuple(int(i) for i in groups.representative),
        trends=tuple(points),
        alerts=tuple(alerts),
        mood=mood,
        mood_by_theme=tuple(by_theme),
        mood_by_theme_area=tuple(by_area),
        agreement=agreement,
        seconds=seconds,
        min_public=config.trends.min_public,
    )


def theme_examples(analysis: Analysis) -> dict[str, list[str]]:
    """Theme id -> ids of its typical texts."""
    return {t.id: [analysis.ids[i] for i in t.examples] for t in analysis.model.themes}


def sizes_by_theme(analysis: Analysis) -> dict[str, int]:
    counts = Counter(t for t in analysis.theme_of if t)
    return {t.id: counts.get(t.id, 0) for t in analysis.model.themes}


def distinct_texts(analysis: Analysis) -> int:
    return int(len(np.unique(analysis.duplicate_of)))
