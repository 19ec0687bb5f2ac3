"""Counts per theme x area x week against what was expected, and the alerts."""

from datetime import datetime, timedelta

import numpy as np

from zwerm.sensing.engine.trends import TrendConfig, detect_trends, evaluate_series

START = datetime(2026, 1, 5, 9)  # a Monday


def texts_per_week(counts, theme="T1", area="Noord"):
    themes, areas, times = [], [], []
    for week, count in enumerate(counts):
        for i in range(count):
            themes.append(theme)
            areas.append(area)
            times.append(START + timedelta(weeks=week, hours=i % 100))
    return themes, areas, times


def test_a_known_spike_is_found_with_the_numbers_behind_it():
    counts = np.random.default_rng(1).poisson(20, 30)
    counts[29] = 48
    _, alerts = detect_trends(*texts_per_week(counts), until=START + timedelta(weeks=31))
    spikes = [a for a in alerts if a.kind == "spike"]
    assert {(a.area, a.period) for a in spikes} == {("Noord", "2026-W31"), ("*", "2026-W31")}
    spike = spikes[0]
    assert spike.count == 48 and 15 < spike.expected < 25 and spike.p_value < 1e-4 and spike.ratio > 2
    assert "48 texts" in spike.explanation


def test_only_the_newest_week_is_tested():
    counts = np.random.default_rng(1).poisson(20, 30)
    counts[24] = 48  # a spike five weeks ago was alerted then; it is not raised again now
    points, alerts = detect_trends(*texts_per_week(counts), until=START + timedelta(weeks=31))
    assert alerts == []
    assert {p.kind for p in points if p.period != "2026-W31"} <= {"baseline", "normal"}


def test_whether_a_spike_is_flagged_does_not_depend_on_the_length_of_history():
    """Testing every week of every series made the same spike flagged less often with more history."""
    for weeks in (20, 150):
        flagged = 0
        for seed in range(20):
            counts = np.random.default_rng(seed).poisson(20, weeks)
            counts[-1] = 48
            flagged += evaluate_series(counts)[-1][4] == "spike"
        assert flagged == 20, (weeks, flagged)


def test_a_flat_series_raises_no_alert():
    for seed in range(10):
        counts = np.random.default_rng(seed).poisson(12, 40)
        points, alerts = detect_trends(*texts_per_week(counts), until=START + timedelta(weeks=41))
        assert alerts == [], alerts
        assert {p.kind for p in points} <= {"baseline", "normal"}


def test_a_constant_series_raises_no_alert():
    kinds = {r[4] for r in evaluate_series([7] * 30)}
    assert kinds == {"baseline", "normal"}


def test_a_new_growing_theme_is_emerging():
    counts = [0] * 10 + [1, 0, 9]
    kinds = [r[4] for r in evaluate_series(counts)]
    assert kinds[-1] == "emerging"


def test_a_decline_is_found_but_not_in_a_week_still_running():
    counts = [30] * 12 + [4]
    assert evaluate_series(counts)[-1][4] == "decline"
    assert evaluate_series(counts, partial_last=True)[-1][4] == "partial"


def test_small_counts_are_never_public():
    points, _ = detect_trends(*texts_per_week([3, 4, 6, 2, 8]), until=START + timedelta(weeks=6))
    for point in points:
        assert point.public == (point.count >= TrendConfig().min_public)
    assert any(not p.public for p in points)


def test_seasonal_baseline_expects_the_yearly_peak():
    weeks = 130
    season = np.array([30 if w % 52 in (20, 21, 22) else 10 for w in range(weeks)])
    result = evaluate_series(season)
    # In the third year the peak week is expected high, so it is not a spike.
    assert result[125][0] > 15 and result[125][4] == "normal"


def test_texts_without_theme_or_time_are_not_counted():
    points, alerts = detect_trends([None, "T1"], ["Noord", "Noord"], [START, None])
    assert points == [] and alerts == []
