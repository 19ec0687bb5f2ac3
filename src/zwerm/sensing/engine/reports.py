"""The work behind `zwerm sensing analyse` and `zwerm sensing route`, as plain functions.

The management command only parses arguments and prints; these functions read the CSV, run the
engine and return plain data, so tests and the benchmark call exactly the same code.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from zwerm.sensing.engine.importer import CsvImport, read_csv
from zwerm.sensing.engine.pipeline import Analysis, PipelineConfig, analyse, sizes_by_theme, theme_examples
from zwerm.sensing.engine.routing import RoutingScore, evaluate_router, train_router


def _finite(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def analysis_report(analysis: Analysis, imported: CsvImport | None = None, seconds: float | None = None) -> dict:
    """The JSON document of an analysis: themes, an assignment for every row, trends, alerts, mood."""
    sizes = sizes_by_theme(analysis)
    examples = theme_examples(analysis)
    assignments: dict[str, str | None] = {}
    if imported is not None:
        for problem in imported.problems:
            if problem.refused:
                assignments[problem.id] = None  # refused rows are listed, never silently absent
    assignments.update(analysis.assignments)
    mood = {m.key[0]: asdict(m) for m in analysis.mood_by_theme}
    report = {
        "themes": [
            {
                "id": t.id,
                "label": t.label,
                "terms": list(t.terms),
                "size": sizes[t.id],
                "distinct": t.distinct,
                "examples": examples[t.id],
                "mood": mood.get(t.id),
            }
            for t in analysis.model.themes
        ],
        "assignments": assignments,
        "trends": [
            {
                "theme": p.theme,
                "area": p.area,
                "period": p.period,
                "count": p.count,
                "expected": p.expected,
                "score": p.score,
                "p_value": p.p_low if p.kind == "decline" else p.p_high,
                "q_value": p.q_value,
                "kind": p.kind,
                "public": p.public,
            }
            for p in analysis.trends
        ],
        "alerts": [{**asdict(a), "ratio": _finite(a.ratio)} for a in analysis.alerts],
        "mood_by_theme_area": [
            {"theme": m.key[0], "area": m.key[1], **{k: v for k, v in asdict(m).items() if k != "key"}}
            for m in analysis.mood_by_theme_area
        ],
        "k_selection": (
            {
                "k": analysis.model.k_choice.k,
                "stability": {str(k): round(v, 4) for k, v in analysis.model.k_choice.stability.items()},
            }
            if analysis.model.k_choice
            else None
        ),
        "texts": len(analysis.ids),
        "distinct_texts": len(set(analysis.duplicate_of)),
        "languages": analysis.languages(),
        "redacted": analysis.redacted(),
        "minimum_public_count": analysis.min_public,
        "stage_seconds": analysis.seconds,
        "seconds": round(seconds if seconds is not None else sum(analysis.seconds.values()), 3),
    }
    if analysis.agreement is not None:
        report["agreement"] = asdict(analysis.agreement)
    if imported is not None:
        report["import"] = {
            "encoding": imported.encoding,
            "delimiter": imported.delimiter,
            "rows": imported.read,
            "accepted": imported.accepted,
            "refused": imported.refused,
            "problems": [asdict(p) for p in imported.problems],
        }
    return report


def analyse_csv(
    path: str | Path,
    *,
    text: str,
    time_column: str | None = None,
    area: str | None = None,
    label: str | None = None,
    id_column: str | None = None,
    json_out: str | Path | None = None,
    config: PipelineConfig | None = None,
) -> dict:
    """Read a CSV, analyse it, write the JSON report (if `json_out`) and return it."""
    started = time.perf_counter()
    imported = read_csv(
        path, text_column=text, time_column=time_column, area_column=area, label_column=label, id_column=id_column
    )
    analysis = analyse(imported.rows, config=config or PipelineConfig())
    report = analysis_report(analysis, imported, seconds=time.perf_counter() - started)
    if json_out is not None:
        Path(json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


@dataclass(frozen=True)
class RouteResult:
    score: RoutingScore
    train: CsvImport
    test: CsvImport
    categories: tuple[str, ...]
    seconds: float


def route_csv(train: str | Path, test: str | Path, *, text: str, label: str) -> RouteResult:
    """Train the router on one CSV and score it on another; rows without a label are refused."""
    started = time.perf_counter()
    train_rows = read_csv(train, text_column=text, label_column=label)
    test_rows = read_csv(test, text_column=text, label_column=label)
    fit = [r for r in train_rows.rows if r.label]
    held = [r for r in test_rows.rows if r.label]
    router = train_router([r.text for r in fit], [r.label for r in fit])
    score = evaluate_router(router, [r.text for r in held], [r.label for r in held])
    return RouteResult(score, train_rows, test_rows, tuple(router.categories), time.perf_counter() - started)
