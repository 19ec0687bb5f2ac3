"""Base clusters and opinion groups on the 2-D opinion map.

Two levels, as in Pol.is: participants are first gathered into up to 100 base clusters
(k-means on their coordinates); the base-cluster centres, weighted by how many participants
each holds, are then grouped by weighted k-means for k = 2 … 5, and the k with the best
silhouette wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

FAR = 1e150  # padding centre: |FAR|² still fits in a float64
SEED_SAMPLE = 10_000  # participants looked at when seeding the base clusters
LLOYD_SAMPLE = 20_000  # above this, base centres settle on a sample first
FULL_ITERATIONS = 10  # then this many Lloyd steps on all participants


@dataclass(frozen=True, eq=False)
class BaseClusters:
    centres: np.ndarray  # (b, 2)
    weights: np.ndarray  # (b,) participants per base cluster
    labels: np.ndarray  # (n included,) base cluster of each included participant


@dataclass(frozen=True, eq=False)
class Grouping:
    k: int
    centres: np.ndarray  # (k, 2) weighted centres of the groups
    labels: np.ndarray  # (b,) group of each base cluster
    inertia: float


def base_clusters(
    points: np.ndarray,
    *,
    k: int = 100,
    seed: int = 0,
    init: np.ndarray | None = None,
    n_starts: int = 1,
    first_distinct: bool = False,
) -> BaseClusters:
    """Up to ``k`` base clusters of the participants' coordinates.

    With at most ``k`` distinct points every distinct point is its own base cluster (as
    Pol.is, whose k-means starts from the first k distinct points). Otherwise k-means,
    warm-started from ``init`` (previous centres) when given, else the best (lowest sum of
    squares) of ``n_starts`` greedy k-means++ seedings from ``seed``; with ``first_distinct``
    (Pol.is), from the first ``k`` distinct points in participant order.
    Our own Lloyd rather than scikit-learn's: no thread pool, no per-call overhead, the
    same arithmetic on every machine.
    """
    if len(points) == 0:
        return BaseClusters(np.zeros((0, 2)), np.zeros(0), np.zeros(0, dtype=np.int64))
    distinct, inverse, counts = np.unique(points, axis=0, return_inverse=True, return_counts=True)
    if len(distinct) <= k:
        return BaseClusters(distinct, counts.astype(float), inverse.ravel().astype(np.int64))
    rng = np.random.default_rng(seed)
    warm = None if init is None or not len(init) else np.unique(np.asarray(init, float), axis=0)[:k]
    # Large dialogues: the centres settle on a sample, then get polished on everyone.
    fit = (
        points if len(points) <= LLOYD_SAMPLE else points[np.sort(rng.choice(len(points), LLOYD_SAMPLE, replace=False))]
    )
    if warm is not None and len(warm) == k:
        starts = [warm]  # a full warm start is used alone: the map stays steady
    elif first_distinct and warm is None:
        starts = [first_distinct_points(points, k)]
        fit = points  # Pol.is iterates on everyone
    else:
        # Seeding (or topping up the previous centres) looks at up to SEED_SAMPLE points.
        seeding = fit if len(fit) <= SEED_SAMPLE else fit[np.sort(rng.choice(len(fit), SEED_SAMPLE, replace=False))]
        starts = [_greedy_kmeanspp(seeding, k, rng, initial=warm) for _ in range(n_starts)]
    best = None
    for start in starts:
        centres, labels = lloyd(fit, start)
        inertia = float(((fit - centres[labels]) ** 2).sum())
        if best is None or inertia < best[0] - 1e-9 * max(best[0], 1.0):
            best = (inertia, centres, labels)
    _, centres, labels = best
    if len(points) > len(fit):
        centres, labels = lloyd(points, centres, max_iter=FULL_ITERATIONS)
    weights = np.bincount(labels, minlength=len(centres)).astype(float)
    used = weights > 0
    remap = np.cumsum(used) - 1
    return BaseClusters(centres[used], weights[used], remap[labels])


def first_distinct_points(points: np.ndarray, k: int) -> np.ndarray:
    """The first ``k`` distinct points in the given order: Pol.is's k-means start."""
    _, first = np.unique(points, axis=0, return_index=True)
    return points[np.sort(first)[:k]]


