"""The results page: opinion map as server-drawn SVG (with a table beside it), groups, common ground."""

from .. import selectors
from ..selectors import MIN_PUBLIC, Figure

COLOURS = ["#1f5fa6", "#b3541e", "#2e7d32", "#7b1fa2", "#8d6e00"]
SIZE = 320


def _map(result: dict) -> dict:
    """Points scaled into a square; only participants in a group are drawn, anonymously."""
    points = [(c, result["participants"].get(pid)) for pid, c in result["coordinates"].items()]
    points = [(c, g) for c, g in points if g is not None]
    if not points:
        return {"points": [], "size": SIZE}
    xs = [c[0] for c, _ in points]
    ys = [c[1] for c, _ in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    pad = 12

    def scale(v, low, high):
        # the same scale on both axes, with the cloud centred in the square
        return SIZE / 2 + (v - (low + high) / 2) / span * (SIZE - 2 * pad)

    drawn = [
        {
            "x": round(scale(c[0], min(xs), max(xs)), 1),
            "y": round(scale(c[1], min(ys), max(ys)), 1),
            "colour": COLOURS[g % 5],
        }
        for c, g in points
    ]
    return {"points": drawn, "size": SIZE}


def _district_table(by_district: list[dict], statements: dict) -> list[dict]:
    """Per approved statement, the agree share in each wijk; a cell with fewer than 5 votes stays empty."""
    rows = []
    for pk, statement in statements.items():
        if statement.status != statement.Status.APPROVED or statement.is_meta:
            continue
        cells = []
        for district in by_district:
            counts = district["agree"].get(pk)
            if counts and counts["total"] >= MIN_PUBLIC:
                cells.append({"share": round(100 * counts["agree"] / counts["total"]), "votes": counts["total"]})
            else:
                cells.append(None)
        if any(cells):
            rows.append({"text": statement.public_text, "cells": cells})
    return rows


def results_context(dialogue) -> dict:
    snapshot = selectors.dialogue_latest_snapshot(dialogue=dialogue)
    statements = {s.pk: s for s in dialogue.statements.all()}
    context = {
        "dialogue": dialogue,
        "snapshot": snapshot,
        "ready": False,
        "participation": selectors.dialogue_participation(dialogue=dialogue),
        "min_public": MIN_PUBLIC,
    }
    if snapshot is None or snapshot.status != "ok" or not context["participation"]["participants"].shown:
        return context
    result = snapshot.result

    def text(sid):
        statement = statements.get(int(sid))
        return statement.public_text if statement else ""

    groups = [
        {
            "number": g["id"] + 1,
            "size": Figure(g["size"]),
            "colour": COLOURS[g["id"] % 5],
            "statements": [
                {
                    "text": text(r["statement"]),
                    "direction": r["direction"],
                    "share": round(100 * (r["pa"] if r["direction"] == "agree" else r.get("pd", 0))),
                }
                for r in g["representative"]
            ],
        }
        for g in result["groups"]
    ]
    consensus = {
        d: [{"text": text(c["statement"]), "share": round(100 * c["p_success"])} for c in result["consensus"][d]]
        for d in ("agree", "disagree")
    }
    divisive = [
        {"text": text(d["statement"]), "per_group": [round(100 * v) for v in d["net_agreement"]]}
        for d in result.get("divisive", [])[:5]
    ]
    by_district = selectors.dialogue_by_district(dialogue=dialogue)
    context.update(
        ready=True,
        groups=groups,
        consensus=consensus,
        divisive=divisive,
        map=_map(result),
        by_district=by_district,
        district_table=_district_table(by_district, statements),
        statements=statements,
    )
    return context
