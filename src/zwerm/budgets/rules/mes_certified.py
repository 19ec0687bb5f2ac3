"""The default MES engine: numpy floating point, every close call decided with exact fractions.

Why this is exact. A supporter who can pay pays exactly ``rho * utility``; one who cannot pays all
it has and is left with 0. So the exact budget of a voter who still has money is
``b - sum(rho_j * u_ij)`` over the funded projects j it supports: a sum of a few exact fractions
with whole-number coefficients. Sums over many voters are therefore exact too, from integer counts
(``exact_money``). Floating point is only used to *locate* things: which supporters can pay a
price, which project is cheapest. Where a voter's budget lies within ``RTOL`` (1e-9) of the
price - far above the rounding error, which stays below 1e-13 of the per-voter budget - the
voter is classified with exact fractions instead; where two prices lie within ``RTOL`` of each
other, they are compared as exact fractions; where the money left lies within ``RTOL`` of the cost,
the money is summed exactly. The funded project's price is always an exact fraction.

``exact=True`` additionally computes every price it looks at as an exact fraction and compares
prices only exactly; ``exact=False`` does that only for close calls. Both give the same winners.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .mes import MesDrop, MesRun, MesSelection
from .outcome import Payment
from .profile import Profile, TieKey

RTOL = 1e-9


class _Context:
    """What does not change between runs of one count: costs, weights, utilities."""

    def __init__(self, profile: Profile, candidates: list[int]):
        self.profile = profile
        self.n = profile.n_voters
        approval = profile.approval
        self.cost = {k: profile.projects[k].cost for k in candidates}
        self.cost_f = {k: float(c) for k, c in self.cost.items()}
        self.weight = {k: (self.cost[k] if approval else Fraction(1)) for k in candidates}
        self.weight_f = {k: float(w) for k, w in self.weight.items()}
        self.utotal = {k: int(profile.utilities[k].sum()) for k in candidates}
        # The lowest price per unit a project can ever have (everyone pays alike), the same for
        # every run of a count: computed once, as fractions are slow.
        self.first_bound = {k: float(self.cost[k] / self.utotal[k] / self.weight[k]) for k in candidates}
        self.uf = {k: (None if approval else profile.utilities[k].astype(float)) for k in candidates}
        used_type = np.int8 if profile.max_utility < 128 else np.int32
        # used[i, t]: utility of voter i for the project in column t (``columns[t]``). A column's
        # content depends only on its project, so runs share the buffer and rewrite what differs.
        self.used = np.zeros((self.n, len(candidates)), dtype=used_type)
        self.columns: list[int | None] = [None] * len(candidates)

    def used_for(self, funded: list[int]) -> np.ndarray:
        """The buffer with column t holding the utilities for ``funded[t]``."""
        supporters, utilities = self.profile.supporters, self.profile.utilities
        for t, k in enumerate(funded):
            old = self.columns[t]
            if old != k:
                if old is not None:
                    self.used[supporters[old], t] = 0
                self.used[supporters[k], t] = utilities[k]
                self.columns[t] = k
        return self.used


class _State:
    """Budgets during one run: floats per voter, exact through the funded projects' prices."""

    def __init__(self, ctx: _Context, b0: Fraction):
        self.ctx = ctx
        self.b0, self.b0f = b0, float(b0)
        self.bf = np.full(ctx.n, self.b0f)
        self.zeroed = np.zeros(ctx.n, dtype=bool)  # paid everything they had
        self.funded: list[int] = []
        self._prices: list[Fraction | None] = []  # exact, computed when first needed
        self._denominator = b0.denominator
        self._b0_scaled = b0.numerator
        self._scaled: list[int] = []  # price_t * _denominator, for the prices known so far
        self.poor: list[np.ndarray] = []  # voters who paid all they had, per funded project
        self.broke: list[int] = []  # supporters with nothing left already, per funded project
        self.rich: list[np.ndarray] = []  # utilities of the supporters paying in full

    def price(self, t: int) -> Fraction:
        """Exact price of the t-th funded project: (cost - what the poor paid) / rich utility."""
        for s in range(len(self._scaled), t + 1):
            if self._prices[s] is None:
                k = self.funded[s]
                paid = self.exact_money(self.poor[s], upto=s)
                self._prices[s] = (self.ctx.cost[k] - paid) / int(self.rich[s].sum())
            self._scale_in(self._prices[s])
        return self._prices[t]

    def _scale_in(self, rho: Fraction) -> None:
        """Keep every known price as a whole number over one common denominator, so that a
        budget is an integer dot product instead of a chain of fraction operations."""
        if self._denominator % rho.denominator:
            factor = rho.denominator // math.gcd(self._denominator, rho.denominator)
            self._denominator *= factor
            self._b0_scaled *= factor
            self._scaled = [p * factor for p in self._scaled]
        self._scaled.append(rho.numerator * (self._denominator // rho.denominator))

    def _combination(self, count: int, coefficients: list[int]) -> Fraction:
        """count * b0 - sum(coefficient_t * price_t), exactly."""
        if coefficients:
            self.price(len(coefficients) - 1)  # makes sure every price needed is scaled in
        total = count * self._b0_scaled
        for c, p in zip(coefficients, self._scaled, strict=False):
            if c:
                total -= c * p
        return Fraction(total, self._denominator)

    def exact_money(self, voters: np.ndarray, upto: int | None = None) -> Fraction:
        """Exact total budget of ``voters`` (who must not have paid all before ``upto``)."""
        if upto is None:
            voters = voters[~self.zeroed[voters]]
            upto = len(self.funded)
        if not upto or not len(voters):
            return len(voters) * self.b0
        # Summing the utilities for the funded projects over a group of voters gives the
        # whole-number coefficients of their exact total budget.
        used = self.ctx.used_for(self.funded[:upto])[voters, :upto]
        return self._combination(len(voters), used.sum(axis=0, dtype=np.int64).tolist())

    def exact_budgets(self, voters: np.ndarray, upto: int | None = None) -> tuple[np.ndarray, list[Fraction]]:
        """Exact budget per voter as (group of each voter, budget of each group)."""
        upto = len(self.funded) if upto is None else upto
        if not upto or not len(voters):
            return np.zeros(len(voters), dtype=np.int64), [self.b0]
        rows = self.ctx.used_for(self.funded[:upto])[voters, :upto]
        unique, inverse = np.unique(rows, axis=0, return_inverse=True)
        values = [self._combination(1, row) for row in unique.tolist()]
        return inverse.reshape(-1), values

    def float_price(self, k: int) -> tuple[str, float | None]:
        """("drop", None), ("ok", rho) or ("check", rho or None) when too close to call."""
        ctx = self.ctx
        idx, uf, cost = ctx.profile.supporters[k], ctx.uf[k], ctx.cost_f[k]
        sb = self.bf[idx]
        money = float(sb.sum())
        if money < cost * (1 - RTOL):
            return "drop", None
        if money <= cost * (1 + RTOL):
            return "check", None
        r = sb if uf is None else sb / uf
        rr, rb, ru = r, sb, uf
        denominator = float(ctx.utotal[k])
        poor_money = 0.0
        rho = cost / denominator
        if float(r.min()) > rho + RTOL * (rho + self.b0f):
            return "ok", rho  # every supporter pays the same price per unit: the usual case
        for _ in range(60):  # supporters who cannot pay rho pay all they have; raise rho
            sel = rr < rho
            if not sel.any():
                break
            poor_money += float(rb[sel].sum())
            denominator -= float(sel.sum()) if ru is None else float(ru[sel].sum())
            keep = ~sel
            rr, rb = rr[keep], rb[keep]
            ru = None if ru is None else ru[keep]
            if denominator <= 0:
                return "check", None
            rho = (cost - poor_money) / denominator
        else:
            return "check", None
        if np.any(np.abs(r - rho) <= RTOL * (rho + self.b0f)):
            return "check", rho
        return "ok", rho

    def exact_price(self, k: int, hint: float | None) -> tuple[Fraction, np.ndarray] | None:
        """Exact rho of project k and which supporters pay all they have; None if unaffordable."""
        ctx = self.ctx
        idx, u, cost = ctx.profile.supporters[k], ctx.profile.utilities[k], ctx.cost[k]
        if hint is None and self.exact_money(idx) < cost:
            return None
        r = self.bf[idx] / u
        if hint is None:
            clear_poor = np.zeros(len(idx), dtype=bool)
            clear_rich = clear_poor.copy()
        else:
            tol = RTOL * (hint + self.b0f)
            clear_poor, clear_rich = r < hint - tol, r > hint + tol
        paid = self.exact_money(idx[clear_poor]) if clear_poor.any() else Fraction(0)
        margin = np.flatnonzero(~(clear_poor | clear_rich))
        rich_utility = int(u[clear_rich].sum())
        if not len(margin):  # the usual case: the float split is certain
            if rich_utility:
                rho = (cost - paid) / rich_utility
                if abs(float(rho) - hint) <= 0.25 * RTOL * (hint + self.b0f):
                    return rho, clear_poor
            return self.exact_price(k, None)
        # Margin voters, grouped by exact budget and utility; those with nothing left have 0.
        groups_of, values = self.exact_budgets(idx[margin])
        width = int(u.max()) + 1
        keys = np.where(self.zeroed[idx[margin]], -1 - u[margin], groups_of * width + u[margin])
        unique, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        groups = []
        for t, key in enumerate(unique.tolist()):
            uu = -1 - key if key < 0 else key % width
            b = Fraction(0) if key < 0 else values[key // width]
            groups.append((b / uu, b, uu, int(counts[t]), t))
        groups.sort()
        denominator = rich_utility + sum(g[2] * g[3] for g in groups)
        rho, poor_groups = None, []
        for _, b, uu, cnt, t in groups:
            candidate = (cost - paid) / denominator
            if candidate * uu <= b:
                rho = candidate
                break
            paid += b * cnt
            denominator -= uu * cnt
            poor_groups.append(t)
        if rho is None:
            if denominator <= 0:
                if hint is None:
                    raise AssertionError("supporters can pay but no price was found")
                return self.exact_price(k, None)
            rho = (cost - paid) / denominator
        if hint is not None and abs(float(rho) - hint) > 0.25 * RTOL * (hint + self.b0f):
            return self.exact_price(k, None)  # the float hint was off: classify everyone exactly
        poor = clear_poor.copy()
        poor[margin[np.isin(inverse.reshape(-1), poor_groups)]] = True
        return rho, poor

    def fund(self, k: int, rho: Fraction | float, poor: np.ndarray) -> None:
        """Supporters pay: in full (rho * utility) or, when poor, all they have."""
        idx, u = self.ctx.profile.supporters[k], self.ctx.profile.utilities[k]
        broke_before = self.zeroed[idx]
        rich = ~poor
        self.poor.append(idx[poor & ~broke_before])
        self.broke.append(int((poor & broke_before).sum()))
        self.rich.append(u[rich])
        self.funded.append(k)
        self._prices.append(rho if isinstance(rho, Fraction) else None)
        rho_f = float(rho)
        paying = idx[rich]
        self.bf[paying] = np.maximum(self.bf[paying] - rho_f * u[rich], 0.0)
        self.bf[idx[poor]] = 0.0
        self.zeroed[idx[poor]] = True

    def payments(self, t: int) -> list[Payment]:
        """Who paid how much for the t-th funded project (see :class:`Payment`)."""
        out = []
        for uu, cnt in sorted(zip(*np.unique(self.rich[t], return_counts=True), strict=True), reverse=True):
            out.append(Payment(self.price(t) * int(uu), int(cnt)))
        poor = len(self.poor[t]) + self.broke[t]
        if poor:
            out.append(Payment(self.exact_money(self.poor[t], upto=t), poor, everything=True))
        return out


def run_mes_certified(
    profile: Profile,
    *,
    candidates: list[int],
    per_voter_budget: Fraction,
    key: TieKey,
    exact: bool = False,
    cache: dict | None = None,
) -> MesRun:
    """Run MES once (see ``mes.py``); ``cache`` lets repeated runs share the set-up work."""
    run = MesRun(per_voter_budget=per_voter_budget, candidates=list(candidates))
    if not candidates or profile.n_voters == 0:
        return run
    ctx = cache.get("context") if cache is not None else None
    if ctx is None:
        ctx = _Context(profile, candidates)
        if cache is not None:
            cache["context"] = ctx
    state = _State(ctx, per_voter_budget)
    projects = profile.projects
    # Prices only rise as budgets fall, so the last price seen is a lower bound (as in pabutools).
    bound_f = dict(ctx.first_bound)
    remaining = set(candidates)
    rnd = 0
    while remaining:
        rnd += 1
        exact_seen: dict[int, tuple[Fraction, np.ndarray]] = {}
        seen: dict[int, float] = {}
        hints: dict[int, float] = {}
        best_x: Fraction | None = None
        best_f: float | None = None
        for k in sorted(remaining, key=bound_f.__getitem__):
            if best_f is not None and bound_f[k] > best_f * (1 + 4 * RTOL):
                break  # its lower bound is clearly above the best price found
            verdict, rho_f = state.float_price(k)
            if verdict != "drop" and (exact or verdict == "check"):
                found = state.exact_price(k, rho_f)
                if found is None:
                    verdict = "drop"
                else:
                    exact_seen[k] = found
                    rho_f = float(found[0])
            if verdict == "drop":
                remaining.discard(k)
                run.dropped[k] = MesDrop(k, rnd, float(state.bf[profile.supporters[k]].sum()))
                continue
            hints[k] = rho_f
            metric_f = rho_f / ctx.weight_f[k]
            seen[k] = metric_f
            bound_f[k] = metric_f
            best_f = metric_f if best_f is None or metric_f < best_f else best_f
            if exact:
                metric = exact_seen[k][0] / ctx.weight[k]
                best_x = metric if best_x is None or metric < best_x else best_x
        if not seen:
            break
        if exact:
            tied = [k for k in seen if exact_seen[k][0] / ctx.weight[k] == best_x]
        else:
            tied = [k for k, m in seen.items() if m <= best_f * (1 + 4 * RTOL)]
            if len(tied) > 1:  # too close to call in floating point: compare exactly
                for k in tied:
                    if k not in exact_seen:
                        exact_seen[k] = state.exact_price(k, hints[k])
                low = min(exact_seen[k][0] / ctx.weight[k] for k in tied)
                tied = [k for k in tied if exact_seen[k][0] / ctx.weight[k] == low]
        chosen = min(tied, key=lambda k: key(projects[k]))
        found = exact_seen.get(chosen)
        if found is None:  # certified in floating point: the exact price can wait
            idx, u = profile.supporters[chosen], profile.utilities[chosen]
            ratio = state.bf[idx] / u
            found = (hints[chosen], ratio < hints[chosen])
        state.fund(chosen, *found)
        run.selected.append(MesSelection(chosen, rnd, None))
        remaining.discard(chosen)
    run.pricer = state.price
    run.payer = state.payments
    return run
