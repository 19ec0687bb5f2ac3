"""The analysis result: frozen dataclasses, plain values, no Django."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Parameters:
    """The knobs of the method; the defaults are Pol.is's."""

    min_votes: int = 7  # included once votes cast >= min(min_votes, statements)
    base_k: int = 100  # base clusters
    max_k: int = 5  # opinion groups tried: 2 .. min(max_k, 2 + base clusters // 12)
    k_buffer: int = 4  # warm start: a new k is adopted after this many runs in a row
    z: float = 1.2816  # one-sided 90% confidence for the repness and consensus tests
    pick_max: int = 5  # representative statements per group, consensus per direction
    base_starts: int = 1  # k-means++ seedings for the base clusters (best kept)
    group_starts: int = 16  # k-means++ starts per k for the opinion groups
    weighted_silhouette: bool = False  # True: base clusters count by their participants
    polis_scaling: bool = True  # moderated-out statements count in the map scaling, as Pol.is's zeroed columns
    polis_inclusion: bool = True  # votes on moderated-out statements count for inclusion (Pol.is's in-conv)
    top_up: bool = False  # True: fewer than 15 included are topped up with the most active voters (Pol.is)
    polis_starts: bool = False  # True: k-means starts from the first distinct points (Pol.is); False: k-means++


@dataclass(frozen=True)
class Repness:
    """How representative a statement is for one group (Pol.is's statistics).

    na/nd/ns: agrees, disagrees, votes cast (passes included) within the group;
    pa = (na+1)/(ns+2), pd = (nd+1)/(ns+2); pat/pdt: one-proportion z against 1/2;
    ra/rd: pa (pd) of the group divided by that of everyone else; rat/rdt: two-proportion z
    of the group against everyone else. ``direction`` says which side is representative.
    """

    statement_id: Hashable
    direction: str  # "agree" | "disagree"
    na: int
    nd: int
    ns: int
    pa: float
    pd: float
    pat: float
    pdt: float
    ra: float
    rd: float
    rat: float
    rdt: float
    best_agree: bool = False

    @property
    def p_success(self) -> float:
        return self.pa if self.direction == "agree" else self.pd

    @property
    def p_test(self) -> float:
        return self.pat if self.direction == "agree" else self.pdt

    @property
    def repness(self) -> float:
        return self.ra if self.direction == "agree" else self.rd

    @property
    def repness_test(self) -> float:
        return self.rat if self.direction == "agree" else self.rdt


@dataclass(frozen=True)
class Group:
    id: int
    size: int
    centre: tuple[float, float]
    representative: tuple[Repness, ...]


@dataclass(frozen=True)
class ConsensusStatement:
    """A statement (nearly) everyone agrees (or disagrees) with, over all participants."""

    statement_id: Hashable
    direction: str
    n_success: int
    n_trials: int
    p_success: float  # (n_success+1)/(n_trials+2)
    p_test: float  # one-proportion z against 1/2
    group_aware_consensus: float


@dataclass(frozen=True, eq=False)
class Consensus:
    agree: tuple[ConsensusStatement, ...]
    disagree: tuple[ConsensusStatement, ...]
    group_aware_agree: np.ndarray  # per statement: prod over groups of (na+1)/(ns+2)
    group_aware_disagree: np.ndarray  # per statement: prod over groups of (nd+1)/(ns+2)


@dataclass(frozen=True)
class DivisiveStatement:
    """A statement the groups disagree about: net agreement differs most between groups."""

    statement_id: Hashable
    divisiveness: float  # max - min over groups of (na - nd)/(ns + 2); 0 … 2
    net_agreement: tuple[float, ...]  # per group


@dataclass(frozen=True, eq=False)
class EngineState:
    """What a later run needs to warm-start from this one."""

    statement_ids: tuple
    components: np.ndarray  # (2, statements)
    base_centres: np.ndarray  # (b, 2)
    group_centres: dict[int, np.ndarray]  # k -> (k, 2), after renumbering
    included_ids: frozenset
    k_last: int  # best k by silhouette in the last run
    k_last_count: int  # how many runs in a row that k was best
    k: int  # the k in use (smoothed)
    group_labels: dict = field(default_factory=dict)  # participant id -> group, for numbering

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, so a snapshot can carry the warm start to a later run or worker.

        Ids must be JSON values (numbers or strings) to come back equal."""
        return {
            "statement_ids": list(self.statement_ids),
            "components": self.components.tolist(),
            "base_centres": self.base_centres.tolist(),
            "group_centres": {str(k): c.tolist() for k, c in self.group_centres.items()},
            "included_ids": sorted(self.included_ids, key=lambda x: (str(type(x)), x)),
            "k_last": self.k_last,
            "k_last_count": self.k_last_count,
            "k": self.k,
            "group_labels": [[pid, g] for pid, g in self.group_labels.items()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EngineState:
        return cls(
            statement_ids=tuple(data["statement_ids"]),
            components=np.asarray(data["components"], dtype=float).reshape(2, -1),
            base_centres=np.asarray(data["base_centres"], dtype=float).reshape(-1, 2),
            group_centres={int(k): np.asarray(c, dtype=float).reshape(-1, 2) for k, c in data["group_centres"].items()},
            included_ids=frozenset(data["included_ids"]),
            k_last=int(data["k_last"]),
            k_last_count=int(data["k_last_count"]),
            k=int(data["k"]),
            group_labels={pid: int(g) for pid, g in data.get("group_labels", [])},
        )


@dataclass(frozen=True, eq=False)
class AnalysisResult:
    """Opinion groups, representative statements and common ground of one dialogue.

    Arrays run over ``participant_ids`` (labels, coordinates, included) or over
    ``statement_ids`` (group-aware consensus). ``labels`` is -1 for participants not in a
    group (too few votes). ``status`` is "ok" or "not_enough_votes" (fewer than two
    participants with enough votes, or no statements): then there are no groups.
    """

    participant_ids: tuple
    statement_ids: tuple
    included: np.ndarray
    labels: np.ndarray
    coordinates: np.ndarray
    groups: tuple[Group, ...]
    consensus: Consensus
    divisive: tuple[DivisiveStatement, ...]
    k: int
    silhouette: float
    silhouettes: dict[int, float]
    n_votes: int
    status: str
    parameters: Parameters
    seed: int
    state: EngineState | None = field(default=None, repr=False)

    def group_of(self, participant_id: Hashable) -> int | None:
        label = int(self.labels[self.participant_ids.index(participant_id)])
        return None if label < 0 else label

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (ids kept as given; callers stringify keys if needed)."""
        from .report import result_to_dict

        return result_to_dict(self)
