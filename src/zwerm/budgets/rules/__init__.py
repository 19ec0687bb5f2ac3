"""Counting rules for participatory budgets: greedy and the Method of Equal Shares.

Plain Python and numpy; never imports Django, so the command line, the platform, the tests and the
benchmark all call the same :func:`count`.
"""

from .completion import ADD1, COMPLETIONS
from .count import RULES, count, count_districts
from .outcome import Outcome, Payment, ProjectExplanation
from .types import (
    ApprovalBallot,
    Ballot,
    BallotLimits,
    CumulativeBallot,
    Instance,
    Project,
    to_fraction,
)
from .validation import BallotError, validate_ballot

__all__ = [
    "ADD1",
    "COMPLETIONS",
    "RULES",
    "ApprovalBallot",
    "Ballot",
    "BallotError",
    "BallotLimits",
    "CumulativeBallot",
    "Instance",
    "Outcome",
    "Payment",
    "Project",
    "ProjectExplanation",
    "count",
    "count_districts",
    "to_fraction",
    "validate_ballot",
]
