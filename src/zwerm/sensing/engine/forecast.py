"""Expected weekly counts for the coming weeks, with an interval, learned from history (issue #14.2).

For one weekly series (texts of one theme, wijk or channel per ISO week) `forecast_series` fits a
generalised linear model with statsmodels (`statsmodels.api.GLM`, negative binomial family, log link):

- a level, estimated from the last `LEVEL_WEEKS` weeks with recent weeks weighing more (half-life
  `HALF_LIFE` weeks), so one busy week does not set the forecast as a 4-week mean would;
- a trend (log-linear slope over those weeks) where at least `MIN_TREND_WEEKS` weeks exist, damped
  towards zero over the horizon (`DAMPING` per week) and limited to +-`MAX_SLOPE` a week;
- a yearly season where more than a year of history exists (`SEASON_WEEKS`): how busy the same weeks
  (with their neighbours) were in earlier years against the level around them (`seasonal_index`),
  entered as a fixed offset, for fireworks around the turn of the year or leaves in autumn.

The interval is the 10-90 % range of the negative binomial with the fitted mean and the dispersion
measured on the history (Pearson), so a bursty series gets a wider band. Every step is explainable:
`Forecast.reason` says whether a season, a trend or only the level carried the forecast.
No Django: the command, the benchmark and the refresh call this.
"""

from __future__ import annotations

import csv
import io
import math
import time
import warnings
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from .importer import CsvError, _delimiter, decode, parse_time
from .trends import week_label, week_start

LEVEL_WEEKS = 26
HALF_LIFE = 8.0
MIN_TREND_WEEKS = 12
MAX_SLOPE = 0.05
DAMPING = 0.85
SEASON_WEEKS = 60  # more than a year of history before a yearly season is fitted
LOW, HIGH = 0.1, 0.9


@dataclass(frozen=True)
class Forecast:
    expected: list[float]
    low: list[float]
    high: list[float]
    reason: str  # "season", "trend", "season+trend" or "level"
    season_ratio: float = 1.0  # the season's factor over the horizon against the level (1 = none)
    trend_ratio: float = 1.0  # the damped trend's factor at the end of the horizon (1 = none)


def seasonal_index(counts: np.ndarray) -> np.ndarray:
    """Per week of the year (0-51): how busy that week is against the level around it, averaged over
    the years seen (each week with its neighbours, so one odd week does not make a season)."""
    n = len(counts)
    ratios = np.empty(n)
    for k in range(n):
        around = counts[max(0, k - 26) : k + 26]
        ratios[k] = (counts[k] + 0.5) / (around.mean() + 0.5)
    index = np.ones(52)
    for week in range(52):
        near = [k for k in range(n) if min((k - week) % 52, (week - k) % 52) <= 1]
        index[week] = float(np.mean(ratios[near])) if near else 1.0
    return np.clip(index / index.mean(), 0.2, 5.0)


def _glm(y: np.ndarray, X: np.ndarray, weights: np.ndarray, alpha: float, offset: np.ndarray):
    import statsmodels.api as sm  # heavy; only loaded when forecasting

    family = sm.families.NegativeBinomial(alpha=max(alpha, 1e-3))
    model = sm.GLM(y, X, family=family, var_weights=weights, offset=offset)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.fit(maxiter=100)


def _interval(mean: float, alpha: float) -> tuple[float, float]:
    from scipy import stats

    if mean <= 0:
        return 0.0, 0.0
    if alpha <= 1e-6:
        return float(stats.poisson.ppf(LOW, mean)), float(stats.poisson.ppf(HIGH, mean))
    n = 1 / alpha
    p = n / (n + mean)
    return float(stats.nbinom.ppf(LOW, n, p)), float(stats.nbinom.ppf(HIGH, n, p))


