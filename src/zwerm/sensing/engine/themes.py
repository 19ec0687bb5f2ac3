"""Theme discovery without being told how many themes there are.

1. Near-duplicates are folded (duplicates.py); only one text per group is clustered, weighted by
   1 + ln(group size), so a text sent 600 times counts a little more, not 600 times more.
2. Texts become vectors (vectorisers.py; TF-IDF + LSA by default).
3. The number of themes k is chosen by *stability*: for each k in a grid, k-means on a sample is
   compared with k-means on bootstrap sub-samples (mean best-match Jaccard of each theme). The
   largest k whose stability is within `tolerance` of the most stable k is taken: more themes are
   more useful, as long as they are nearly as reproducible.
4. Spherical k-means (k-means on unit vectors) with that k; themes with fewer than
   `min_distinct` distinct texts are dissolved into their nearest neighbour.
5. Each theme is labelled by its distinctive terms (mean TF-IDF inside minus outside) and a
   short phrase from the best of them; its examples are the texts closest to its centre.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from zwerm.sensing.engine.duplicates import DuplicateGroups
from zwerm.sensing.engine.naming import theme_name
from zwerm.sensing.engine.vectorisers import Document, TfidfLsaVectoriser, Vectoriser, make_vectoriser

K_GRID = (4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40)


@dataclass(frozen=True)
class ThemeConfig:
    vectoriser: str = "tfidf"
    k_grid: tuple[int, ...] = K_GRID
    tolerance: float = 0.10  # relative stability loss accepted for a finer theme map
    bootstraps: int = 4
    selection_sample: int = 3000  # texts used to choose k (the final fit uses all)
    min_distinct: int = 3  # a theme needs at least this many distinct texts
    min_similarity: float = 0.05  # below this cosine to every theme, a new text gets no theme
    n_terms: int = 8
    n_examples: int = 3
    seed: int = 0
    # BLAS/OpenMP threads for the build. One is the safe default on a shared 2-core machine, where
    # spinning OpenMP threads made the SVD and k-means up to four times slower; raise it on a
    # dedicated worker.
    threads: int = 1


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    terms: tuple[str, ...]
    size: int  # texts, duplicates included
    distinct: int  # texts after folding near-duplicates
    examples: tuple[int, ...]  # indices of typical texts in the build's input
    signature: tuple[tuple[str, float], ...]  # term profile, used to recognise the theme later


@dataclass(frozen=True)
class KChoice:
    k: int
    stability: dict[int, float]  # k -> mean bootstrap Jaccard


@dataclass(frozen=True)
class ThemeModel:
    """Everything assignment needs: the fitted vectoriser and one centre per theme."""

    vectoriser: Vectoriser
    centroids: np.ndarray  # (themes, dims), unit rows
    themes: tuple[Theme, ...]
    min_similarity: float
    next_id: int
    k_choice: KChoice | None = field(default=None, compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)


@dataclass(frozen=True)
class ThemeBuild:
    model: ThemeModel
    labels: np.ndarray  # theme index per input text, -1 for none


def _kmeans(vectors: np.ndarray, k: int, *, weights=None, n_init: int, seed: int, init=None):
    from sklearn.cluster import KMeans, MiniBatchKMeans

    start = "k-means++" if init is None else init
    n_init = n_init if init is None else 1
    if len(vectors) > 50_000:  # full k-means passes get slow; mini-batches converge as well here
        model = MiniBatchKMeans(k, init=start, n_init=n_init, random_state=seed, batch_size=4096)
    else:
        model = KMeans(k, init=start, n_init=n_init, random_state=seed)
    return model.fit(vectors, sample_weight=weights)


def _warm_start(
    vectors: np.ndarray, docs: Sequence[Document], previous: ThemeModel, k: int, config: ThemeConfig
) -> np.ndarray:
    """Initial centres for a refresh: the previous themes, re-expressed in the new vector space.

    Each text is placed in its previous theme with the previous model; the mean of those texts'
    new vectors is that theme's starting centre. Extra centres (k larger than before) are the
    texts farthest from every centre; with k smaller, the largest previous themes start.
    """
    old = previous.vectoriser.transform(docs) @ previous.centroids.T
    old_labels = np.where(old.max(axis=1) >= previous.min_similarity, old.argmax(axis=1), -1)
    counts = np.bincount(old_labels[old_labels >= 0], minlength=len(previous.themes))
    order = [c for c in np.argsort(-counts, kind="stable") if counts[c] >= config.min_distinct][:k]
    centres = [vectors[old_labels == c].mean(axis=0) for c in order]
    while len(centres) < k:
        if centres:
            distance = 1 - (vectors @ _unit(np.vstack(centres)).T).max(axis=1)
            centres.append(vectors[int(np.argmax(distance))])
        else:
            centres.append(vectors[0])
    return _unit(np.vstack(centres))


def _stability(vectors: np.ndarray, k: int, *, bootstraps: int, seed: int) -> float:
    """Mean over themes of the best Jaccard match in bootstrap re-clusterings."""
    rng = np.random.default_rng(seed)
    reference = _kmeans(vectors, k, n_init=3, seed=seed).labels_
    scores = []
    for b in range(bootstraps):
        sample = rng.choice(len(vectors), int(0.8 * len(vectors)), replace=False)
        other = _kmeans(vectors[sample], k, n_init=1, seed=seed + b + 1).predict(vectors)
        overlap = np.zeros((k, k))
        np.add.at(overlap, (reference, other), 1)
        union = overlap.sum(1)[:, None] + overlap.sum(0)[None, :] - overlap
        scores.append((overlap / np.maximum(union, 1)).max(axis=1).mean())
    return float(np.mean(scores))


def choose_k(vectors: np.ndarray, config: ThemeConfig, *, previous_k: int | None = None) -> KChoice:
    """The number of themes by the stability rule in the module docstring.

    At a refresh the previous k is kept while it is still within the tolerance, so that the theme
    map does not churn because of sampling noise alone.
    """
    n = len(vectors)
    rng = np.random.default_rng(config.seed)
    if n > config.selection_sample:
        vectors = vectors[rng.choice(n, config.selection_sample, replace=False)]
    # At most sqrt(n/2) themes (the usual rule of thumb), and room for min_distinct texts in each.
    largest = max(2, min(len(vectors) // (2 * config.min_distinct), int(np.sqrt(n / 2))))
    grid = [k for k in config.k_grid if k <= largest] or [min(2, len(vectors))]
    from threadpoolctl import threadpool_limits

    # Many small fits: one thread each is faster than OpenMP's start-up and spinning.
    with threadpool_limits(1):
        stability = {k: _stability(vectors, k, bootstraps=config.bootstraps, seed=config.seed) for k in grid}
    best = max(stability.values())
    acceptable = [k for k, s in stability.items() if s >= (1 - config.tolerance) * best]
    if previous_k is not None:
        nearest = min(stability, key=lambda k: abs(k - previous_k))
        if nearest in acceptable:
            return KChoice(nearest, stability)
    k = max(acceptable)
    return KChoice(k, stability)


def _term_matrix(vectoriser: Vectoriser, docs: Sequence[Document]):
    if getattr(vectoriser, "last_sparse", None) is not None:
        return vectoriser.last_sparse, vectoriser.terms()  # the build's own TF-IDF rows, not recomputed
    if hasattr(vectoriser, "sparse"):
        return vectoriser.sparse(docs), vectoriser.terms()
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(
        token_pattern=r"\S+",  # noqa: S106 (a regex, not a password)
        lowercase=False,
        ngram_range=(1, 2),
        min_df=2 if len(docs) >= 20 else 1,
        sublinear_tf=True,
    )
    return tfidf.fit_transform([d.lemmas for d in docs]), tfidf.get_feature_names_out()


def _describe(matrix, terms, labels: np.ndarray, k: int, n_terms: int):
    """Per theme: distinctive terms, a short label and a term signature."""
    out = []
    for c in range(k):
        inside = labels == c
        mean_in = np.asarray(matrix[inside].mean(axis=0)).ravel()
        mean_out = np.asarray(matrix[~inside].mean(axis=0)).ravel() if (~inside).any() else 0.0
        score = mean_in - mean_out
        chosen: list[str] = []
        for j in np.argsort(-score):
            if score[j] <= 0 or len(chosen) == n_terms:
                break
            term = str(terms[j])
            words = set(term.split())
            if any(words <= set(c.split()) or set(c.split()) <= words for c in chosen):
                continue  # "ampel" adds nothing next to "ampel grün"
            chosen.append(term)
        top = np.argsort(-mean_in)[:50]
        signature = tuple((str(terms[j]), round(float(mean_in[j]), 5)) for j in top if mean_in[j] > 0)
        phrase = next((t for t in chosen if " " in t), None)
        label = " · ".join(([phrase] if phrase else []) + [t for t in chosen if t != phrase][: 3 - bool(phrase)])
        out.append((label or "(zonder kenmerkende woorden)", tuple(chosen), signature))
    return out


def build_themes(
    docs: Sequence[Document],
    groups: DuplicateGroups,
    *,
    config: ThemeConfig = ThemeConfig(),
    previous: ThemeModel | None = None,
) -> ThemeBuild:
    """Discover themes in `docs`; with `previous`, continuing themes keep their ids (see refresh.py)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(config.threads):
        return _build(docs, groups, config, previous)