def lloyd(points: np.ndarray, centres: np.ndarray, *, max_iter: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Plain k-means (Lloyd) from the given centres, until no participant changes cluster.

    A centre that loses all its participants stays where it was.
    """
    k = len(centres)
    # Like Pol.is, also stop once no centre moves more than a small distance (here relative
    # to the spread of the map, so it does not depend on the scale of the coordinates).
    threshold = 1e-3 * float(points.std()) if len(points) else 0.0
    labels = None
    for _ in range(max_iter):
        new = nearest(points, centres)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        mass = np.bincount(labels, minlength=k).astype(float)
        sums = np.stack([np.bincount(labels, points[:, 0], k), np.bincount(labels, points[:, 1], k)], axis=1)
        moved = np.where(mass[:, None] > 0, sums / np.maximum(mass, 1)[:, None], centres)
        shift = float(np.abs(moved - centres).max())
        centres = moved
        if shift < threshold:
            break
    return centres, labels


def group_kmeans(
    points: np.ndarray,
    weights: np.ndarray,
    ks: Iterable[int],
    *,
    seed: int = 0,
    n_init: int = 10,
    inits: dict[int, np.ndarray] | None = None,
    max_iter: int = 100,
) -> dict[int, Grouping]:
    """Weighted Lloyd k-means on a few points for several k, all starts run side by side.

    Starts per k: the previous centres for that k (when given) plus ``n_init`` weighted
    k-means++ seedings from ``seed + k``. For each k the lowest weighted inertia wins; on a
    tie the earliest start (the warm start) wins, which keeps groups steady between runs.
    Smaller k are padded with far-away centres that never attract a point, so every k runs
    in one batch.
    """
    ks = list(ks)
    k_max = max(ks)
    blocks, owners = [], []
    for k in ks:
        rng = np.random.default_rng(seed + k)
        init = (inits or {}).get(k)
        mine = []
        if init is not None and np.shape(init) == (k, 2):
            mine.append(np.asarray(init, dtype=float)[None])
        if n_init:
            mine.append(_kmeanspp(points, weights, k, n_init, rng))
        mine = np.concatenate(mine)
        block = np.full((len(mine), k_max, 2), FAR)
        block[:, :k] = mine
        blocks.append(block)
        owners += [k] * len(mine)
    centres = np.concatenate(blocks)  # (r, k_max, 2)
    labels = _assign(points, centres)  # (r, b)
    active = np.arange(len(centres))  # starts still moving
    wx, wy = weights * points[:, 0], weights * points[:, 1]
    for _ in range(max_iter):
        r = len(active)
        slot = (labels[active] + (np.arange(r) * k_max)[:, None]).ravel()
        size = r * k_max
        mass = np.bincount(slot, np.tile(weights, r), size).reshape(r, k_max, 1)
        sums = np.stack(
            [np.bincount(slot, np.tile(wx, r), size), np.bincount(slot, np.tile(wy, r), size)], axis=-1
        ).reshape(r, k_max, 2)
        # A centre that loses all its points (or a padding centre) stays where it was.
        centres[active] = np.where(mass > 0, sums / np.maximum(mass, 1e-300), centres[active])
        new_labels = _assign(points, centres[active])
        moved = (new_labels != labels[active]).any(axis=1)
        labels[active] = new_labels
        active = active[moved]  # a start whose labels did not change has converged
        if not len(active):
            break
    d2 = ((points[None, :, :] - np.take_along_axis(centres, labels[:, :, None], axis=1)) ** 2).sum(-1)
    inertia = np.round(d2 @ weights, 9)
    owners = np.array(owners)
    result = {}
    for k in ks:
        mine = np.flatnonzero(owners == k)
        best = int(mine[np.argmin(inertia[mine])])
        result[k] = Grouping(k, centres[best, :k], labels[best], float(inertia[best]))
    return result


def nearest(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Index of the nearest centre for each point (ties: the lowest index)."""
    d2 = np.subtract.outer(points[:, 0], centres[:, 0])
    d2 *= d2
    dy = np.subtract.outer(points[:, 1], centres[:, 1])
    dy *= dy
    d2 += dy
    return d2.argmin(axis=1)


def _assign(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Nearest centre per point for every start at once: centres (r, k, 2) -> (r, b).

    |p − c|² = |p|² − 2 p·c + |c|²; |p|² is the same for every centre, so it is left out."""
    # A loop over the (at most 5) centres on (r, b) arrays beats numpy's argmin over a
    # short last axis by an order of magnitude.
    px, py = points[None, :, 0], points[None, :, 1]
    best = labels = None
    for j in range(centres.shape[1]):
        cx, cy = centres[:, j, 0:1], centres[:, j, 1:2]  # (r, 1)
        score = (cx * cx + cy * cy) - 2.0 * (px * cx + py * cy)
        if best is None:
            best, labels = score, np.zeros(score.shape, dtype=np.int64)
        else:
            closer = score < best  # strict: ties keep the lower index
            best = np.where(closer, score, best)
            labels[closer] = j
    return labels


def _kmeanspp(points: np.ndarray, weights: np.ndarray, k: int, n: int, rng) -> np.ndarray:
    """``n`` weighted k-means++ seedings at once: each next centre is drawn with probability
    proportional to weight × squared distance to the nearest centre chosen so far."""
    draws = rng.random((k, n))
    chosen = np.empty((n, k), dtype=np.int64)
    chosen[:, 0] = _draw(np.broadcast_to(weights, (n, len(weights))), draws[0])
    d2 = ((points[None, :, :] - points[chosen[:, 0]][:, None, :]) ** 2).sum(-1)  # (n, b)
    for i in range(1, k):
        mass = d2 * weights
        # All mass zero (fewer distinct points than k): fall back to weights; duplicates then
        # just leave a centre empty, which Lloyd keeps in place.
        mass = np.where(mass.sum(1, keepdims=True) > 0, mass, weights)
        chosen[:, i] = _draw(mass, draws[i])
        d2 = np.minimum(d2, ((points[None, :, :] - points[chosen[:, i]][:, None, :]) ** 2).sum(-1))
    return points[chosen]  # (n, k, 2)


def _greedy_kmeanspp(points: np.ndarray, k: int, rng, *, initial: np.ndarray | None = None) -> np.ndarray:
    """Greedy k-means++: at each step draw 2 + ln k candidates (probability ∝ squared
    distance to the nearest chosen centre) and keep the one that lowers the total most.
    With ``initial`` centres, those are kept and only the missing ones are added."""
    trials = 2 + int(np.log(k))
    if initial is not None and len(initial):
        fixed = np.asarray(initial, dtype=float)
        d2 = ((points[:, None, :] - fixed[None, :, :]) ** 2).sum(-1).min(1)
        chosen: list = []
    else:
        fixed = np.zeros((0, 2))
        chosen = [int(rng.integers(len(points)))]
        d2 = ((points - points[chosen[0]]) ** 2).sum(1)
    x, y = points[:, 0], points[:, 1]
    last = len(points) - 1
    steps = k - len(fixed) - len(chosen)
    draws = rng.random((max(steps, 0), trials))
    # Few points: all squared distances up front, so each step is a lookup.
    table = None
    if len(points) <= 1500:
        table = np.subtract.outer(x, x) ** 2 + np.subtract.outer(y, y) ** 2
    for step in range(steps):
        cumulative = np.cumsum(d2)
        if cumulative[-1] <= 0:
            break
        candidates = np.searchsorted(cumulative, draws[step] * cumulative[-1], side="right")
        np.minimum(candidates, last, out=candidates)
        if table is not None:
            cand_d2 = np.minimum(table[candidates], d2)
        else:
            dx = np.subtract.outer(x[candidates], x)
            dy = np.subtract.outer(y[candidates], y)
            cand_d2 = np.minimum(dx * dx + dy * dy, d2)
        best = int(np.argmin(cand_d2.sum(1)))
        chosen.append(int(candidates[best]))
        d2 = cand_d2[best]
    return np.vstack([fixed, points[chosen]]) if chosen else fixed


def _draw(mass: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Per row of ``mass``, the index where the running total first exceeds u × total."""
    cumulative = np.cumsum(mass, axis=1)
    index = (cumulative <= (u * cumulative[:, -1])[:, None]).sum(1)
    return np.minimum(index, mass.shape[1] - 1)


def distances(points: np.ndarray) -> np.ndarray:
    """All pairwise Euclidean distances between a few points."""
    return np.sqrt(
        np.subtract.outer(points[:, 0], points[:, 0]) ** 2 + np.subtract.outer(points[:, 1], points[:, 1]) ** 2
    )


def silhouette(
    points: np.ndarray,
    labels: np.ndarray,
    weights: np.ndarray | None = None,
    *,
    dist: np.ndarray | None = None,
) -> float:
    """Mean silhouette of a grouping of the base-cluster centres.

    Unweighted (``weights`` None) it is Pol.is's: every base cluster counts once, a centre
    alone in its group scores 0. Weighted, each base cluster stands for its participants
    (at its centre), which approximates the silhouette over all participants.
    """
    labels = np.asarray(labels)
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    w = np.ones(len(points)) if weights is None else np.asarray(weights, dtype=float)
    dist = distances(points) if dist is None else dist
    member = labels[:, None] == groups[None, :]  # (b, g)
    mass = w @ member  # (g,) participants (or centres) per group
    totals = dist @ (member * w[:, None])  # (b, g): weighted distance to each group
    own = member.argmax(1)
    rows = np.arange(len(points))
    # Others in the own group: the rest of one's own base cluster (distance 0) counts too.
    others = mass[own] - 1.0
    a = np.where(others > 0, totals[rows, own] / np.maximum(others, 1e-300), 0.0)
    b = np.where(member, np.inf, totals / np.maximum(mass, 1e-300)[None, :]).min(1)
    denom = np.maximum(a, b)
    s = np.where((others > 0) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return float(s @ w / w.sum())


def max_groups(n_base: int, max_k: int = 5) -> int:
    """Pol.is's cap on k: min(max_k, 2 + n_base // 12), never more than the base clusters."""
    return min(max_k, 2 + n_base // 12, n_base)


def stable_order(grouping: Grouping, weights: np.ndarray, previous_centres: np.ndarray | None) -> Grouping:
    """Renumber groups: matched to the previous groups' centres when given, else by size.

    Group 0 is the largest group on a fresh run; on a warm start a group keeps the number of
    the previous group whose centre is nearest (optimal matching), new groups come after.
    """
    k = grouping.k
    sizes = np.bincount(grouping.labels, weights=weights, minlength=k)
    if previous_centres is not None and len(previous_centres):
        cost = ((grouping.centres[:, None, :] - previous_centres[None, :, :]) ** 2).sum(-1)
        rows, cols = linear_sum_assignment(cost)
        return _renumbered(grouping, dict(zip(rows.tolist(), cols.tolist(), strict=True)), sizes)
    order = np.lexsort((grouping.centres[:, 1], grouping.centres[:, 0], -sizes))
    return _renumbered(grouping, {int(g): i for i, g in enumerate(order)}, sizes)


def match_previous_groups(
    grouping: Grouping, weights: np.ndarray, labels: np.ndarray, previous: np.ndarray
) -> Grouping:
    """Renumber groups so each keeps the number of the previous group it shares the most
    participants with (optimal matching); unmatched groups take the free numbers by size.

    ``labels``: this run's group per participant; ``previous``: the last run's, -1 where
    the participant was not in a group then. Sturdier than matching centres, because the
    map itself may turn when statements are added.
    """
    k = grouping.k
    sizes = np.bincount(grouping.labels, weights=weights, minlength=k)
    both = (labels >= 0) & (previous >= 0)
    if not both.any():
        return grouping
    table = np.zeros((k, int(previous[both].max()) + 1))
    np.add.at(table, (labels[both], previous[both]), 1)
    rows, cols = linear_sum_assignment(-table)
    matches = {r: c for r, c in zip(rows.tolist(), cols.tolist(), strict=True) if table[r, c] > 0}
    return _renumbered(grouping, matches, sizes)


def _renumbered(grouping: Grouping, matches: dict[int, int], sizes: np.ndarray) -> Grouping:
    """Apply new numbers (group -> wanted number); the rest, largest first, fill the gaps.
    Numbers are then compacted to 0 … k-1 in the wanted order."""
    k = grouping.k
    wanted = np.full(k, -1)
    for g, number in matches.items():
        wanted[g] = number
    free = iter(sorted(set(range(k + len(matches))) - set(matches.values())))
    for g in np.argsort(-sizes, kind="stable"):
        if wanted[g] < 0:
            wanted[g] = next(free)
    order = np.argsort(wanted, kind="stable")
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    return Grouping(k, grouping.centres[order], rank[grouping.labels], grouping.inertia)
