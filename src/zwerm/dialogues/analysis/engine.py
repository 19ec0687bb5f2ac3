"""The opinion-mapping pipeline: votes in, opinion groups and common ground out."""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable

import numpy as np
from threadpoolctl import ThreadpoolController

from . import clustering
from .consensus import consensus, divisive
from .matrix import VoteMatrix
from .pca import centred, fit_pca, project
from .repness import group_counts, repness_stats, select_representative
from .result import AnalysisResult, EngineState, Group, Parameters

NOT_ENOUGH_VOTES = "not_enough_votes"


def analyse(
    votes: VoteMatrix,
    *,
    excluded_statement_ids: Iterable[Hashable] = (),
    previous: AnalysisResult | EngineState | None = None,
    seed: int = 0,
    parameters: Parameters | None = None,
) -> AnalysisResult:
    """Analyse a dialogue's votes the way Pol.is does (see docs/dialogues-method.md).

    ``excluded_statement_ids`` (moderated out, meta) are dropped first. ``previous`` is an
    earlier result for the same dialogue (or its ``state``, e.g. from
    ``EngineState.from_dict`` of a stored snapshot): its components, base clusters and groups seed this
    run, participants it included stay included, group numbers are kept where groups
    persist, and a new number of groups is only adopted after ``parameters.k_buffer`` runs
    in a row. The same input, ``previous`` and ``seed`` always give the same result.
    """
    # One BLAS thread: the dense parts are small, and a BLAS thread pool on a busy 2-core
    # machine costs more than it gives. It also fixes the order of floating-point sums.
    with _threadpools().limit(limits=1, user_api="blas"):
        return _analyse(votes, excluded_statement_ids, previous, seed, parameters or Parameters())


@functools.cache
def _threadpools() -> ThreadpoolController:
    """Looking up the loaded BLAS libraries takes milliseconds: do it once per process."""
    return ThreadpoolController()


def _analyse(votes, excluded_statement_ids, previous, seed, parameters) -> AnalysisResult:
    p = parameters
    excluded_statement_ids = set(excluded_statement_ids)
    matrix = votes.without_statements(excluded_statement_ids)
    hidden = 0
    if p.polis_scaling and excluded_statement_ids:
        with_votes = np.diff(votes.cast.tocsc().indptr) > 0
        hidden = sum(
            1 for s, v in zip(votes.statement_ids, with_votes, strict=True) if v and s in excluded_statement_ids
        )
    n, m = matrix.shape
    state = previous.state if isinstance(previous, AnalysisResult) else previous

    cast = matrix.votes_per_participant()
    # As in Pol.is, only statements someone voted on count (its matrix has no other columns).
    voted_on = int(np.count_nonzero(np.diff(matrix.cast.tocsc().indptr)))
    if p.polis_inclusion:
        # Pol.is's raw matrix: votes on moderated-out and meta statements count too.
        counted = votes.votes_per_participant()
        included = counted >= min(p.min_votes, int(np.count_nonzero(np.diff(votes.cast.tocsc().indptr))))
    else:
        counted = cast
        included = cast >= min(p.min_votes, voted_on)
    if p.top_up:
        _top_up(included, counted)
    included &= cast > 0  # without a vote that counts there is no place on the map
    if state is not None:
        sticky = np.fromiter((pid in state.included_ids for pid in matrix.participant_ids), bool, n)
        included |= sticky & (cast > 0)

    c = centred(matrix)
    pca = fit_pca(matrix, seed=seed, start=_aligned_components(state, matrix), _centred=c)
    coordinates = project(matrix, pca, n_statements=voted_on, hidden=hidden, _centred=c)

    rows = np.flatnonzero(included)
    if len(rows) < 2 or voted_on == 0:
        return _without_groups(matrix, included, coordinates, pca.components, p, seed)

    base = clustering.base_clusters(
        coordinates[rows],
        k=p.base_k,
        seed=seed,
        init=None if state is None else state.base_centres,
        n_starts=p.base_starts,
        first_distinct=p.polis_starts,
    )
    top_k = clustering.max_groups(len(base.centres), p.max_k)
    groupings, silhouettes = {}, {}
    previous_centres = {} if state is None else state.group_centres
    inits = previous_centres
    if p.polis_starts and not previous_centres:
        inits = {k: clustering.first_distinct_points(base.centres, k) for k in range(2, top_k + 1)}
    found = (
        clustering.group_kmeans(
            base.centres,
            base.weights,
            range(2, top_k + 1),
            seed=seed,
            n_init=0 if p.polis_starts else p.group_starts,
            inits=inits,
            max_iter=20 if p.polis_starts else 100,
        )
        if top_k >= 2
        else {}
    )
    dist = clustering.distances(base.centres)
    for k, grouping in found.items():
        groupings[k] = clustering.stable_order(grouping, base.weights, previous_centres.get(k))
        silhouettes[k] = clustering.silhouette(
            base.centres, groupings[k].labels, base.weights if p.weighted_silhouette else None, dist=dist
        )
    if not groupings:  # everyone at one spot: a single group
        groupings[1] = clustering.Grouping(
            1,
            np.average(base.centres, axis=0, weights=base.weights)[None, :],
            np.zeros(len(base.centres), dtype=np.int64),
            0.0,
        )
        silhouettes[1] = 0.0
    best_k = max(silhouettes, key=lambda k: (round(silhouettes[k], 12), -k))
    k, k_last_count = _smoothed_k(state, best_k, groupings, p.k_buffer)
    grouping = groupings[k]
    labels = np.full(n, -1, dtype=np.int64)
    labels[rows] = grouping.labels[base.labels]
    if state is not None and state.group_labels:
        previous_labels = np.fromiter((state.group_labels.get(pid, -1) for pid in matrix.participant_ids), np.int64, n)
        grouping = groupings[k] = clustering.match_previous_groups(grouping, base.weights, labels, previous_labels)
        labels[rows] = grouping.labels[base.labels]
    counts = group_counts(matrix, rows, labels[rows], k)
    stats = repness_stats(counts)
    representative = select_representative(stats, matrix.statement_ids, pick_max=p.pick_max, z=p.z)
    sizes = np.bincount(labels[rows], minlength=k)
    groups = tuple(
        Group(g, int(sizes[g]), (float(grouping.centres[g, 0]), float(grouping.centres[g, 1])), representative[g])
        for g in range(k)
    )
    return AnalysisResult(
        participant_ids=matrix.participant_ids,
        statement_ids=matrix.statement_ids,
        included=included,
        labels=labels,
        coordinates=coordinates,
        groups=groups,
        consensus=consensus(matrix, counts, pick_max=p.pick_max, z=p.z),
        divisive=divisive(counts, matrix.statement_ids, pick_max=p.pick_max),
        k=k,
        silhouette=float(silhouettes[k]),
        silhouettes={kk: float(v) for kk, v in silhouettes.items()},
        n_votes=matrix.n_votes,
        status="ok",
        parameters=p,
        seed=seed,
        state=EngineState(
            statement_ids=matrix.statement_ids,
            components=pca.components,
            base_centres=base.centres,
            group_centres={kk: g.centres for kk, g in groupings.items()},
            included_ids=frozenset(matrix.participant_ids[i] for i in rows),
            group_labels={matrix.participant_ids[i]: int(labels[i]) for i in rows},
            k_last=best_k,
            k_last_count=k_last_count,
            k=k,
        ),
    )