def forecast_series(counts, horizon: int) -> Forecast:
    """Expected counts for the `horizon` weeks after `counts` (one count per consecutive week, oldest
    first; the season takes 52 weeks for a year)."""
    y_all = np.asarray(counts, dtype=float)
    n_all = len(y_all)
    if n_all == 0 or y_all.sum() == 0:
        zero = [0.0] * horizon
        return Forecast(zero, zero, zero, "level")
    seasonal = n_all >= SEASON_WEEKS and y_all.sum() >= 2 * n_all / 52
    # The level and trend come from the recent weeks (weighted); the season from every year seen.
    start = max(0, n_all - LEVEL_WEEKS)
    y = y_all[start:]
    n = len(y)
    t = np.arange(n, dtype=float) - (n - 1)
    weights = 0.5 ** (-t / HALF_LIFE)
    trend = n >= MIN_TREND_WEEKS
    offset = np.zeros(n)
    future_offset = np.zeros(horizon)
    if seasonal:
        index = np.log(seasonal_index(y_all))
        offset = index[np.arange(start, n_all) % 52]
        future_offset = index[np.arange(n_all, n_all + horizon) % 52]
    columns = [np.ones(n)] + ([t] if trend else [])
    X = np.column_stack(columns)
    Xf = np.column_stack([np.ones(horizon)] + ([np.zeros(horizon)] if trend else []))
    mean = float(np.average(y, weights=weights))
    alpha = max(float(np.average((y - mean) ** 2, weights=weights)) - mean, 0.0) / max(mean, 1e-9) ** 2
    try:
        fit = _glm(y, X, weights, alpha, offset)
        params = np.asarray(fit.params, dtype=float)
        if not np.all(np.isfinite(params)):
            raise ValueError("no finite fit")
    except (ValueError, np.linalg.LinAlgError):
        params = np.zeros(X.shape[1])
        params[0] = math.log(max(mean, 1e-3))
        trend = False
    slope = float(np.clip(params[1], -MAX_SLOPE, MAX_SLOPE)) if trend else 0.0
    damped = np.cumsum(DAMPING ** np.arange(1, horizon + 1)) * slope
    log_mean = Xf @ params + damped + future_offset
    fitted = np.exp(X @ params + offset)
    dispersion = float(
        np.sum(weights * (y - fitted) ** 2 / np.maximum(fitted, 0.5)) / max(weights.sum() - X.shape[1], 1)
    )
    alpha = max(dispersion - 1, 0.0) / max(float(np.exp(params[0])), 1e-9)
    expected = np.exp(np.clip(log_mean, -20, 20))
    bands = [_interval(float(m), alpha) for m in expected]
    season_ratio = 1.0
    if seasonal:
        season_ratio = float(np.mean(np.exp(future_offset)))
    trend_ratio = float(math.exp(damped[-1])) if horizon else 1.0
    reason = "+".join(
        part
        for part, used in (("season", seasonal and abs(season_ratio - 1) > 0.1), ("trend", abs(trend_ratio - 1) > 0.1))
        if used
    )
    return Forecast(
        [round(float(m), 3) for m in expected],
        [min(low, float(m)) for (low, _h), m in zip(bands, expected, strict=True)],
        [max(high, float(m)) for (_l, high), m in zip(bands, expected, strict=True)],
        reason or "level",
        round(season_ratio, 3),
        round(trend_ratio, 3),
    )


def naive_forecast(counts, horizon: int) -> list[float]:
    """The baseline: the mean of the last 4 weeks, for every week ahead."""
    recent = np.asarray(counts, dtype=float)[-4:]
    return [float(recent.mean()) if len(recent) else 0.0] * horizon


