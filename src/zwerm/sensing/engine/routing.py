"""Routing: predict the category of a text from the municipality's labelled history.

Features are TF-IDF over lemmas (uni- and bigrams) and over character 2-5-grams of the redacted
text (robust to spelling, compounds and typos); the model is a multinomial logistic regression
with balanced class weights, so rare categories are not drowned by the common ones. Its
probabilities are calibrated by temperature scaling (one number learned on a held-out fifth of the
history, limited to 0.5-5, which changes confidence but never the predicted category) and are the
confidence; below `threshold` the text is handed to a person. The words that pushed a decision are
available for the explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from zwerm.sensing.engine.prepare import PreparedText, prepare

DEFAULT_THRESHOLD = 0.5
# Temperature scaling may soften or sharpen by at most 2x: on nearly separable history an unbounded
# fit sharpens so far that even unrelated texts come out "certain", and nobody would see them.
TEMPERATURE_BOUNDS = (0.5, 5.0)


@dataclass(frozen=True)
class RouterConfig:
    c: float = 4.0  # inverse regularisation strength
    threshold: float = DEFAULT_THRESHOLD
    char_features: int = 200_000
    seed: int = 0


@dataclass(frozen=True)
class Route:
    category: str
    confidence: float
    needs_person: bool  # True when confidence is below the threshold
    alternatives: tuple[tuple[str, float], ...]  # the next categories with their probability


@dataclass(frozen=True)
class RoutingScore:
    accuracy: float
    macro_f1: float
    handed_to_person: float  # share of texts below the threshold
    accuracy_when_confident: float
    n: int


class Router:
    """A fitted router; build it with `train_router`."""

    def __init__(self, config: RouterConfig):
        self.config = config
        self.words = None
        self.chars = None
        self.model = None
        self.temperature = 1.0

    def _features(self, prepared: Sequence[PreparedText]):
        from scipy.sparse import hstack

        lemmas = [" ".join(p.lemmas) for p in prepared]
        texts = [p.text.lower() for p in prepared]
        return hstack([self.words.transform(lemmas), self.chars.transform(texts)]).tocsr()

    def _fit_once(self, prepared: Sequence[PreparedText], labels: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        min_df = 2 if len(prepared) >= 50 else 1
        self.words = TfidfVectorizer(
            token_pattern=r"\S+",  # noqa: S106 (a regex, not a password)
            lowercase=False,
            ngram_range=(1, 2),
            min_df=min_df,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            min_df=min_df,
            sublinear_tf=True,
            max_features=self.config.char_features,
            dtype=np.float32,
        )
        self.words.fit([" ".join(p.lemmas) for p in prepared])
        self.chars.fit([p.text.lower() for p in prepared])
        self.model = LogisticRegression(
            C=self.config.c, max_iter=3000, class_weight="balanced", random_state=self.config.seed
        )
        self.model.fit(self._features(prepared), list(labels))

    def _logits(self, features) -> np.ndarray:
        scores = self.model.decision_function(features)
        return np.column_stack([np.zeros_like(scores), scores]) if scores.ndim == 1 else scores

    def fit(self, prepared: Sequence[PreparedText], labels: Sequence[str]) -> Router:
        """Fit; with enough history, first learn a temperature on a held-out fifth (calibration)."""
        from scipy.optimize import minimize_scalar
        from scipy.special import log_softmax

        labels = list(labels)
        self.temperature = 1.0
        if len(prepared) >= 200:
            order = np.random.default_rng(self.config.seed).permutation(len(prepared))
            cut = int(0.8 * len(order))
            fit_part, held = order[:cut], order[cut:]
            self._fit_once([prepared[i] for i in fit_part], [labels[i] for i in fit_part])
            known = [i for i in held if labels[i] in set(self.model.classes_)]
            if known:
                logits = self._logits(self._features([prepared[i] for i in known]))
                column = {c: j for j, c in enumerate(self.model.classes_)}
                target = np.array([column[labels[i]] for i in known])

                def loss(t: float) -> float:
                    return -log_softmax(logits / t, axis=1)[np.arange(len(target)), target].mean()

                self.temperature = float(minimize_scalar(loss, bounds=TEMPERATURE_BOUNDS, method="bounded").x)
        self._fit_once(prepared, labels)
        return self

    def probabilities(self, prepared: Sequence[PreparedText]) -> np.ndarray:
        """Calibrated class probabilities (softmax of the logits divided by the learned temperature)."""
        from scipy.special import softmax

        return softmax(self._logits(self._features(prepared)) / self.temperature, axis=1)

    @property
    def categories(self) -> list[str]:
        return [str(c) for c in self.model.classes_]

    def route_prepared(self, prepared: Sequence[PreparedText]) -> list[Route]:
        probabilities = self.probabilities(prepared)
        classes = self.categories
        out = []
        for row in probabilities:
            order = np.argsort(-row)
            top = float(row[order[0]])
            out.append(
                Route(
                    category=classes[order[0]],
                    confidence=round(top, 4),
                    needs_person=top < self.config.threshold,
                    alternatives=tuple((classes[j], round(float(row[j]), 4)) for j in order[1:3]),
                )
            )
        return out

    def route(self, text: str) -> Route:
        """The category of one text, with its confidence and whether a person should look."""
        return self.route_prepared([prepare(text)])[0]

    def reasons(self, text: str, n: int = 5) -> list[tuple[str, float]]:
        """The features that weighed most for the predicted category (for the explanation)."""
        prepared = [prepare(text)]
        features = self._features(prepared)
        category = int(np.argmax(self.probabilities(prepared)[0]))
        coef = self.model.coef_
        weights = coef[category] if coef.shape[0] > 1 else (coef[0] if category == 1 else -coef[0])
        contribution = features.multiply(weights).toarray()[0]
        names = np.concatenate([self.words.get_feature_names_out(), self.chars.get_feature_names_out()])
        order = np.argsort(-contribution)[:n]
        return [(str(names[j]), round(float(contribution[j]), 4)) for j in order if contribution[j] > 0]


def train_router(texts: Sequence[str], labels: Sequence[str], *, config: RouterConfig = RouterConfig()) -> Router:
    """A router trained on labelled history (texts are redacted and lemmatised first)."""
    if len(set(labels)) < 2:
        raise ValueError("Routing needs at least two categories in the training data.")
    return Router(config).fit([prepare(t) for t in texts], labels)


def evaluate_router(router: Router, texts: Sequence[str], labels: Sequence[str]) -> RoutingScore:
    """Accuracy and macro-F1 on held-out texts, and how many would go to a person."""
    from sklearn.metrics import accuracy_score, f1_score

    routes = router.route_prepared([prepare(t) for t in texts])
    predicted = [r.category for r in routes]
    confident = np.array([not r.needs_person for r in routes])
    truth = np.array(list(labels))
    correct = np.array(predicted) == truth
    return RoutingScore(
        accuracy=float(accuracy_score(truth, predicted)),
        macro_f1=float(f1_score(truth, predicted, average="macro", zero_division=0)),
        handed_to_person=float(1 - confident.mean()) if len(routes) else 0.0,
        accuracy_when_confident=float(correct[confident].mean()) if confident.any() else 0.0,
        n=len(routes),
    )
