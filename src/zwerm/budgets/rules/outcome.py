"""The result of a count and the explanation per project."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any


def money(value: Fraction | int | None) -> Any:
    """An amount for JSON: a whole number stays a number, otherwise a float (see ``exact``)."""
    if value is None:
        return None
    value = Fraction(value)
    return int(value) if value.denominator == 1 else float(value)


def exact(value: Fraction | int | None) -> str | None:
    """An amount as an exact text ("1000/3"), so anyone can reproduce it."""
    return None if value is None else str(Fraction(value))


@dataclass(frozen=True)
class Payment:
    """``voters`` supporters each paid ``amount`` towards a project.

    With ``everything=True`` these supporters could not pay the full price and paid all they had
    left; ``amount`` is then what they paid together.
    """

    amount: Fraction
    voters: int
    everything: bool = False


@dataclass
class ProjectExplanation:
    """Why a project was funded or not.

    ``reason`` is a stable code for the platform to translate; ``text`` says it in English.
    Codes: funded_mes, funded_zero_cost, funded_greedy, not_affordable_mes, did_not_fit,
    below_minimum_votes, over_budget.
    """

    project_id: str
    funded: bool
    reason: str
    text: str
    cost: Fraction
    votes: int
    score: int
    position: int | None = None  # place in the greedy order (1 = first)
    round: int | None = None  # MES round in which it was funded or dropped out
    price: Fraction | None = None  # MES: the most one supporter paid per unit of utility
    effective_votes: Fraction | None = None  # MES: cost / price (approval: equal-paying voters)
    payments: list[Payment] = field(default_factory=list)
    remaining_budget: Fraction | None = None  # greedy: budget left when it was considered
    supporters_money: Fraction | None = None  # MES: money its supporters had left at drop-out

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project_id,
            "funded": self.funded,
            "reason": self.reason,
            "text": self.text,
            "cost": money(self.cost),
            "votes": self.votes,
            "score": self.score,
            "position": self.position,
            "round": self.round,
            "price": money(self.price),
            "price_exact": exact(self.price),
            "effective_votes": None if self.effective_votes is None else float(self.effective_votes),
            "payments": [
                {
                    "amount": money(p.amount),
                    "amount_exact": exact(p.amount),
                    "voters": p.voters,
                    "paid_all_they_had": p.everything,
                }
                for p in self.payments
            ],
            "remaining_budget": money(self.remaining_budget),
            "supporters_money": money(self.supporters_money),
        }


@dataclass
class Outcome:
    """The winners of a count, in the order they were funded, with everything needed to explain it."""

    rule: str
    completion: str | None
    budget: Fraction
    winners: list[str]
    cost: Fraction
    voters: int
    voters_with_a_funded_project: int
    explanations: dict[str, ProjectExplanation]
    exact: bool
    tie_break: str
    per_voter_budget: Fraction | None = None  # MES: the per-voter budget of the outcome used
    completion_steps: int = 0  # MES: how many times the per-voter budget was raised
    stop_reason: str | None = None
    over_budget_at: Fraction | None = None  # MES: the per-voter budget at which it overspent
    seconds: float = 0.0
    district: str | None = None
    fill_up: bool = False  # MES: what the completion left was filled up greedily
    step: Fraction | None = None  # MES add1: how much the per-voter budget was raised each time

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "completion": self.completion,
            "fill_up": self.fill_up,
            "step": money(self.step),
            "district": self.district,
            "winners": list(self.winners),
            "cost": money(self.cost),
            "budget": money(self.budget),
            "seconds": self.seconds,
            "voters": self.voters,
            "voters_with_a_funded_project": self.voters_with_a_funded_project,
            "exact": self.exact,
            "tie_break": self.tie_break,
            "per_voter_budget": money(self.per_voter_budget),
            "per_voter_budget_exact": exact(self.per_voter_budget),
            "completion_steps": self.completion_steps,
            "stop_reason": self.stop_reason,
            "over_budget_at": money(self.over_budget_at),
            "explanations": [e.to_dict() for e in self.explanations.values()],
        }
