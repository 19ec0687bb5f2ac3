"""What each opinion group stands for: Pol.is's representativeness ("repness") statistics.

All groups × statements are computed at once from three sparse products per group (votes,
their absolute values, and the cast mask), which give agree, disagree and cast counts.
Notation as in Pol.is: n = count, p = probability, r = relative to the rest,
t = test statistic, a = agree, d = disagree, s = seen (votes cast, passes included).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .matrix import VoteMatrix
from .result import Repness

Z_90 = 1.2816  # one-sided 90% confidence


@dataclass(frozen=True, eq=False)
class GroupCounts:
    """Vote counts per group (rows) and statement (columns)."""

    na: np.ndarray
    nd: np.ndarray
    ns: np.ndarray


def group_counts(matrix: VoteMatrix, rows: np.ndarray, labels: np.ndarray, k: int) -> GroupCounts:
    """Agree, disagree and cast counts of the given participant rows, per group."""
    indicator = sp.csr_matrix((np.ones(len(rows)), (labels, rows)), shape=(k, matrix.shape[0]))
    return counts_of(indicator, matrix)


def counts_of(weights: sp.csr_matrix, matrix: VoteMatrix) -> GroupCounts:
    """Counts per row of ``weights`` (a 0/1 selection of participants) and statement.

    One product with the votes (agree − disagree) and one with their absolute values
    (agree + disagree) give both counts without building agree/disagree matrices.
    """
    values = matrix.values
    absolute = sp.csr_matrix((np.abs(values.data), values.indices, values.indptr), shape=values.shape)
    net = np.asarray((weights @ values).todense())
    decided = np.asarray((weights @ absolute).todense())
    return GroupCounts(
        na=np.rint((decided + net) / 2),
        nd=np.rint((decided - net) / 2),
        ns=np.asarray((weights @ matrix.cast).todense()),
    )


def prop_test(successes: np.ndarray, trials: np.ndarray) -> np.ndarray:
    """Pol.is's one-proportion z statistic against 1/2, with a +1 prior on both counts."""
    s, n = successes + 1.0, trials + 1.0
    return 2.0 * np.sqrt(n) * (s / n - 0.5)


def two_prop_test(succ_in: np.ndarray, succ_out: np.ndarray, n_in: np.ndarray, n_out: np.ndarray) -> np.ndarray:
    """Pol.is's two-proportion z statistic (in-group vs the rest), +1 on every count.

    0 when the pooled proportion is 1 (everyone agrees; the statistic is undefined).
    """
    s1, s2, n1, n2 = succ_in + 1.0, succ_out + 1.0, n_in + 1.0, n_out + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    var = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)
    safe = np.where(var > 0, var, 1.0)
    return np.where(var > 0, (s1 / n1 - s2 / n2) / np.sqrt(safe), 0.0)


@dataclass(frozen=True, eq=False)
class RepnessStats:
    """Every statistic for every group × statement (arrays of shape (k, m))."""

    na: np.ndarray
    nd: np.ndarray
    ns: np.ndarray
    pa: np.ndarray
    pd: np.ndarray
    pat: np.ndarray
    pdt: np.ndarray
    ra: np.ndarray
    rd: np.ndarray
    rat: np.ndarray
    rdt: np.ndarray


def repness_stats(counts: GroupCounts) -> RepnessStats:
    na, nd, ns = counts.na, counts.nd, counts.ns
    rest_na, rest_nd, rest_ns = na.sum(0) - na, nd.sum(0) - nd, ns.sum(0) - ns
    pa, pd = (na + 1.0) / (ns + 2.0), (nd + 1.0) / (ns + 2.0)
    return RepnessStats(
        na=na,
        nd=nd,
        ns=ns,
        pa=pa,
        pd=pd,
        pat=prop_test(na, ns),
        pdt=prop_test(nd, ns),
        ra=pa / ((rest_na + 1.0) / (rest_ns + 2.0)),
        rd=pd / ((rest_nd + 1.0) / (rest_ns + 2.0)),
        rat=two_prop_test(na, rest_na, ns, rest_ns),
        rdt=two_prop_test(nd, rest_nd, ns, rest_ns),
    )


