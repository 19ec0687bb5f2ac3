"""The vote matrix keeps a pass apart from a missing vote and refuses inconsistent votes."""

import numpy as np
import pytest

from zwerm.dialogues.analysis import VoteMatrix, VoteMatrixError


def test_a_pass_is_stored_and_a_missing_vote_is_not():
    matrix = VoteMatrix.from_votes([("a", 1, 0), ("a", 2, 1), ("b", 2, -1)], statement_ids=[1, 2, 3])
    assert matrix.shape == (2, 3)
    assert matrix.n_votes == 3
    assert matrix.votes_per_participant().tolist() == [2, 1]
    assert matrix.cast.toarray().tolist() == [[1, 1, 0], [0, 1, 0]]
    assert matrix.values.toarray().tolist() == [[0, 1, 0], [0, -1, 0]]


def test_removing_statements_keeps_the_passes():
    matrix = VoteMatrix.from_votes([("a", 1, 0), ("a", 2, 1), ("b", 3, 0)])
    kept = matrix.without_statements([2])
    assert kept.statement_ids == (1, 3)
    assert kept.n_votes == 2
    assert kept.votes_per_participant().tolist() == [1, 1]


def test_excluded_statements_are_dropped_with_their_votes():
    matrix = VoteMatrix.from_votes([("a", 1, 1), ("a", 2, 1)], excluded_statement_ids=[2])
    assert matrix.statement_ids == (1,)
    assert matrix.n_votes == 1


@pytest.mark.parametrize(
    "votes, message",
    [
        ([("a", 1, 2)], "vote value 2"),
        ([("a", 1, 1), ("a", 1, -1)], "more than one vote"),
        ([("a", 9, 1)], "unknown statement id 9"),
    ],
)
def test_inconsistent_votes_are_refused(votes, message):
    with pytest.raises(VoteMatrixError, match=message):
        VoteMatrix.from_votes(votes, statement_ids=[1])


def test_duplicate_ids_are_refused():
    with pytest.raises(VoteMatrixError, match="statement ids are not unique"):
        VoteMatrix.from_votes([("a", 1, 1)], statement_ids=[1, 1])


def test_id_arrays_are_mapped_to_rows_and_columns():
    matrix = VoteMatrix.from_id_arrays(
        np.array([30, 10, 30]),
        np.array([7, 7, 5]),
        np.array([1, 0, -1]),
        participant_ids=[10, 30],
        statement_ids=[5, 7],
    )
    assert matrix.values.toarray().tolist() == [[0, 0], [-1, 1]]
    assert matrix.cast.toarray().tolist() == [[0, 1], [1, 1]]
    with pytest.raises(VoteMatrixError, match="unknown participant id 20"):
        VoteMatrix.from_id_arrays(
            np.array([20]), np.array([5]), np.array([1]), participant_ids=[10, 30], statement_ids=[5]
        )
