"""The vote matrix: participants × statements, sparse, with pass kept apart from missing."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

AGREE = 1
DISAGREE = -1
PASS = 0


class VoteMatrixError(ValueError):
    """The votes given to the engine are inconsistent (unknown id, bad value, bad shape)."""


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    """Participant × statement votes.

    ``cast`` holds one stored entry per vote that was cast (agree, disagree or pass); its
    structure *is* the mask, so a pass (value 0) is never confused with a missing vote.
    ``values`` has the same structure with +1 (agree), -1 (disagree) or 0 (pass) as data.
    Both are CSR, rows in the order of ``participant_ids``, columns in the order of
    ``statement_ids``. Build one with :meth:`from_triples` or :meth:`from_votes`.
    """

    participant_ids: tuple
    statement_ids: tuple
    values: sp.csr_matrix  # float64 data in {-1, 0, +1}; explicit zeros are passes
    cast: sp.csr_matrix  # same structure, data all 1

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    @property
    def n_votes(self) -> int:
        return int(self.cast.nnz)

    @classmethod
    def from_triples(
        cls,
        rows: np.ndarray,
        cols: np.ndarray,
        votes: np.ndarray,
        *,
        participant_ids: Sequence[Hashable],
        statement_ids: Sequence[Hashable],
    ) -> VoteMatrix:
        """Build from index arrays (row i, column j, vote v). Each (i, j) at most once.

        Raises :class:`VoteMatrixError` on out-of-range indices, votes outside {-1, 0, 1},
        duplicated cells or duplicated ids.
        """
        rows = np.asarray(rows, dtype=np.int64).ravel()
        cols = np.asarray(cols, dtype=np.int64).ravel()
        votes = np.asarray(votes).ravel()
        n, m = len(participant_ids), len(statement_ids)
        if not (len(rows) == len(cols) == len(votes)):
            raise VoteMatrixError("rows, cols and votes must have the same length")
        for what, ids in (("participant", participant_ids), ("statement", statement_ids)):
            if len(set(ids)) != len(ids):
                raise VoteMatrixError(f"{what} ids are not unique")
        if len(rows):
            if rows.min() < 0 or rows.max() >= n:
                raise VoteMatrixError("participant index out of range")
            if cols.min() < 0 or cols.max() >= m:
                raise VoteMatrixError("statement index out of range")
            bad = ~np.isin(votes, (-1, 0, 1))
            if bad.any():
                raise VoteMatrixError(f"vote value {votes[bad][0].item()!r} is not -1, 0 or 1")
        # Sort by (row, col) once; this gives canonical CSR and exposes duplicates.
        key = rows * max(m, 1) + cols
        order = np.argsort(key, kind="stable")
        key = key[order]
        if len(key) > 1 and (key[1:] == key[:-1]).any():
            raise VoteMatrixError("a participant has more than one vote on a statement")
        rows, cols = rows[order], cols[order]
        data = votes[order].astype(np.float64)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        index_dtype = np.int32 if max(n, m, len(cols)) < 2**31 - 1 else np.int64
        indices = cols.astype(index_dtype)
        indptr = indptr.astype(index_dtype)
        values = sp.csr_matrix((data, indices, indptr), shape=(n, m))
        # Own index arrays: an in-place scipy operation on one matrix must not touch the other.
        cast = sp.csr_matrix((np.ones(len(data)), indices.copy(), indptr.copy()), shape=(n, m))
        return cls(tuple(participant_ids), tuple(statement_ids), values, cast)

    @classmethod
    def from_votes(
        cls,
        votes: Iterable[tuple[Hashable, Hashable, int]],
        *,
        statement_ids: Sequence[Hashable] | None = None,
        participant_ids: Sequence[Hashable] | None = None,
        excluded_statement_ids: Iterable[Hashable] = (),
    ) -> VoteMatrix:
        """Build from (participant id, statement id, vote) triples, one per cell.

        Votes on ``excluded_statement_ids`` (moderated out, meta) are dropped, as are those
        columns. Ids missing from ``statement_ids`` / ``participant_ids`` (when given) raise
        :class:`VoteMatrixError`; when not given they are collected in order of appearance.
        """
        excluded = set(excluded_statement_ids)
        triples = [t for t in votes if t[1] not in excluded]
        if participant_ids is None:
            participant_ids = list(dict.fromkeys(t[0] for t in triples))
        if statement_ids is None:
            statement_ids = list(dict.fromkeys(t[1] for t in triples))
        statement_ids = [s for s in statement_ids if s not in excluded]
        p_index = {p: i for i, p in enumerate(participant_ids)}
        s_index = {s: j for j, s in enumerate(statement_ids)}
        try:
            rows = np.fromiter((p_index[t[0]] for t in triples), np.int64, len(triples))
        except KeyError as e:
            raise VoteMatrixError(f"unknown participant id {e.args[0]!r}") from None
        try:
            cols = np.fromiter((s_index[t[1]] for t in triples), np.int64, len(triples))
        except KeyError as e:
            raise VoteMatrixError(f"unknown statement id {e.args[0]!r}") from None
        values = np.fromiter((t[2] for t in triples), np.int64, len(triples))
        return cls.from_triples(rows, cols, values, participant_ids=participant_ids, statement_ids=statement_ids)

    @classmethod
    def from_id_arrays(
        cls,
        participants: np.ndarray,
        statements: np.ndarray,
        votes: np.ndarray,
        *,
        participant_ids: Sequence[Hashable],
        statement_ids: Sequence[Hashable],
    ) -> VoteMatrix:
        """Build from parallel arrays of participant id, statement id and vote (one per cell).

        The fast path for numeric ids (a database export, a Pol.is file): ids are looked up
        with a sorted search instead of a dictionary. Unknown ids raise
        :class:`VoteMatrixError`.
        """
        rows = _positions(np.asarray(participants), participant_ids, "participant")
        cols = _positions(np.asarray(statements), statement_ids, "statement")
        return cls.from_triples(rows, cols, votes, participant_ids=participant_ids, statement_ids=statement_ids)

    def votes_per_participant(self) -> np.ndarray:
        return np.diff(self.cast.indptr).astype(np.int64)

    def agree(self) -> sp.csr_matrix:
        """1 where the participant agreed, structure limited to agreements."""
        return _select(self.values, self.values.data > 0)

    def disagree(self) -> sp.csr_matrix:
        return _select(self.values, self.values.data < 0)

    def without_statements(self, statement_ids: Iterable[Hashable]) -> VoteMatrix:
        """The same votes with the given statements (moderated out, meta) removed."""
        drop = set(statement_ids)
        keep = np.array([s not in drop for s in self.statement_ids], dtype=bool)
        if keep.all():
            return self
        # Index arithmetic instead of scipy slicing, so explicit zeros (passes) survive.
        new_col = np.cumsum(keep) - 1
        entry_kept = keep[self.values.indices]
        row_of = np.repeat(np.arange(self.shape[0]), np.diff(self.values.indptr))
        kept_ids = tuple(s for s, k in zip(self.statement_ids, keep, strict=True) if k)
        return VoteMatrix.from_triples(
            row_of[entry_kept],
            new_col[self.values.indices[entry_kept]],
            self.values.data[entry_kept].astype(np.int8),
            participant_ids=self.participant_ids,
            statement_ids=kept_ids,
        )


def _positions(values: np.ndarray, ids: Sequence[Hashable], what: str) -> np.ndarray:
    """Index of each value in ``ids``; sorted search for numbers, a dictionary otherwise."""
    known = np.asarray(ids)
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    if known.dtype.kind in "iu" and values.dtype.kind in "iu" and len(known):
        order = np.argsort(known, kind="stable")
        ordered = known[order]
        at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
        missing = ordered[at] != values
        if missing.any():
            raise VoteMatrixError(f"unknown {what} id {values[missing][0].item()!r}")
        return order[at].astype(np.int64)
    index = {v: i for i, v in enumerate(ids)}
    try:
        return np.fromiter((index[v] for v in values.tolist()), np.int64, len(values))
    except KeyError as e:
        raise VoteMatrixError(f"unknown {what} id {e.args[0]!r}") from None


def _select(matrix: sp.csr_matrix, keep: np.ndarray) -> sp.csr_matrix:
    """A 0/1 CSR matrix with ones where ``keep`` is true among the stored entries."""
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return sp.csr_matrix((np.ones(int(keep.sum())), (row_of[keep], matrix.indices[keep])), shape=matrix.shape)