GREEDY_N = 15  # Pol.is tops the grouped participants up to this many


def _top_up(included: np.ndarray, counted: np.ndarray) -> None:
    """Pol.is: fewer than 15 included are topped up with the participants who voted most
    (ties: participant order)."""
    short = GREEDY_N - int(included.sum())
    if short > 0:
        rest = np.flatnonzero(~included & (counted > 0))
        included[rest[np.argsort(-counted[rest], kind="stable")][:short]] = True


def _smoothed_k(state: EngineState | None, best_k: int, groupings: dict, buffer: int) -> tuple[int, int]:
    """Pol.is's k smoother: a new best k is adopted once it was best ``buffer`` runs in a row."""
    if state is None:
        return best_k, 1
    count = state.k_last_count + 1 if state.k_last == best_k else 1
    if count >= buffer or state.k not in groupings:
        return best_k, count
    return state.k, count


def _aligned_components(state: EngineState | None, matrix: VoteMatrix) -> np.ndarray | None:
    """The previous components re-indexed to this run's statements (new statements 0)."""
    if state is None:
        return None
    position = {s: j for j, s in enumerate(state.statement_ids)}
    start = np.zeros((state.components.shape[0], matrix.shape[1]))
    for j, s in enumerate(matrix.statement_ids):
        if s in position:
            start[:, j] = state.components[:, position[s]]
    return start


def _without_groups(matrix, included, coordinates, components, p, seed) -> AnalysisResult:
    n, m = matrix.shape
    counts = group_counts(matrix, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 0)
    return AnalysisResult(
        participant_ids=matrix.participant_ids,
        statement_ids=matrix.statement_ids,
        included=included,
        labels=np.full(n, -1, dtype=np.int64),
        coordinates=coordinates,
        groups=(),
        consensus=consensus(matrix, counts, pick_max=p.pick_max, z=p.z),
        divisive=(),
        k=0,
        silhouette=0.0,
        silhouettes={},
        n_votes=matrix.n_votes,
        status=NOT_ENOUGH_VOTES,
        parameters=p,
        seed=seed,
        state=None,
    )