def _repness(stats: RepnessStats, g: int, j: int, statement_id, best_agree: bool = False) -> Repness:
    # As Pol.is: the direction is the side with the larger two-proportion statistic, also for
    # the group's "best agree" statement (which is only flagged, for display).
    direction = "agree" if stats.rat[g, j] > stats.rdt[g, j] else "disagree"
    return Repness(
        statement_id=statement_id,
        direction=direction,
        na=int(stats.na[g, j]),
        nd=int(stats.nd[g, j]),
        ns=int(stats.ns[g, j]),
        pa=float(stats.pa[g, j]),
        pd=float(stats.pd[g, j]),
        pat=float(stats.pat[g, j]),
        pdt=float(stats.pdt[g, j]),
        ra=float(stats.ra[g, j]),
        rd=float(stats.rd[g, j]),
        rat=float(stats.rat[g, j]),
        rdt=float(stats.rdt[g, j]),
        best_agree=best_agree,
    )


def select_representative(
    stats: RepnessStats, statement_ids: tuple, *, pick_max: int = 5, z: float = Z_90
) -> list[tuple[Repness, ...]]:
    """Pol.is's choice of representative statements, per group.

    A statement is representative for a group when both its test statistics (pat and rat
    for agreement, or pdt and rdt for disagreement) pass the 90% threshold. They are ranked
    by repness × repness-test × p × p-test; the group's best agreed statement goes first; at
    most ``pick_max``; agreements before disagreements. A group with none still gets its
    single best statement so no group is left without a description.
    """
    k, m = stats.na.shape
    agree_ok = (stats.rat > z) & (stats.pat > z)
    disagree_ok = (stats.rdt > z) & (stats.pdt > z)
    sufficient = agree_ok | disagree_ok
    agree_dir = stats.rat > stats.rdt
    metric = np.where(
        agree_dir,
        stats.ra * stats.rat * stats.pa * stats.pat,
        stats.rd * stats.rdt * stats.pd * stats.pdt,
    )
    chosen: list[tuple[Repness, ...]] = []
    for g in range(k):
        best_agree = _best_agree(stats, g, z)
        picks = [j for j in np.flatnonzero(sufficient[g]) if j != best_agree]
        if not picks and not sufficient[g].any():
            if best_agree is not None:
                head = [_repness(stats, g, best_agree, statement_ids[best_agree], True)]
            elif m:
                j = int(np.argmax(np.maximum(stats.rat[g], stats.rdt[g])))
                head = [_repness(stats, g, j, statement_ids[j])]
            else:
                head = []
            chosen.append(tuple(head))
            continue
        picks.sort(key=lambda j: -metric[g, j])  # stable: statement order breaks ties
        items = [_repness(stats, g, j, statement_ids[j]) for j in picks[:pick_max]]
        if best_agree is not None:
            items.insert(0, _repness(stats, g, best_agree, statement_ids[best_agree], True))
        items = items[:pick_max]
        items.sort(key=lambda r: r.direction != "agree")
        chosen.append(tuple(items))
    return chosen


def _best_agree(stats: RepnessStats, g: int, z: float) -> int | None:
    """Pol.is's running choice of a group's best agreed statement (order dependent)."""
    na, nd, ra, rat = stats.na[g].tolist(), stats.nd[g].tolist(), stats.ra[g].tolist(), stats.rat[g].tolist()
    pa, pat = stats.pa[g].tolist(), stats.pat[g].tolist()
    best = None
    for j in range(len(na)):
        if na[j] == 0 and nd[j] == 0:
            continue
        if best is None:
            take = pat[j] > z or (ra[j] > 1.0 and pa[j] > 0.5)
        elif ra[best] > 1.0:
            take = ra[j] * rat[j] * pa[j] * pat[j] > ra[best] * rat[best] * pa[best] * pat[best]
        else:
            take = pa[j] * pat[j] > pa[best] * pat[best]
        if take:
            best = j
    return best
