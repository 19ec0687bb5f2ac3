"""Counting rules for participatory budgets: greedy and the Method of Equal Shares.

Plain Python and numpy; never imports Django, so the command line, the platform, the tests and the
benchmark all call the same :func:`count`.
"""

from .completion import COMPLETIONS
from .count import RULES, count, count_districts
from .outcome import Outcome, Payment, ProjectExplanation
from .types import (
    ApprovalBallot,
    Ballot,
    BallotLimits,
    CumulativeBallot,
    Instance,
    Project,
)
from .validation import BallotError, validate_ballot

__all__ = [
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
    "validate_ballot",
]
