"""The Method of Equal Shares (MES) for one per-voter budget, exact and fast.

Every voter gets the same budget ``b``. In each round, for every project still in the race we find
the smallest price per unit of utility ``rho`` such that its supporters, each paying
``min(own budget, rho * utility)``, together pay its cost. A project whose supporters have less
money left than its cost drops out. The project with the smallest price per unit of *cost utility*
is funded (approval: ``rho`` is a payment per voter and is divided by the cost, i.e. the project
with the largest *effective vote count* ``cost / rho`` wins; cumulative: utilities are the points,
as in pabutools, and ``rho`` is compared as it is). Ties go to the smallest tie-breaking key
(by default the project id compared as text, as pabutools does). The supporters pay and the next
round starts; the run ends when no project can be paid for any more.

Engines: ``mes_certified.py`` (numpy, floating point screened by exact fractions; the default)
and ``mes_reference.py`` (plain fractions; slow, for checking). Both give the same winners.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from .outcome import Payment
from .profile import Profile, TieKey


@dataclass
class MesSelection:
    project: int
    round: int
    price: Fraction | None  # rho: payment per unit of utility of a supporter who could pay in full
    payments: list[Payment] | None = None  # filled in by ``MesRun.explain``


@dataclass(frozen=True)
class MesDrop:
    project: int
    round: int
    money: Fraction | float  # what its supporters had left, less than its cost


@dataclass
class MesRun:
    """One run of MES at one per-voter budget."""

    per_voter_budget: Fraction
    candidates: list[int]  # projects MES considered: eligible, supported, cost > 0
    selected: list[MesSelection] = field(default_factory=list)
    dropped: dict[int, MesDrop] = field(default_factory=dict)

    pricer: Callable[[int], Fraction] | None = None  # exact price of the t-th selection
    payer: Callable[[int], list[Payment]] | None = None  # payments of the t-th selection

    @property
    def winners(self) -> list[int]:
        return [s.project for s in self.selected]

    def explain(self) -> None:
        """Fill in the exact price and who paid how much for every funded project."""
        for t, s in enumerate(self.selected):
            if s.price is None and self.pricer is not None:
                s.price = self.pricer(t)
            if s.payments is None and self.payer is not None:
                s.payments = self.payer(t)


def run_mes(
    profile: Profile,
    *,
    candidates: list[int],
    per_voter_budget: Fraction,
    key: TieKey,
    exact: bool = False,
    engine: str = "certified",
    cache: dict | None = None,
) -> MesRun:
    """Run MES once with the given per-voter budget over ``candidates`` (supported, cost > 0).

    ``engine="certified"`` (default) is the float-screened engine of ``mes_certified.py``;
    ``engine="reference"`` the plain-fraction engine of ``mes_reference.py`` (slow, for checking).
    """
    if engine == "reference":
        from .mes_reference import run_mes_reference

        return run_mes_reference(profile, candidates=candidates, per_voter_budget=per_voter_budget, key=key)
    if engine != "certified":
        raise ValueError(f"unknown MES engine {engine!r}")
    from .mes_certified import run_mes_certified

    return run_mes_certified(
        profile,
        candidates=candidates,
        per_voter_budget=per_voter_budget,
        key=key,
        exact=exact,
        cache=cache,
    )
