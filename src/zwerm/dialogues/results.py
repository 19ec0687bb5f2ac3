"""What the results page shows of one analysis snapshot: opinion map (drawn by the template as SVG, with a
table beside it), groups, common ground, wijken. Computed once per snapshot by the analysis
(`services.results_prepare`) and kept in the cache, as plain data without wording (any language renders it)."""

from django.core.cache import cache

from zwerm.core import disclosure

from . import selectors
from .models import Dialogue, Snapshot, Statement

COLOURS = ["#1f5fa6", "#b3541e", "#2e7d32", "#7b1fa2", "#8d6e00"]
SIZE = 320


DENSITY_FROM = 1000  # with more participants the map shows a grid of cells, not a dot per person
GRID = 40  # cells per side of the density map


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull (Andrew's monotone chain), counter-clockwise: a group's outline on the density map."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _density(placed: list[tuple[float, float, int]]) -> dict:
    """Participants binned into GRID x GRID cells: each cell in the colour of its largest group, darker
    with more people in it; each group's outline around its participants."""
    side = SIZE / GRID
    cells: dict[tuple[int, int], dict[int, int]] = {}
    for x, y, g in placed:
        key = (min(int(x / side), GRID - 1), min(int(y / side), GRID - 1))
        per_group = cells.setdefault(key, {})
        per_group[g] = per_group.get(g, 0) + 1
    top = max(sum(c.values()) for c in cells.values())
    drawn = [
        {
            "x": round(i * side, 2),
            "y": round(j * side, 2),
            "colour": COLOURS[max(groups, key=groups.__getitem__) % 5],
            "opacity": round(0.25 + 0.75 * sum(groups.values()) / top, 2),
        }
        for (i, j), groups in sorted(cells.items())
    ]
    outlines = []
    for g in sorted({g for _, _, g in placed}):
        # around the cells the group's participants stand in: the corners of those cells, never fewer than 3
        corners = [
            (round((i + di) * side, 2), round((j + dj) * side, 2))
            for (i, j), groups in cells.items()
            if g in groups
            for di in (0, 1)
            for dj in (0, 1)
        ]
        outlines.append({"colour": COLOURS[g % 5], "corners": _hull(corners)})
    return {"cells": drawn, "cell": round(side, 2), "outlines": outlines}


def _map(result: dict) -> dict:
    """Points scaled into a square; only participants in a group of at least 5 are drawn, anonymously (a
    smaller group's dots could be counted). Up to DENSITY_FROM participants a dot each; beyond, a density
    grid with the groups' outlines (8,333 dots were 1 MB of SVG)."""
    points = [(c, result["participants"].get(pid)) for pid, c in result["coordinates"].items()]
    # A group shown as "minder dan 5" is not drawn: its dots could be counted.
    public_groups = {g["id"] for g in result.get("groups", []) if disclosure.is_public(g["size"])}
    points = [(c, g) for c, g in points if g is not None and g in public_groups]
    if not points:
        return {"points": [], "size": SIZE}
    xs = [c[0] for c, _ in points]
    ys = [c[1] for c, _ in points]
    x_low, x_high, y_low, y_high = min(xs), max(xs), min(ys), max(ys)  # once, not per point
    span = max(x_high - x_low, y_high - y_low) or 1.0
    pad = 12

    def scale(v, middle):
        # the same scale on both axes, with the cloud centred in the square
        return SIZE / 2 + (v - middle) / span * (SIZE - 2 * pad)

    x_mid, y_mid = (x_low + x_high) / 2, (y_low + y_high) / 2
    placed = [(round(scale(c[0], x_mid), 1), round(scale(c[1], y_mid), 1), g) for c, g in points]
    if len(placed) > DENSITY_FROM:
        return {"points": [], "size": SIZE, **_density(placed)}
    return {"points": [{"x": x, "y": y, "colour": COLOURS[g % 5]} for x, y, g in placed], "size": SIZE}


def _district_table(by_district: list[dict], statements: dict, vote_counts: dict[int, int]) -> list[dict]:
    """Per approved statement, the agree share in each shown wijk. A cell with fewer than 5 votes stays empty,
    and so does the smallest other cell when the statement's votes minus the cells shown would leave 1 to 4
    votes (they would be the votes of a wijk that is not shown, or of a few people)."""
    rows = []
    for pk, statement in statements.items():
        if statement.status != statement.Status.APPROVED or statement.is_meta:
            continue
        counts = [district["agree"].get(pk) for district in by_district]
        votes = disclosure.breakdown({i: c["total"] if c else 0 for i, c in enumerate(counts)}, vote_counts.get(pk, 0))
        cells: list[dict | None] = []
        for i, c in enumerate(counts):
            share = disclosure.share(c["agree"], c["total"]) if c and votes[i].shown else None
            cells.append({"share": share, "votes": c["total"]} if c and share is not None else None)
        if any(cells):
            rows.append({"text": statement.shown_text, "cells": cells})
    return rows


def _common_ground_by_district(by_district: list[dict], consensus: list[dict]) -> dict[int, int | None]:
    """Per shown wijk id: of all its votes on the statements (nearly) everyone agrees on, the share that
    agrees, so the page can say whether that common ground holds in every wijk (None under 5 votes)."""
    ids = [int(c["statement"]) for c in consensus]
    shares = {}
    for district in by_district:
        counts = [district["agree"][pk] for pk in ids if pk in district["agree"]]
        agree, total = sum(c["agree"] for c in counts), sum(c["total"] for c in counts)
        shares[district["district_id"]] = disclosure.share(agree, total) if ids else None
    return shares


def _districts(dialogue, by_district: list[dict], consensus: list[dict]) -> list[dict]:
    """Every wijk with its participants (None where held back) and how much it agrees with the common ground:
    the table beside the map. Plain data: the view words it."""
    common = _common_ground_by_district(by_district, consensus)
    return [
        {
            "name": row["district"].name,
            "code": row["district"].code,
            "participants": row["participants"].value,
            "common_ground": common.get(row["district"].pk) if row["participants"].shown else None,
        }
        for row in selectors.dialogue_district_participants(dialogue=dialogue)
    ]


def results_cache_key(snapshot_id: int) -> str:
    return f"zwerm:dialogue:results:{snapshot_id}:{disclosure.threshold()}"


def results_derived_cached(*, dialogue: Dialogue, snapshot: Snapshot) -> dict:
    """The results of `snapshot` (its result may be deferred) from the cache, where the analysis stored them;
    computed and stored here only when the cache lost them."""
    key = results_cache_key(snapshot.pk)
    derived = cache.get(key)
    if derived is None:
        full = Snapshot.objects.get(pk=snapshot.pk)
        statements = {s.pk: s for s in Statement.objects.filter(dialogue=dialogue)}
        derived = results_derived(dialogue, full, statements)
        cache.set(key, derived, selectors.SNAPSHOT_CACHE_SECONDS)
    return derived


def results_store(*, dialogue: Dialogue, snapshot: Snapshot) -> None:
    """Compute what the results page shows of a new snapshot and keep it in the cache (the analysis calls this,
    so that no visitor waits for it)."""
    statements = {s.pk: s for s in Statement.objects.filter(dialogue=dialogue)}
    derived = results_derived(dialogue, snapshot, statements)
    cache.set(results_cache_key(snapshot.pk), derived, selectors.SNAPSHOT_CACHE_SECONDS)


def results_derived(dialogue, snapshot, statements: dict) -> dict:
    """The results page's groups, common ground, map and wijken of one snapshot (the vote counts per statement
    and the per-wijk shares are read once per snapshot, not per view)."""
    vote_counts = selectors.statement_vote_counts(dialogue=dialogue)
    result = selectors.result_public(result=snapshot.result, vote_counts=vote_counts)

    def text(sid):
        statement = statements.get(int(sid))
        return statement.shown_text if statement else ""

    groups = [
        {
            "number": g["id"] + 1,
            "size": int(g["size"]),  # the page shows it through disclosure.people
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
    return {
        "groups": groups,
        "consensus": consensus,
        "divisive": divisive,
        "map": _map(snapshot.result),
        "by_district": by_district,
        "district_table": _district_table(by_district, statements, vote_counts),
        "districts": _districts(dialogue, by_district, result["consensus"]["agree"]),
    }