def _build(docs, groups, config, previous) -> ThemeBuild:
    from zwerm.sensing.engine.refresh import carry_ids

    n = len(docs)
    reps = np.array([i for i in groups.representatives if docs[i].lemmas], dtype=int)
    sizes = np.bincount(groups.representative, minlength=n)
    vectoriser = (
        make_vectoriser(config.vectoriser, seed=config.seed)
        if config.vectoriser == "tfidf"
        else make_vectoriser(config.vectoriser)
    )
    labels = np.full(n, -1)
    if len(reps) < 2 * config.min_distinct:
        empty = ThemeModel(
            vectoriser, np.zeros((0, 1), np.float32), (), config.min_similarity, previous.next_id if previous else 1
        )
        return ThemeBuild(empty, labels)
    rep_docs = [docs[i] for i in reps]
    weights = 1.0 + np.log(sizes[reps])
    vectors = vectoriser.fit_transform(rep_docs, weights)
    k_choice = choose_k(vectors, config, previous_k=len(previous.themes) if previous and previous.themes else None)
    init = _warm_start(vectors, rep_docs, previous, k_choice.k, config) if previous and previous.themes else None
    n_init = 4 if len(vectors) <= 50_000 else 2  # large builds: fewer restarts, each is costly
    fitted = _kmeans(vectors, k_choice.k, weights=weights, n_init=n_init, seed=config.seed, init=init)
    rep_labels = fitted.predict(vectors)
    centroids = _unit(fitted.cluster_centers_)
    # Dissolve themes too small to be one (a lone text, however often it was sent).
    keep = [c for c in range(k_choice.k) if (rep_labels == c).sum() >= config.min_distinct]
    centroids = centroids[keep] if keep else centroids
    rep_labels = (vectors @ centroids.T).argmax(axis=1)
    centroids = _unit(
        np.vstack(
            [
                vectors[rep_labels == c].mean(axis=0) if (rep_labels == c).any() else centroids[c]
                for c in range(len(centroids))
            ]
        )
    )
    sims = vectors @ centroids.T
    rep_labels = np.where(sims.max(axis=1) >= config.min_similarity, sims.argmax(axis=1), -1)
    # Largest theme first, so that fresh ids read in order of size; themes left empty are dropped.
    weight = np.bincount(rep_labels[rep_labels >= 0], weights=sizes[reps][rep_labels >= 0], minlength=len(centroids))
    order = [c for c in np.argsort(-weight, kind="stable") if weight[c] > 0]
    centroids = centroids[order]
    sims = vectors @ centroids.T
    rep_labels = np.where(sims.max(axis=1) >= config.min_similarity, sims.argmax(axis=1), -1)
    labels[reps] = rep_labels
    labels = labels[groups.representative]  # every copy follows its representative
    labels[[not d.lemmas for d in docs]] = -1
    matrix, terms = _term_matrix(vectoriser, rep_docs)
    described = _describe(matrix, terms, rep_labels, len(centroids), config.n_terms)
    for part in (vectoriser, getattr(vectoriser, "tfidf", None)):
        if isinstance(part, TfidfLsaVectoriser):
            part.last_sparse = None  # labels are made; the model keeps no training rows
    themes = []
    for c, (label, chosen, signature) in enumerate(described):
        members = np.flatnonzero(rep_labels == c)
        closest = members[np.argsort(-sims[members, c])[: config.n_examples]]
        label = _surface_name(rep_docs, rep_labels, members, c) or label
        themes.append(
            Theme(
                id="",
                label=label,
                terms=chosen,
                size=int((labels == c).sum()),
                distinct=len(members),
                examples=tuple(int(reps[i]) for i in closest),
                signature=signature,
            )
        )
    ids, next_id = carry_ids(themes, previous)
    themes = [Theme(**{**t.__dict__, "id": i}) for t, i in zip(themes, ids, strict=False)]
    model = ThemeModel(vectoriser, centroids, tuple(themes), config.min_similarity, next_id, k_choice)
    return ThemeBuild(model, labels)


NAME_SAMPLE = 3000  # texts read per side when naming a theme (a larger build names from a sample)


def _surface_name(rep_docs, rep_labels: np.ndarray, members: np.ndarray, c: int) -> str | None:
    """The theme's name as residents wrote it (naming.py), from its texts against the others."""
    rng = np.random.default_rng(c)
    others = np.flatnonzero(rep_labels != c)
    if len(members) > NAME_SAMPLE:
        members = rng.choice(members, NAME_SAMPLE, replace=False)
    if len(others) > NAME_SAMPLE:
        others = rng.choice(others, NAME_SAMPLE, replace=False)
    return theme_name([rep_docs[i].text for i in members], [rep_docs[i].text for i in others])


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
