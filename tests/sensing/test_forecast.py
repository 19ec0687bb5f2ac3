"""Expected weekly counts with an interval (issue #14.2): level, trend and a yearly season, learned
from history only; and `zwerm sensing forecast` on a CSV export."""

import json
from datetime import date, timedelta

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zwerm.sensing.engine.forecast import AREA_MIN_TEXTS, forecast_series, naive_forecast, theme_forecasts
from zwerm.sensing.engine.trends import ALL_AREAS, TrendPoint, week_label


def test_a_steady_series_is_expected_at_its_level_with_a_band_around_it():
    rng = np.random.default_rng(2)
    history, future = rng.poisson(20, 40), rng.poisson(20, 8)
    result = forecast_series(history, 8)
    assert all(15 < e < 25 for e in result.expected)
    assert all(low <= e <= high for low, e, high in zip(result.low, result.expected, result.high, strict=True))
    inside = sum(low <= y <= high for low, y, high in zip(result.low, future, result.high, strict=True))
    assert inside >= 5 and result.reason == "level"


def test_leaves_in_autumn_are_expected_from_last_years_season():
    rng = np.random.default_rng(5)
    weeks = np.arange(52 * 2 + 40)
    mean = 10 * (1 + 3 * np.exp(-0.5 * ((weeks % 52 - 44) / 2.5) ** 2))
    counts = rng.poisson(mean)
    result = forecast_series(counts, 8)  # the history ends in week 40 of the third year
    assert result.expected[4] > 28 and result.expected[4] > 1.6 * result.expected[0]  # week 44 (truth 40) vs 40 (18)
    assert "season" in result.reason and result.season_ratio > 1.5
    naive = naive_forecast(counts, 8)
    actual = rng.poisson(10 * (1 + 3 * np.exp(-0.5 * ((np.arange(40, 48) - 44) / 2.5) ** 2)))
    assert np.abs(actual - result.expected).sum() < np.abs(actual - naive).sum()


def test_nothing_written_means_nothing_expected():
    result = forecast_series([0] * 10, 4)
    assert result.expected == [0.0] * 4 and result.high == [0.0] * 4


def _csv(path, start: date, weeks: int, per_week: dict[str, int]) -> None:
    lines = ["datum;categorie;wijk"]
    for w in range(weeks):
        for name, n in per_week.items():
            for i in range(n):
                lines.append(f"{start + timedelta(weeks=w, days=i % 7)};{name};{'Noord' if i % 2 else 'Zuid'}")
    path.write_text("\n".join(lines), encoding="utf-8")


def test_the_command_writes_a_row_per_week_after_until(tmp_path):
    data, out = tmp_path / "meldingen.csv", tmp_path / "f.json"
    _csv(data, date(2026, 1, 5), 20, {"Afval": 12, "Groen": 4})
    args = ["--time", "datum", "--group", "categorie", "--area", "wijk", "--until", "2026-03-29", "--horizon", "3"]
    call_command("sensing", "forecast", str(data), *args, "--json", str(out))
    report = json.loads(out.read_text())
    assert set(report["groups"]) == {"Afval", "Groen", "Afval / Noord", "Afval / Zuid", "Groen / Noord", "Groen / Zuid"}
    rows = report["groups"]["Afval"]
    assert [r["week"] for r in rows] == ["2026-W14", "2026-W15", "2026-W16"]
    assert all(r["low"] <= r["expected"] <= r["high"] for r in rows) and 9 < rows[0]["expected"] < 15
    assert report["seconds"] >= 0


def test_the_command_learns_only_from_rows_up_to_until(tmp_path):
    data, out = tmp_path / "meldingen.csv", tmp_path / "f.json"
    _csv(data, date(2026, 1, 5), 12, {"Afval": 6})
    later = tmp_path / "later.csv"
    _csv(later, date(2026, 1, 5), 20, {"Afval": 6})
    later.write_text(
        later.read_text() + "\n" + "\n".join(f"2026-03-{d:02d};Afval;Noord" for d in range(1, 28) for _ in range(9))
    )
    args = ["--time", "datum", "--group", "categorie", "--until", "2026-02-22", "--horizon", "2", "--json"]
    call_command("sensing", "forecast", str(data), *args, str(out))
    first = json.loads(out.read_text())["groups"]
    call_command("sensing", "forecast", str(later), *args, str(out))
    assert json.loads(out.read_text())["groups"] == first


def test_a_missing_column_is_a_clear_error(tmp_path):
    data = tmp_path / "meldingen.csv"
    _csv(data, date(2026, 1, 5), 4, {"Afval": 3})
    with pytest.raises(CommandError, match="tijd|Column 'tijd'"):
        call_command(
            "sensing",
            "forecast",
            str(data),
            "--time",
            "tijd",
            "--group",
            "categorie",
            "--until",
            "2026-01-25",
            "--horizon",
            "2",
            "--json",
            str(tmp_path / "f.json"),
        )


def test_a_wijk_with_enough_texts_gets_its_own_forecast_and_a_quiet_one_none():
    today = date(2026, 12, 7)  # a Monday: the last whole week is the one before
    mondays = [date(2026, 11, 30) - timedelta(weeks=n) for n in range(12, -1, -1)][1:]

    def points(area: str, per_week: int) -> list:
        return [TrendPoint("T1", area, week_label(m), per_week, 0, 0, 1, 1, 1, "baseline", True) for m in mondays]

    busy, quiet = 6, 0
    forecasts = theme_forecasts(
        points(ALL_AREAS, busy + 1) + points("WK000101", busy) + points("WK000102", quiet), today=today, horizon=4
    )
    row = forecasts["T1"]
    assert [w["week"] for w in row["weeks"]] == ["2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert set(row["areas"]) == {"WK000101"} and busy * len(mondays) >= AREA_MIN_TEXTS
    assert abs(row["areas"]["WK000101"]["weeks"][0]["expected"] - busy) < 1
