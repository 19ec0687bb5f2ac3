"""The reference MES engine: plain fractions, voters grouped in classes of equal budget.

Simple and slow; it exists to check the certified engine (``mes_certified.py``) in the tests.
Voters who have paid the same so far hold the same budget, so they are kept in *classes*, each with
its budget as an exact ``Fraction``; every price is computed and compared exactly.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .mes import MesDrop, MesRun, MesSelection
from .outcome import Payment
from .profile import Profile, TieKey


class _Classes:
    """Voters grouped by equal exact budget: ``cls[i]`` is voter i's class, ``values[c]`` its budget."""

    def __init__(self, n: int, b0: Fraction, approval: bool, max_u: int):
        self.cls = np.zeros(n, dtype=np.int64)
        self.values: list[Fraction] = [b0]
        self.approval = approval
        self.m = max_u + 1
        self._rank = np.zeros(1, dtype=np.int64)

    def groups(self, idx: np.ndarray, u: np.ndarray) -> list[tuple[Fraction, int, int]]:
        """(budget, utility, number of voters) for the supporters ``idx``, by budget/utility ascending."""
        if self.approval:
            counts = np.bincount(self.cls[idx], minlength=len(self.values))
            present = np.flatnonzero(counts)
            present = present[np.argsort(self._rank[present], kind="stable")]
            return [(self.values[c], 1, int(counts[c])) for c in present.tolist()]
        keys, counts = np.unique(self.cls[idx] * self.m + u, return_counts=True)
        out = []
        for key, cnt in zip(keys.tolist(), counts.tolist(), strict=True):
            c, uu = divmod(key, self.m)
            out.append((self.values[c], uu, cnt))
        out.sort(key=lambda g: g[0] / g[1])
        return out

    def money(self, idx: np.ndarray, u: np.ndarray) -> Fraction:
        return sum((b * cnt for b, _, cnt in self.groups(idx, u)), start=Fraction(0))

    def pay(self, idx: np.ndarray, u: np.ndarray, rho: Fraction) -> list[Payment]:
        """Supporters pay ``min(budget, rho * utility)``; classes are split and merged again."""
        n = len(self.cls)
        uv = np.zeros(n, dtype=np.int64)
        uv[idx] = u
        raw = self.cls * self.m + uv
        size = len(self.values) * self.m
        if size <= 4 * n + 64:  # counting beats sorting when the key range is small
            all_counts = np.bincount(raw, minlength=size)
            keys = np.flatnonzero(all_counts)
            counts = all_counts[keys]
            position = np.zeros(size, dtype=np.int64)
            position[keys] = np.arange(len(keys))
            inverse = position[raw]
        else:
            keys, inverse, counts = np.unique(raw, return_inverse=True, return_counts=True)
        new_values: dict[Fraction, int] = {}
        mapping = np.empty(len(keys), dtype=np.int64)
        full: dict[Fraction, int] = {}
        rest, rest_voters = Fraction(0), 0
        for t, key in enumerate(keys.tolist()):
            c, uu = divmod(key, self.m)
            b = self.values[c]
            if uu:
                if rho * uu <= b:
                    full[rho * uu] = full.get(rho * uu, 0) + int(counts[t])
                    b = b - rho * uu
                else:
                    rest += b * int(counts[t])
                    rest_voters += int(counts[t])
                    b = Fraction(0)
            mapping[t] = new_values.setdefault(b, len(new_values))
        self.cls = mapping[inverse]
        self.values = list(new_values)
        order = sorted(range(len(self.values)), key=self.values.__getitem__)
        self._rank = np.empty(len(self.values), dtype=np.int64)
        self._rank[order] = np.arange(len(self.values))
        out = [Payment(a, v) for a, v in sorted(full.items(), reverse=True)]
        if rest_voters:
            out.append(Payment(rest, rest_voters, everything=True))
        return out


def _exact_price(classes: _Classes, idx: np.ndarray, u: np.ndarray, cost: Fraction) -> Fraction | None:
    """The exact rho of a project, or None when its supporters cannot pay for it any more."""
    groups = classes.groups(idx, u)
    if sum((b * cnt for b, _, cnt in groups), start=Fraction(0)) < cost:
        return None
    paid = Fraction(0)
    denominator = sum(uu * cnt for _, uu, cnt in groups)
    for b, uu, cnt in groups:
        rho = (cost - paid) / denominator
        if rho * uu <= b:
            return rho
        paid += b * cnt
        denominator -= uu * cnt
    raise AssertionError("supporters can pay but no price was found")  # pragma: no cover


def run_mes_reference(
    profile: Profile,
    *,
    candidates: list[int],
    per_voter_budget: Fraction,
    key: TieKey,
) -> MesRun:
    """Run MES once, every price an exact fraction (see ``mes.py`` for the rule)."""
    run = MesRun(per_voter_budget=per_voter_budget, candidates=list(candidates))
    if not candidates or profile.n_voters == 0:
        return run
    approval = profile.approval
    classes = _Classes(profile.n_voters, per_voter_budget, approval, profile.max_utility)
    projects = profile.projects
    cost = {k: projects[k].cost for k in candidates}
    weight = {k: (cost[k] if approval else Fraction(1)) for k in candidates}
    # Prices only rise as budgets fall, so the last price seen is a lower bound (as in pabutools).
    bound = {k: cost[k] / int(profile.utilities[k].sum()) / weight[k] for k in candidates}
    remaining = set(candidates)
    rnd = 0
    while remaining:
        rnd += 1
        prices: dict[int, Fraction] = {}
        best: Fraction | None = None
        for k in sorted(remaining, key=bound.__getitem__):
            if best is not None and bound[k] > best:
                break
            idx, u = profile.supporters[k], profile.utilities[k]
            rho = _exact_price(classes, idx, u, cost[k])
            if rho is None:
                remaining.discard(k)
                run.dropped[k] = MesDrop(k, rnd, classes.money(idx, u))
                continue
            prices[k] = rho
            bound[k] = rho / weight[k]
            best = bound[k] if best is None or bound[k] < best else best
        if not prices:
            break
        tied = [k for k in prices if prices[k] / weight[k] == best]
        chosen = min(tied, key=lambda k: key(projects[k]))
        payments = classes.pay(profile.supporters[chosen], profile.utilities[chosen], prices[chosen])
        run.selected.append(MesSelection(chosen, rnd, prices[chosen], payments))
        remaining.discard(chosen)
    return run
