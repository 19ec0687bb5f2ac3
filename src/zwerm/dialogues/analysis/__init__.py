"""Zwerm's opinion engine (Pol.is method): numpy, scipy and scikit-learn only, never Django.

>>> from zwerm.dialogues.analysis import VoteMatrix, analyse
>>> result = analyse(VoteMatrix.from_votes(triples), excluded_statement_ids=moderated_out)
"""

from .engine import NOT_ENOUGH_VOTES, analyse
from .matrix import AGREE, DISAGREE, PASS, VoteMatrix, VoteMatrixError
from .result import (
    AnalysisResult,
    Consensus,
    ConsensusStatement,
    DivisiveStatement,
    EngineState,
    Group,
    Parameters,
    Repness,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "NOT_ENOUGH_VOTES",
    "PASS",
    "AnalysisResult",
    "Consensus",
    "ConsensusStatement",
    "DivisiveStatement",
    "EngineState",
    "Group",
    "Parameters",
    "Repness",
    "VoteMatrix",
    "VoteMatrixError",
    "analyse",
]
