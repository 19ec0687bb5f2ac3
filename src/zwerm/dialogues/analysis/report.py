"""Analyse a Pol.is export folder and describe the result as JSON-ready data.

The ``dialogue analyse`` command is a thin shell around :func:`analyse_export_to_dict`.
"""

from __future__ import annotations

import numbers
import time
from pathlib import Path
from typing import Any

import numpy as np

from zwerm.dialogues.polis_io import PolisExport, read_export

from .engine import analyse
from .matrix import VoteMatrix
from .result import AnalysisResult, Parameters, Repness


def export_to_matrix(export: PolisExport) -> VoteMatrix:
    """The vote matrix of an export: every statement (sorted by id), every participant.

    Moderated-out and meta statements are still columns here; pass
    ``export.excluded_comment_ids`` to :func:`analyse`, which removes them.
    """
    votes = export.votes
    return VoteMatrix.from_id_arrays(
        np.fromiter((v.participant_id for v in votes), np.int64, len(votes)),
        np.fromiter((v.comment_id for v in votes), np.int64, len(votes)),
        np.fromiter((v.vote for v in votes), np.int8, len(votes)),
        participant_ids=export.participant_ids,
        statement_ids=sorted(c.id for c in export.comments),
    )


def analyse_export(
    folder: str | Path, *, seed: int = 0, parameters: Parameters | None = None
) -> tuple[AnalysisResult, float]:
    """Read and analyse an export folder; returns the result and the analysis time (s)."""
    export = read_export(folder, with_groups=False)
    matrix = export_to_matrix(export)
    started = time.perf_counter()
    result = analyse(
        matrix,
        excluded_statement_ids=export.excluded_comment_ids,
        seed=seed,
        parameters=parameters or Parameters(),
    )
    return result, time.perf_counter() - started


def analyse_export_to_dict(
    folder: str | Path, *, seed: int = 0, parameters: Parameters | None = None
) -> dict[str, Any]:
    """The JSON document of ``dialogue analyse``: groups, consensus, map and timing."""
    result, seconds = analyse_export(folder, seed=seed, parameters=parameters)
    document = result_to_dict(result)
    document["seconds"] = round(seconds, 6)
    return document


def result_to_dict(result: AnalysisResult) -> dict[str, Any]:
    """Plain dicts, lists, numbers and strings; participant and statement ids as keys."""
    sid = result.statement_ids
    return {
        "status": result.status,
        "participants": {
            str(pid): (None if label < 0 else int(label))
            for pid, label in zip(result.participant_ids, result.labels.tolist(), strict=True)
        },
        "groups": [
            {
                "id": g.id,
                "size": g.size,
                "centre": list(g.centre),
                "representative": [_repness(r) for r in g.representative],
            }
            for g in result.groups
        ],
        "consensus": {
            direction: [
                {
                    "statement": _id(c.statement_id),
                    "n_success": c.n_success,
                    "n_trials": c.n_trials,
                    "p_success": c.p_success,
                    "p_test": c.p_test,
                    "group_aware_consensus": c.group_aware_consensus,
                }
                for c in getattr(result.consensus, direction)
            ]
            for direction in ("agree", "disagree")
        },
        "group_aware_consensus": {
            str(s): float(v) for s, v in zip(sid, result.consensus.group_aware_agree.tolist(), strict=True)
        },
        "group_aware_consensus_disagree": {
            str(s): float(v) for s, v in zip(sid, result.consensus.group_aware_disagree.tolist(), strict=True)
        },
        "divisive": [
            {
                "statement": _id(d.statement_id),
                "divisiveness": d.divisiveness,
                "net_agreement": list(d.net_agreement),
            }
            for d in result.divisive
        ],
        "coordinates": {
            str(pid): [float(x), float(y)]
            for pid, (x, y) in zip(result.participant_ids, result.coordinates.tolist(), strict=True)
        },
        "k": result.k,
        "silhouette": result.silhouette,
        "silhouettes": {str(k): v for k, v in result.silhouettes.items()},
        "counts": {
            "participants": len(result.participant_ids),
            "included": int(result.included.sum()),
            "statements": len(sid),
            "votes": result.n_votes,
        },
        "seed": result.seed,
    }


def _repness(r: Repness) -> dict[str, Any]:
    return {
        "statement": _id(r.statement_id),
        "direction": r.direction,
        "best_agree": r.best_agree,
        "na": r.na,
        "nd": r.nd,
        "ns": r.ns,
        "pa": r.pa,
        "pd": r.pd,
        "pat": r.pat,
        "pdt": r.pdt,
        "ra": r.ra,
        "rd": r.rd,
        "rat": r.rat,
        "rdt": r.rdt,
        # The side that makes it representative, named as in Pol.is's output.
        "n_success": r.na if r.direction == "agree" else r.nd,
        "n_trials": r.ns,
        "p_success": r.p_success,
        "p_test": r.p_test,
        "repness": r.repness,
        "repness_test": r.repness_test,
    }


def _id(value):
    """Statement ids as JSON numbers when they are integers, else as strings."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    return str(value)
