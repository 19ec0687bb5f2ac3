"""Common ground and division: what (nearly) everyone agrees on, and where groups part ways."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .matrix import VoteMatrix
from .repness import Z_90, GroupCounts, counts_of, prop_test
from .result import Consensus, ConsensusStatement, DivisiveStatement


def group_aware_consensus(counts: GroupCounts) -> tuple[np.ndarray, np.ndarray]:
    """Per statement, the product over groups of (na+1)/(ns+2), and of (nd+1)/(ns+2).

    High only when *every* group tends to agree (disagree): one group against is enough to
    pull it down. With no groups the product is empty and the value is 1.
    """
    agree = np.prod((counts.na + 1.0) / (counts.ns + 2.0), axis=0)
    disagree = np.prod((counts.nd + 1.0) / (counts.ns + 2.0), axis=0)
    return agree, disagree


def consensus(
    matrix: VoteMatrix,
    counts: GroupCounts,
    *,
    pick_max: int = 5,
    z: float = Z_90,
) -> Consensus:
    """Pol.is's consensus statements over all participants, plus group-aware consensus.

    A statement is agreed consensus when pa = (na+1)/(ns+2) > 1/2 and its one-proportion
    z statistic passes 90% confidence; the top ``pick_max`` by pa × pat. Likewise for
    disagreement.
    """
    everyone = sp.csr_matrix(np.ones((1, matrix.shape[0])))
    totals = counts_of(everyone, matrix)
    na, nd, ns = totals.na[0], totals.nd[0], totals.ns[0]
    gac_agree, gac_disagree = group_aware_consensus(counts)
    picked = {}
    for direction, n, gac in (("agree", na, gac_agree), ("disagree", nd, gac_disagree)):
        p = (n + 1.0) / (ns + 2.0)
        t = prop_test(n, ns)
        ok = np.flatnonzero((p > 0.5) & (t > z))
        ok = ok[np.argsort(-(p * t)[ok], kind="stable")][:pick_max]
        picked[direction] = tuple(
            ConsensusStatement(
                statement_id=matrix.statement_ids[j],
                direction=direction,
                n_success=int(n[j]),
                n_trials=int(ns[j]),
                p_success=float(p[j]),
                p_test=float(t[j]),
                group_aware_consensus=float(gac[j]),
            )
            for j in ok
        )
    return Consensus(picked["agree"], picked["disagree"], gac_agree, gac_disagree)


def divisive(counts: GroupCounts, statement_ids: tuple, *, pick_max: int = 5) -> tuple[DivisiveStatement, ...]:
    """Statements whose net agreement differs most between groups (Zwerm's addition).

    Net agreement of a group: (na - nd)/(ns + 2), between -1 and 1, shrunk toward 0 when a
    group cast few votes. Divisiveness: highest minus lowest over groups. Ties: more votes
    first, then statement order.
    """
    k = counts.na.shape[0]
    if k < 2:
        return ()
    net = (counts.na - counts.nd) / (counts.ns + 2.0)
    spread = net.max(0) - net.min(0)
    votes = counts.ns.sum(0)
    order = np.lexsort((np.arange(len(spread)), -votes, -np.round(spread, 12)))
    order = [j for j in order if spread[j] > 0][:pick_max]
    return tuple(
        DivisiveStatement(statement_ids[j], float(spread[j]), tuple(float(x) for x in net[:, j])) for j in order
    )
