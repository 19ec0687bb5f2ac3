"""Principal components of the mean-imputed vote matrix, without ever densifying it.

Filling a missing vote with the statement's mean and then centring each column makes every
missing cell exactly zero. The centred, mean-imputed matrix therefore has the same sparsity
as the votes: C[i, j] = vote[i, j] - mean[j] where a vote was cast, 0 elsewhere. Its leading
right singular vectors are the principal components Pol.is computes on the dense matrix.
We find them by block power (subspace) iteration with Rayleigh–Ritz on C, using only
sparse × thin-dense products, so a 100,000 × 10,000 conversation costs a few passes over
its votes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .matrix import VoteMatrix

N_COMPONENTS = 2
DENSE_LIMIT = 3e7  # n·m·min(n, m) up to which the exact dense route is cheaper


@dataclass(frozen=True, eq=False)
class Pca:
    center: np.ndarray  # mean vote per statement over cast votes (pass = 0 counts)
    components: np.ndarray  # (2, n statements), orthonormal rows
    eigenvalues: np.ndarray  # (2,), variance along each component × n participants
    iterations: int


def centred(matrix: VoteMatrix) -> tuple[sp.csr_matrix, np.ndarray]:
    """The centred mean-imputed matrix (sparse, same structure as the votes) and the means."""
    counts = np.asarray(matrix.cast.sum(axis=0)).ravel()
    sums = np.asarray(matrix.values.sum(axis=0)).ravel()
    center = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    values = matrix.values
    data = values.data - center[values.indices]
    return sp.csr_matrix((data, values.indices, values.indptr), shape=values.shape), center


def fit_pca(
    matrix: VoteMatrix,
    *,
    seed: int = 0,
    start: np.ndarray | None = None,
    oversample: int = 14,
    max_iter: int = 100,
    tol: float = 1e-13,
    dense_limit: float = DENSE_LIMIT,
    _centred: tuple[sp.csr_matrix, np.ndarray] | None = None,
) -> Pca:
    """Two leading principal components of the mean-imputed vote matrix.

    ``start`` (previous components, rows) warm-starts the iteration and fixes the sign of
    each component so the map does not flip between runs. Small dialogues (n·m·min(n, m)
    up to ``dense_limit``) take an exact dense eigen-decomposition of the Gram matrix, which
    is faster there; larger ones the sparse block iteration. Deterministic for a given input
    and ``seed``.
    """
    c, center = _centred if _centred is not None else centred(matrix)
    n, m = c.shape
    k = min(N_COMPONENTS, n, m)
    components = np.zeros((N_COMPONENTS, m))
    eigenvalues = np.zeros(N_COMPONENTS)
    if k == 0 or c.nnz == 0:
        return Pca(center, components, eigenvalues, 0)
    if n * m * min(n, m) <= dense_limit:
        vals, ritz, iterations = _dense_leading(c, k)
    else:
        vals, ritz, iterations = _iterate(c, k, seed, start, oversample, max_iter, tol)
    for i in range(k):
        vector = ritz[:, i]
        if start is not None and start.shape[1] == m and np.any(start[i]):
            sign = 1.0 if vector @ start[i] >= 0 else -1.0
        else:
            sign = 1.0 if vector[np.argmax(np.abs(vector))] >= 0 else -1.0
        components[i] = sign * vector
        eigenvalues[i] = max(vals[i], 0.0)
    return Pca(center, components, eigenvalues, iterations)


def _dense_leading(c: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Small dialogues: the exact eigenvectors of the (small) Gram matrix."""
    dense = c.toarray()
    n, m = dense.shape
    if m <= n:
        vals, vecs = np.linalg.eigh(dense.T @ dense)
        order = np.argsort(vals)[::-1][:k]
        return vals[order], vecs[:, order], 0
    # Fewer participants than statements: eigenvectors of C Cᵀ, mapped back with Cᵀ.
    vals, vecs = np.linalg.eigh(dense @ dense.T)
    order = np.argsort(vals)[::-1][:k]
    right = dense.T @ vecs[:, order]
    norms = np.linalg.norm(right, axis=0)
    return vals[order], right / np.where(norms > 0, norms, 1.0), 0


def _iterate(c, k, seed, start, oversample, max_iter, tol) -> tuple[np.ndarray, np.ndarray, int]:
    """Block power iteration with Rayleigh–Ritz, sparse products only."""
    n, m = c.shape
    block = min(k + oversample, m)
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((m, block))
    if start is not None and start.shape[1] == m:
        usable = [row for row in start[:block] if np.any(row)]
        if usable:
            q[:, : len(usable)] = np.asarray(usable).T
    q, _ = np.linalg.qr(q)
    ct = c.T.tocsr()
    previous = None
    iterations = 0
    for _ in range(max_iter):
        iterations += 1
        y = c @ q
        # Rayleigh–Ritz on the block: eigen-decompose Q^T C^T C Q.
        small = y.T @ y
        vals, vecs = np.linalg.eigh(small)
        order = np.argsort(vals)[::-1]
        vals, vecs = vals[order], vecs[:, order]
        ritz = q @ vecs[:, :k]
        if previous is not None:
            cos = np.abs(np.einsum("ij,ij->j", ritz, previous))
            if np.all(1.0 - cos < tol):
                break
        previous = ritz
        q, _ = np.linalg.qr(ct @ y)
    return vals, ritz, iterations


def project(
    matrix: VoteMatrix,
    pca: Pca,
    *,
    n_statements: int | None = None,
    hidden: int = 0,
    _centred: tuple[sp.csr_matrix, np.ndarray] | None = None,
) -> np.ndarray:
    """Participant coordinates (n, 2) from the votes each actually cast.

    As Pol.is: the centred votes are projected on the components and the result is scaled
    by sqrt(statements / votes cast), so someone who voted on few statements is not pulled
    to the centre merely for voting little. ``n_statements`` defaults to all columns; the
    engine passes the number of statements with at least one vote, as Pol.is counts them.
    ``hidden``: moderated-out statements that received votes. Pol.is keeps them as columns
    of zeros for everyone, so they count as statements and as votes cast by everyone.
    """
    c = _centred[0] if _centred is not None else centred(matrix)[0]
    m = c.shape[1] if n_statements is None else n_statements
    cast = matrix.votes_per_participant()
    scale = np.sqrt((m + hidden) / np.maximum(cast + hidden, 1))
    return np.asarray(c @ pca.components.T) * scale[:, None]
