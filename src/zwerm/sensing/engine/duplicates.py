"""Near-duplicate folding: MinHash over word shingles, LSH banding, then a rapidfuzz check.

Identical analysed texts are folded by hash first (cheap, catches the 600 copies of one
petition text); near-identical ones (a changed word, an added greeting) by MinHash candidates whose
token-sort similarity (rapidfuzz) is at least `threshold`. Each group has one representative, the
first text of the group, and themes are built over representatives only.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


@dataclass(frozen=True)
class DuplicateGroups:
    representative: np.ndarray  # per text, the index of its group's representative (itself if alone)

    @property
    def representatives(self) -> np.ndarray:
        """Indices of the texts that stand for their group, in input order."""
        return np.flatnonzero(self.representative == np.arange(len(self.representative)))

    def sizes(self) -> np.ndarray:
        """Group size per text's group, aligned with the input."""
        counts = np.bincount(self.representative, minlength=len(self.representative))
        return counts[self.representative]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = np.arange(n)

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the earlier text stays representative
            self.parent[max(ra, rb)] = min(ra, rb)


def _shingles(tokens: list[str], size: int) -> list[int]:
    if len(tokens) < size:
        return [zlib.crc32(" ".join(tokens).encode())] if tokens else []
    return [zlib.crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1)]


def _minhashes(docs: list[list[int]], permutations: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, int(_PRIME), size=permutations, dtype=np.uint64)
    b = rng.integers(0, int(_PRIME), size=permutations, dtype=np.uint64)
    lengths = np.array([len(d) for d in docs])
    flat = np.fromiter((h for d in docs for h in d), dtype=np.uint64, count=int(lengths.sum()))
    out = np.full((len(docs), permutations), _MAX_HASH, dtype=np.uint64)
    nonempty = lengths > 0
    if not flat.size:
        return out
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty]
    for p in range(permutations):  # (a*x + b) mod p, reduced per document
        hashed = ((a[p] * flat + b[p]) % _PRIME) & _MAX_HASH
        out[nonempty, p] = np.minimum.reduceat(hashed, starts)
    return out


def fold(
    token_lists: list[list[str]],
    *,
    threshold: float = 0.85,
    shingle: int = 1,
    bands: int = 12,
    rows: int = 8,
    seed: int = 0,
) -> DuplicateGroups:
    """Group texts (as analysed tokens) whose content is the same or nearly the same.

    `threshold` is the rapidfuzz token-sort ratio (0..1) two candidates must reach.
    """
    from rapidfuzz import fuzz

    n = len(token_lists)
    uf = _UnionFind(n)
    seen: dict[str, int] = {}
    for i, tokens in enumerate(token_lists):
        key = " ".join(tokens)
        if not key:
            continue  # empty texts are never folded: they get no theme anyway
        if key in seen:
            uf.union(seen[key], i)
        else:
            seen[key] = i
    unique = sorted(seen.values())
    if len(unique) > 1:
        docs = [_shingles(token_lists[i], shingle) for i in unique]
        signatures = _minhashes(docs, bands * rows, seed)
        joined = [" ".join(token_lists[i]) for i in unique]
        checked: set[tuple[int, int]] = set()
        mix = np.random.default_rng(seed + 1).integers(1, 1 << 62, size=rows, dtype=np.uint64)
        for band in range(bands):
            # One 64-bit key per text and band (wrapping arithmetic); equal keys share a bucket.
            keys = (signatures[:, band * rows : (band + 1) * rows] * mix).sum(axis=1)
            _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
            crowded = np.flatnonzero(counts[inverse] > 1)
            if not crowded.size:
                continue
            order = crowded[np.argsort(inverse[crowded], kind="stable")]
            boundaries = np.flatnonzero(np.diff(inverse[order])) + 1
            for members in np.split(order, boundaries):
                if len(members) > 500:
                    continue  # a huge bucket is a degenerate signature, not a duplicate group
                first = int(members[0])
                for other in members[1:]:
                    pair = (first, int(other))
                    if pair in checked:
                        continue
                    checked.add(pair)
                    if fuzz.token_sort_ratio(joined[first], joined[pair[1]]) >= threshold * 100:
                        uf.union(unique[first], unique[pair[1]])
    roots = np.fromiter((uf.find(i) for i in range(n)), dtype=np.int64, count=n)
    return DuplicateGroups(representative=roots)
