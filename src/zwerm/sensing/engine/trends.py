"""Trends and alerts: counts per theme x area x ISO week against what was expected.

For each series (one theme in one area, and the theme over all areas, area "*") and each week:

- expected: a Poisson log-linear regression (level + long-term slope) over the previous
  `window` weeks, extrapolated one week ahead; with fewer than `MIN_SLOPE_WEEKS` of history only
  the (smoothed) mean is used. Where a year of history exists, a seasonal factor (the same weeks
  last year against that year's level, clipped to 0.5-2) multiplies it.
- spread: Poisson, or negative binomial when the history is over-dispersed (Pearson dispersion
  above 1.5), so a naturally bursty series does not alert all the time.
- score: (count - expected) / standard deviation; p-values from the count distribution (with few
  weeks of history, the Poisson-Gamma predictive, which is wider).
- Only the newest week is tested: q-values by Benjamini-Hochberg over the newest week of every
  series (thousands of series give false alarms otherwise). Earlier weeks were tested when they were
  the newest; their alerts are kept as they were raised (the refresh service never re-tests them), so
  whether a spike is flagged does not depend on how much history there is, and does not change later.
- kind: "emerging" (nearly absent before, now at least `min_count` and growing), "spike"
  (count >= 1.5 x expected and at least `min_count`), "decline" (expected >= min_count, count <=
  0.5 x expected), each only with q < alpha (1 %); "normal", "baseline" for the first weeks, which are not tested, or
  "partial" for a decline in a week that has not ended yet (not an alert).

Counts below `min_public` (the disclosure threshold, which the Django side passes; the floor 5 from
zwerm.core.disclosure_floor by default) are marked not public: they may be shown to staff, never published.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from zwerm.core.disclosure_floor import MINIMUM

MIN_HISTORY = 3  # weeks of data needed before a week is tested at all
MIN_SLOPE_WEEKS = 6
ALL_AREAS = "*"


@dataclass(frozen=True)
class TrendConfig:
    window: int = 26
    alpha: float = 0.01  # false discovery rate over the newest week of every series in one run
    min_count: int = MINIMUM
    min_public: int = MINIMUM  # below this a count is marked not public (the caller passes its threshold)
    spike_ratio: float = 1.5
    decline_ratio: float = 0.5


@dataclass(frozen=True)
class TrendPoint:
    theme: str
    area: str
    period: str  # ISO week, e.g. "2026-W07"
    count: int
    expected: float
    score: float
    p_high: float
    p_low: float
    q_value: float  # Benjamini-Hochberg over the newest week of every series (1.0 for earlier weeks)
    kind: str
    public: bool  # False when count < config.min_public


@dataclass(frozen=True)
class Alert:
    kind: str
    theme: str
    area: str
    period: str
    count: int
    expected: float
    p_value: float
    q_value: float
    ratio: float
    public: bool
    explanation: str


def week_start(moment: datetime | date) -> date:
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _poisson_fit(history: np.ndarray) -> tuple[float, np.ndarray]:
    """Expected next count and fitted means, by IRLS on log(mu) = a + b t."""
    n = len(history)
    smoothed = (history.sum() + 0.5) / (n + 1)  # never zero: a theme can always appear
    if n < MIN_SLOPE_WEEKS or history.sum() == 0:
        return smoothed, np.full(n, max(history.mean(), 1e-9))
    t = np.arange(n, dtype=float) - (n - 1)
    X = np.column_stack([np.ones(n), t])
    beta = np.array([np.log(smoothed), 0.0])
    for _ in range(25):
        mu = np.exp(X @ beta)
        z = X @ beta + (history - mu) / mu
        W = mu
        new = np.linalg.solve(X.T @ (X * W[:, None]) + 1e-6 * np.eye(2), X.T @ (W * z))
        if np.allclose(new, beta, atol=1e-8):
            beta = new
            break
        beta = new
    beta[1] = np.clip(beta[1], -0.2, 0.2)  # a slope of +-20 % a week is the most we extrapolate
    fitted = np.exp(X @ beta)
    return float(np.exp(beta[0] + beta[1])), fitted


def _seasonal_factor(series: np.ndarray, t: int) -> float:
    if t < 78:
        return 1.0
    same_weeks = series[t - 53 : t - 50].mean()
    level = series[max(0, t - 104) : t - 26].mean()
    return float(np.clip((same_weeks + 0.5) / (level + 0.5), 0.5, 2.0))


def _tails(count: int, expected: float, dispersion: float, history: np.ndarray) -> tuple[float, float, float]:
    """P(X >= count), P(X <= count) and the standard deviation under the expected distribution.

    Short histories (no slope fitted) use the Poisson-Gamma predictive, a negative binomial that is
    wider the fewer weeks there are; over-dispersed histories a negative binomial with that
    dispersion; otherwise Poisson. scipy.special keeps this fast for thousands of series.
    """
    from scipy import special

    n = len(history)
    if n < MIN_SLOPE_WEEKS:
        r, p = history.sum() + 0.5, n / (n + 1.0)
        r *= expected / max((history.sum() + 0.5) / n, 1e-9)  # the seasonal factor scales the mean
    elif dispersion > 1.5:
        r = expected / (dispersion - 1)
        p = r / (r + expected)
    else:
        p_high = float(special.gammainc(count, expected)) if count > 0 else 1.0
        p_low = float(special.gammaincc(count + 1, expected))
        return p_high, p_low, float(np.sqrt(max(expected, 1e-9)))
    p_low = float(special.betainc(r, count + 1, p))
    p_high = 1.0 - float(special.betainc(r, count, p)) if count > 0 else 1.0
    variance = r * (1 - p) / p**2
    return max(p_high, 0.0), p_low, float(np.sqrt(max(variance, 1e-9)))


def _benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """q-values: the false discovery rate at which each test would be called significant."""
    m = len(p_values)
    if m == 0:
        return p_values
    order = np.argsort(p_values)
    ranked = p_values[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def _series_points(counts: Sequence[int], config: TrendConfig, partial_last: bool) -> list[list]:
    """Per week: [expected, score, p_high, p_low, candidate kind], before false-discovery control."""
    series = np.asarray(counts, dtype=float)
    out = []
    for t, count in enumerate(series.astype(int)):
        history = series[max(0, t - config.window) : t]
        if t < MIN_HISTORY:
            out.append([float(history.mean()) if t else 0.0, 0.0, 1.0, 1.0, "baseline"])
            continue
        expected, fitted = _poisson_fit(history)
        expected *= _seasonal_factor(series, t)
        dispersion = 1.0
        if len(history) >= MIN_SLOPE_WEEKS and history.sum() > 0:
            dispersion = float(((history - fitted) ** 2 / np.maximum(fitted, 0.5)).sum() / (len(history) - 2))
        p_high, p_low, sd = _tails(count, expected, dispersion, history)
        recent = series[max(0, t - 4) : t]
        kind = "normal"
        if recent.sum() <= 2 and count >= config.min_count and count > recent[-1]:
            kind = "emerging"
        elif count >= config.min_count and count >= config.spike_ratio * expected:
            kind = "spike"
        elif expected >= config.min_count and count <= config.decline_ratio * expected:
            kind = "partial" if partial_last and t == len(series) - 1 else "decline"
        out.append([round(float(expected), 3), round(float((count - expected) / sd), 3), p_high, p_low, kind])
    return out


def _control(points: list[list], alpha: float) -> None:
    """Test the newest weeks (`points`, one per series): keep a candidate kind only where its q-value
    (over these tests) is below `alpha`. Appends the q-value to each point."""
    tested = [pt for pt in points if pt[4] != "baseline"]
    p = np.array([pt[3] if pt[4] in ("decline", "partial") else pt[2] for pt in tested])
    for pt, q in zip(tested, _benjamini_hochberg(p), strict=False):
        pt.append(float(q))
        if pt[4] in ("emerging", "spike", "decline") and q >= alpha:
            pt[4] = "normal"
    for pt in points:
        if len(pt) == 5:
            pt.append(1.0)


def _untested(points: list[list]) -> None:
    """Earlier weeks are not tested again: no alert kind, q-value 1."""
    for pt in points:
        if pt[4] not in ("baseline", "partial"):
            pt[4] = "normal"
        pt.append(1.0)


def evaluate_series(
    counts: Sequence[int], config: TrendConfig = TrendConfig(), *, partial_last: bool = False
) -> list[tuple]:
    """Per week of one series: (expected, score, p_high, p_low, kind, q_value); only the newest week is
    tested (earlier weeks have kind "normal" or "baseline").

    With `partial_last`, the last week is still running: it can show a spike or an emerging theme
    (counts only grow) but never a decline.
    """
    points = _series_points(counts, config, partial_last)
    _untested(points[:-1])
    _control(points[-1:], config.alpha)
    return [tuple(pt) for pt in points]


def detect_trends(
    themes: Sequence[str | None],
    areas: Sequence[str | None],
    times: Sequence[datetime | None],
    config: TrendConfig = TrendConfig(),
    *,
    until: datetime | date | None = None,
) -> tuple[list[TrendPoint], list[Alert]]:
    """Weekly trend points for every theme x area (and all areas), and the alerts of the newest week.

    Texts without a theme or without a time are left out of the counts. `until` is the end of the
    data (default: the latest time seen); a last week that ends after it is partial.
    """
    rows = [(th, ar or "", week_start(tm)) for th, ar, tm in zip(themes, areas, times, strict=False) if th and tm]
    if not rows:
        return [], []
    first = min(r[2] for r in rows)
    last = max(r[2] for r in rows)
    if until is None:
        until = max(tm for th, tm in zip(themes, times, strict=False) if th and tm)
    end = until.date() if isinstance(until, datetime) else until
    partial_last = end < last + timedelta(days=6)
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    index = {w: i for i, w in enumerate(weeks)}
    series: dict[tuple[str, str], np.ndarray] = {}
    has_areas = any(r[1] for r in rows)
    for theme, area, monday in rows:
        keys = [(theme, ALL_AREAS)] + ([(theme, area or "?")] if has_areas else [])
        for key in keys:
            series.setdefault(key, np.zeros(len(weeks), dtype=int))[index[monday]] += 1
    keys = sorted(series)
    evaluated = {key: _series_points(series[key], config, partial_last) for key in keys}
    for key in keys:
        _untested(evaluated[key][:-1])
    _control([evaluated[key][-1] for key in keys], config.alpha)
    points, alerts = [], []
    for theme, area in keys:
        counts = series[(theme, area)]
        for t, (expected, score, p_high, p_low, kind, q_value) in enumerate(evaluated[(theme, area)]):
            count = int(counts[t])
            if count == 0 and expected < 1 and kind == "normal":
                continue  # nothing happened and nothing was expected: not worth a row
            period = week_label(weeks[t])
            public = count >= config.min_public
            points.append(TrendPoint(theme, area, period, count, expected, score, p_high, p_low, q_value, kind, public))
            if kind in ("emerging", "spike", "decline"):
                p_value = p_low if kind == "decline" else p_high
                ratio = round(float(count / expected), 2) if expected > 0 else float("inf")
                alerts.append(
                    Alert(
                        kind,
                        theme,
                        area,
                        period,
                        count,
                        expected,
                        p_value,
                        q_value,
                        ratio,
                        public,
                        f"{kind}: {count} texts in {period} where {expected:.1f} were expected "
                        f"(p={p_value:.2g}, q={q_value:.2g}, {ratio}x)",
                    )
                )
    return points, alerts
