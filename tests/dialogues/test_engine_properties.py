"""The engine's promises on larger random dialogues: Pol.is's PCA, determinism, warm start."""

import json

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from tests.dialogues.factories import opinion_groups
from zwerm.dialogues.analysis import EngineState, Parameters, VoteMatrix, analyse
from zwerm.dialogues.analysis.engine import _smoothed_k
from zwerm.dialogues.analysis.pca import fit_pca, project


def dense_mean_imputed(matrix: VoteMatrix) -> np.ndarray:
    values = matrix.values.toarray()
    cast = matrix.cast.toarray() > 0
    means = np.array([values[cast[:, j], j].mean() for j in range(values.shape[1])])
    return np.where(cast, values, means[None, :])


@pytest.mark.parametrize(
    "n, m, dense_limit",
    [(120, 15, 0), (120, 15, 1e12), (20, 60, 0), (20, 60, 1e12)],
    ids=["sparse-iteration", "dense-gram", "wide-sparse-iteration", "wide-dense-gram"],
)
def test_pca_matches_dense_pca_of_the_mean_imputed_matrix(n, m, dense_limit):
    matrix, _ = opinion_groups(n, m, density=0.5)
    dense = dense_mean_imputed(matrix)
    centred = dense - dense.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    pca = fit_pca(matrix, dense_limit=dense_limit)
    for i in range(2):
        assert abs(pca.components[i] @ vt[i]) == pytest.approx(1.0, abs=1e-8)
    assert pca.center == pytest.approx(dense.mean(axis=0))


def test_projection_uses_cast_votes_scaled_by_sqrt_statements_over_votes():
    matrix, _ = opinion_groups(60, 12, density=0.4)
    pca = fit_pca(matrix)
    coordinates = project(matrix, pca)
    values, cast = matrix.values.toarray(), matrix.cast.toarray() > 0
    for i in (0, 7, 33):
        n_cast = cast[i].sum()
        expected = np.sqrt(12 / n_cast) * ((values[i] - pca.center) * cast[i]) @ pca.components.T
        assert coordinates[i] == pytest.approx(expected)


def test_planted_groups_are_found():
    matrix, planted = opinion_groups(600, 40, groups=3)
    result = analyse(matrix)
    assert result.k == 3
    assert adjusted_rand_score(planted, result.labels) > 0.95


def test_same_input_and_seed_give_the_same_result():
    matrix, _ = opinion_groups(500, 30)
    first, second = analyse(matrix, seed=7), analyse(matrix, seed=7)
    assert np.array_equal(first.labels, second.labels)
    assert np.array_equal(first.coordinates, second.coordinates)
    assert first.groups == second.groups
    assert first.silhouettes == second.silhouettes


def test_warm_start_on_the_same_votes_changes_nothing():
    matrix, _ = opinion_groups(500, 30)
    first = analyse(matrix)
    again = analyse(matrix, previous=first)
    assert np.array_equal(first.labels, again.labels)
    assert again.coordinates == pytest.approx(first.coordinates, abs=1e-5)


def test_warm_start_keeps_group_numbers_when_votes_are_added():
    full, _ = opinion_groups(700, 30, seed=3)
    earlier = VoteMatrix(full.participant_ids[:600], full.statement_ids, full.values[:600], full.cast[:600])
    before = analyse(earlier, seed=1)
    after = analyse(full, previous=before, seed=2)  # other seed: only the warm start aligns
    assert after.k == before.k
    same = np.mean(after.labels[:600] == before.labels)
    assert same > 0.95


def test_a_new_number_of_groups_waits_until_it_wins_four_runs_in_a_row():
    state = EngineState(
        statement_ids=(),
        components=np.zeros((2, 0)),
        base_centres=np.zeros((0, 2)),
        group_centres={},
        included_ids=frozenset(),
        k_last=2,
        k_last_count=5,
        k=2,
    )
    groupings = {2: None, 3: None}
    assert _smoothed_k(state, 3, groupings, 4) == (2, 1)  # best is now 3: first time
    for count in (2, 3):
        state = EngineState(**{**state.__dict__, "k_last": 3, "k_last_count": count - 1})
        assert _smoothed_k(state, 3, groupings, 4) == (2, count)
    state = EngineState(**{**state.__dict__, "k_last": 3, "k_last_count": 3})
    assert _smoothed_k(state, 3, groupings, 4) == (3, 4)
    assert _smoothed_k(None, 3, groupings, 4) == (3, 1)  # fresh runs take the best k


def test_pol_is_scaling_counts_moderated_out_statements_as_seen_by_everyone():
    matrix, _ = opinion_groups(80, 10, density=0.5, seed=5)
    plain = analyse(matrix, excluded_statement_ids=[9], parameters=Parameters(polis_scaling=False))
    polis = analyse(matrix, excluded_statement_ids=[9])  # the default: Pol.is's scaling
    cast = np.asarray(matrix.without_statements([9]).cast.sum(axis=1)).ravel()
    # Plain: sqrt(9 / cast). Pol.is keeps statement 9 as a column of zeros for everyone:
    # sqrt((9 + 1) / (cast + 1)). The direction on the map is the same.
    ratio = np.sqrt(10 / (cast + 1)) / np.sqrt(9 / cast)
    assert polis.coordinates == pytest.approx(plain.coordinates * ratio[:, None])


def test_the_warm_start_state_survives_a_json_round_trip():
    matrix, _ = opinion_groups(400, 25, seed=9)
    first = analyse(matrix)
    stored = json.loads(json.dumps(first.state.to_dict()))
    again = analyse(matrix, previous=EngineState.from_dict(stored))
    direct = analyse(matrix, previous=first)
    assert np.array_equal(again.labels, direct.labels)
    assert again.coordinates == pytest.approx(direct.coordinates)


def test_warm_start_survives_new_statements():
    full, _ = opinion_groups(500, 30, seed=4)
    fewer = full.without_statements(full.statement_ids[-5:])
    before = analyse(fewer)
    after = analyse(full, previous=before)
    assert after.k == before.k
    assert np.mean(after.labels == before.labels) > 0.9