def weekly_counts(
    times: list[datetime], groups: list[str], *, until: date, first: date | None = None
) -> tuple[date, dict[str, np.ndarray]]:
    """(Monday of the first week, group -> counts per week up to and including the week of `until`)."""
    first = first or min(week_start(t) for t in times)
    last = week_start(until)
    n = (last - first).days // 7 + 1
    series: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(n, dtype=int))
    for moment, group in zip(times, groups, strict=True):
        day = moment.date()
        if first <= day <= until:
            series[group][(week_start(day) - first).days // 7] += 1
    return first, dict(series)


def read_events(path: str | Path, *, time_column: str, group: str, area: str | None = None):
    """(time, group) per row of a CSV; with `area`, each row counts for its group and for "group / area"."""
    text, _encoding = decode(Path(path).read_bytes())
    delimiter = _delimiter(text, time_column)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    names = [n.strip() for n in reader.fieldnames or []]
    for column in (time_column, group, area):
        if column and column not in names:
            raise CsvError(f"Column {column!r} is not in the file (columns: {', '.join(names)}).")
    times, groups = [], []
    for row in reader:
        row = {(k or "").strip(): (v or "") for k, v in row.items()}
        try:
            moment = parse_time(row.get(time_column, ""))
        except ValueError:
            continue
        name = row.get(group, "").strip()
        if moment is None or not name:
            continue
        times.append(moment)
        groups.append(name)
        if area and row.get(area, "").strip():
            times.append(moment)
            groups.append(f"{name} / {row[area].strip()}")
    return times, groups


def forecast_csv(
    path: str | Path, *, time_column: str, group: str, until: date, horizon: int, area: str | None = None
) -> dict:
    """The JSON of `zwerm sensing forecast`: per group, one row per week after `until`, trained only on
    rows up to `until`. Only whole weeks are learned from: when `until` is not a Sunday, its week is
    left out and is the first week forecast."""
    started = time.perf_counter()
    times, groups = read_events(path, time_column=time_column, group=group, area=area)
    if not times:
        raise CsvError("No rows with a time and a group.")
    last_sunday = until if until.weekday() == 6 else week_start(until) - timedelta(days=1)
    first, series = weekly_counts(times, groups, until=last_sunday)
    next_monday = last_sunday + timedelta(days=1)
    out: dict[str, list[dict]] = {}
    for name in sorted(series):
        result = forecast_series(series[name], horizon)
        out[name] = [
            {
                "week": week_label(next_monday + timedelta(weeks=h)),
                "expected": result.expected[h],
                "low": result.low[h],
                "high": result.high[h],
            }
            for h in range(horizon)
        ]
    return {"groups": out, "seconds": round(time.perf_counter() - started, 3)}


def _monday(label: str) -> date:
    year, week = (int(part) for part in label.split("-W"))
    return date.fromisocalendar(year, week, 1)


AREA_MIN_TEXTS = 10  # a wijk's series gets its own forecast from this many texts of the theme on


def _stored(series: np.ndarray, last: date, horizon: int) -> dict:
    result = forecast_series(series, horizon)
    return {
        "weeks": [
            {
                "week": week_label(last + timedelta(weeks=h + 1)),
                "expected": result.expected[h],
                "low": result.low[h],
                "high": result.high[h],
            }
            for h in range(horizon)
        ],
        "reason": result.reason,
        "season": result.season_ratio,
        "trend": result.trend_ratio,
        "recent": round(float(series[-4:].mean()), 3),
    }


def theme_forecasts(points, *, today: date, horizon: int = 8) -> dict[str, dict]:
    """Per theme, from its weekly counts over all areas (trend points with area "*"): the expected counts
    for the `horizon` whole weeks after the last whole week before `today`, as stored on a theme:
    {"weeks": [{"week", "expected", "low", "high"}], "reason", "season", "trend", "recent", "areas"}, where
    "areas" holds the same per wijk (by area code) for the wijken with at least AREA_MIN_TEXTS texts of the theme."""
    from .trends import ALL_AREAS

    last = week_start(today) - timedelta(weeks=1)  # the last whole week
    counts: dict[tuple[str, str], dict[date, int]] = defaultdict(dict)
    for p in points:
        counts[(p.theme, p.area)][_monday(p.period)] = p.count
    out: dict[str, dict] = {}
    areas: dict[str, dict] = defaultdict(dict)
    for (theme, area), by_week in counts.items():
        first = min(by_week)
        if first > last:
            continue
        n = (last - first).days // 7 + 1
        series = np.array([by_week.get(first + timedelta(weeks=i), 0) for i in range(n)])
        if area == ALL_AREAS:
            out[theme] = _stored(series, last, horizon)
        elif series.sum() >= AREA_MIN_TEXTS:
            areas[theme][area] = _stored(series, last, horizon)
    for theme, row in out.items():
        row["areas"] = areas.get(theme, {})
    return out
