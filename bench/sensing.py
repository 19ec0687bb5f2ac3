"""Benchmark of the sensing engine: theme quality, routing, throughput, and a 100,000-text build.

    .venv/bin/python bench/sensing.py [--data DIR] [--combined] [--synthetic N] [--threads N]

Figures on ../shared/data/civic/cycling_dialogues_de (3,139 German citizen contributions with human
topic labels): NMI and ARI of the discovered themes (not told k) against the labels, the theme names
with their label coverage and the share led by a function word, the forecast backtest (MASE), beside a
baseline of TF-IDF + k-means told the true k; routing accuracy and macro-F1 on a time-ordered split
(first 80 % train, last 20 % test) beside TF-IDF + logistic regression; build and assignment
throughput. Then a synthetic build of N texts (default 100,000) in a child process: time, peak
memory, and the latency of assigning one new text.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def machine() -> str:
    import numpy
    import sklearn
    from threadpoolctl import threadpool_info

    cpu = "?"
    with contextlib.suppress(OSError, StopIteration), open("/proc/cpuinfo") as info:
        cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    blas = ", ".join(
        f"{i['internal_api']} {i.get('version') or ''} {i.get('architecture') or ''}".strip() for i in threadpool_info()
    )
    return (
        f"machine: {platform.node()} | {cpu} | {os.cpu_count()} cores | {memory:.1f} GiB | "
        f"{platform.platform()}\npython {platform.python_version()} | numpy {numpy.__version__} | "
        f"scikit-learn {sklearn.__version__} | {blas}\nload average at start: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on the machine slows every figure)"
    )


def check(label: str, ok: bool) -> str:
    return f"{label}: {'MET' if ok else 'NOT MET'}"


def bench_real(data: Path, combined: bool, threads: int) -> None:
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, adjusted_rand_score, f1_score, normalized_mutual_info_score

    from zwerm.sensing.engine.assign import assign, assign_many
    from zwerm.sensing.engine.importer import read_csv
    from zwerm.sensing.engine.pipeline import PipelineConfig, analyse
    from zwerm.sensing.engine.routing import evaluate_router, train_router
    from zwerm.sensing.engine.themes import ThemeConfig

    imported = read_csv(
        data, text_column="text", time_column="timestamp", area_column="area", label_column="label", id_column="id"
    )
    rows = imported.rows
    labels = [r.label for r in rows]
    k_true = len(set(labels))
    print(f"\n== {data.parent.name}: {len(rows)} texts, {k_true} human topic labels ==")

    print("\n-- themes (NMI / ARI against the human labels) --")
    started = time.perf_counter()
    analysis = analyse(rows, config=PipelineConfig(themes=ThemeConfig(threads=threads)))
    build_s = time.perf_counter() - started
    found = [t or "" for t in analysis.theme_of]
    nmi, ari = normalized_mutual_info_score(labels, found), adjusted_rand_score(labels, found)
    print(
        f"zwerm (tfidf, k chosen by stability = {analysis.model.k_choice.k}): NMI {nmi:.3f}  ARI {ari:.3f}  "
        f"build {build_s:.1f} s ({len(rows) / build_s:.0f} texts/s; stages {analysis.seconds})"
    )
    if combined:
        started = time.perf_counter()
        both = analyse(rows, config=PipelineConfig(themes=ThemeConfig(vectoriser="combined", threads=threads)))
        found_c = [t or "" for t in both.theme_of]
        print(
            f"zwerm (combined tfidf + sentence encoder, k = {both.model.k_choice.k}): "
            f"NMI {normalized_mutual_info_score(labels, found_c):.3f}  "
            f"ARI {adjusted_rand_score(labels, found_c):.3f}  "
            f"build {time.perf_counter() - started:.1f} s"
        )
    texts = [r.text for r in rows]
    print("\n-- theme names (surface phrases; coverage = share of the theme's texts holding the name's words) --")
    from zwerm.sensing.engine.naming import label_coverage, led_by_function_word

    coverages, led = [], 0
    for theme in analysis.model.themes:
        members = [texts[i] for i, t in enumerate(analysis.theme_of) if t == theme.id]
        coverage = label_coverage(theme.label, members)
        coverages.append(coverage)
        led += led_by_function_word(theme.label)
        print(f"  {theme.id:>4}  {theme.size:>5} texts  coverage {coverage:.2f}  {theme.label}")
    mean_coverage = float(np.mean(coverages)) if coverages else 0.0
    share_led = led / max(len(coverages), 1)
    print(f"mean label coverage {mean_coverage:.3f}; names led by a function word: {share_led:.0%}")
    print(check("mean label coverage >= 0.6 and no name led by a function word", mean_coverage >= 0.6 and not led))
    raw = TfidfVectorizer().fit_transform(texts)
    scores = []
    for seed in range(3):
        predicted = KMeans(k_true, n_init=10, random_state=seed).fit_predict(raw)
        scores.append((normalized_mutual_info_score(labels, predicted), adjusted_rand_score(labels, predicted)))
    base_nmi, base_ari = np.mean(scores, axis=0)
    print(f"baseline TF-IDF + k-means told k={k_true} (mean of 3 seeds): NMI {base_nmi:.3f}  ARI {base_ari:.3f}")
    print(check("target themes at least as close to the labels as the baseline", nmi >= base_nmi and ari >= base_ari))

    print("\n-- assignment --")
    started = time.perf_counter()
    assign_many(analysis.model, texts)
    batch_s = time.perf_counter() - started
    latencies = []
    for text in texts[:300]:
        t0 = time.perf_counter()
        assign(analysis.model, text)
        latencies.append((time.perf_counter() - t0) * 1000)
    print(
        f"batch: {len(texts) / batch_s:.0f} texts/s; one text: median {statistics.median(latencies):.2f} ms, "
        f"p95 {sorted(latencies)[int(0.95 * len(latencies))]:.2f} ms "
        f"(texts average {np.mean([len(t) for t in texts]):.0f} chars)"
    )

    print("\n-- routing (time-ordered: first 80 % train, last 20 % test) --")
    ordered = sorted(rows, key=lambda r: r.time)
    cut = int(0.8 * len(ordered))
    train, test = ordered[:cut], ordered[cut:]
    started = time.perf_counter()
    router = train_router([r.text for r in train], [r.label for r in train])
    score = evaluate_router(router, [r.text for r in test], [r.label for r in test])
    print(
        f"zwerm router: accuracy {score.accuracy:.3f}  macro F1 {score.macro_f1:.3f}  "
        f"({time.perf_counter() - started:.1f} s; {score.handed_to_person:.0%} handed to a person, "
        f"accuracy of the rest {score.accuracy_when_confident:.3f})"
    )
    vectoriser = TfidfVectorizer()
    baseline = LogisticRegression(max_iter=2000).fit(
        vectoriser.fit_transform([r.text for r in train]), [r.label for r in train]
    )
    predicted = baseline.predict(vectoriser.transform([r.text for r in test]))
    truth = [r.label for r in test]
    base_f1 = f1_score(truth, predicted, average="macro")
    print(
        f"baseline TF-IDF + logistic regression: accuracy {accuracy_score(truth, predicted):.3f}  "
        f"macro F1 {base_f1:.3f}"
    )
    print(check("target routing macro-F1 at least the baseline's", score.macro_f1 >= base_f1))


def bench_synthetic(n: int, threads: int) -> None:
    """Runs in a child process so that its peak memory is its own."""
    from zwerm.sensing.engine.assign import assign
    from zwerm.sensing.engine.pipeline import PipelineConfig, analyse
    from zwerm.sensing.engine.synthetic import synthetic_rows
    from zwerm.sensing.engine.themes import ThemeConfig

    data = synthetic_rows(n, seed=1, weeks=26)
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    analysis = analyse(data.rows, config=PipelineConfig(themes=ThemeConfig(threads=threads)))
    seconds = time.perf_counter() - started
    self_usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, workers = self_usage.ru_maxrss / 1024, children.ru_maxrss / 1024
    main_cpu = (self_usage.ru_utime + self_usage.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    worker_cpu = children.ru_utime + children.ru_stime
    text = "De lantaarnpaal bij de bushalte in de Beukenstraat brandt al weken niet, het is er donker."
    assign(analysis.model, text)
    latencies = []
    for _ in range(200):
        t0 = time.perf_counter()
        assign(analysis.model, text)
        latencies.append((time.perf_counter() - t0) * 1000)
    print(
        f"synthetic build of {n:,} texts: {seconds:.1f} s ({n / seconds:,.0f} texts/s), "
        f"{len(analysis.model.themes)} themes, stages {analysis.seconds}"
    )
    print(
        f"CPU time: main process {main_cpu:.1f} s, preparation workers {worker_cpu:.1f} s; "
        f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        f"(an idle 2-core machine needs about main + workers / 2 = {main_cpu + worker_cpu / 2:.1f} s)"
    )
    print(
        f"peak memory: main process {own:,.0f} MiB, largest preparation worker {workers:,.0f} MiB "
        f"(upper bound together {own + 2 * workers:,.0f} MiB with 2 workers)"
    )
    print(f"one new text assigned: median {statistics.median(latencies):.2f} ms, max {max(latencies):.2f} ms")
    print(check(f"target {n:,} texts under 60 s", seconds < 60))
    print(check("target under 2 GB", own + 2 * workers < 2048))
    print(check("target one text under 10 ms", statistics.median(latencies) < 10))


def _mase(actual, forecast, naive) -> float | None:
    import numpy as np

    actual, forecast, naive = (np.asarray(x, dtype=float) for x in (actual, forecast, naive))
    scale = np.abs(actual - naive).sum()
    return float(np.abs(actual - forecast).sum() / scale) if scale > 0 else None


def _backtest(series: dict, first, cut: int, horizon: int) -> tuple[float, float, int]:
    """Mean MASE over the groups (against the mean of the last 4 weeks) and the share of actual weeks
    inside the band, forecasting `horizon` weeks after week index `cut` from the weeks before it."""
    import numpy as np

    from zwerm.sensing.engine.forecast import forecast_series, naive_forecast

    scores, inside, weeks = [], 0, 0
    for counts in series.values():
        history, actual = counts[:cut], counts[cut : cut + horizon]
        if len(actual) < horizon or history.sum() < 10:
            continue
        result = forecast_series(history, horizon)
        score = _mase(actual, result.expected, naive_forecast(history, horizon))
        if score is not None:
            scores.append(score)
        inside += int(np.sum((np.array(result.low) <= actual) & (actual <= np.array(result.high))))
        weeks += horizon
    return (float(np.mean(scores)) if scores else float("nan")), inside / max(weeks, 1), len(scores)


def _synthetic_weekly(groups: int = 12, years: int = 3, seed: int = 3):
    """Weekly counts like meldingen: a level, a slow trend, a yearly season for most groups (leaves in
    autumn, fireworks at the turn of the year, summer nuisance), negative-binomial noise."""
    from datetime import date

    import numpy as np

    rng = np.random.default_rng(seed)
    weeks = 52 * years
    first = date(2023, 1, 2)
    woy = np.arange(weeks) % 52
    shapes = [
        np.exp(-0.5 * ((woy - 44) / 3.0) ** 2) * 2.5,  # leaves, early November
        (np.minimum(woy, 52 - woy) <= 1) * 4.0,  # fireworks around the turn of the year
        np.exp(-0.5 * ((woy - 28) / 6.0) ** 2) * 1.2,  # summer nuisance
        np.zeros(weeks),
    ]
    series = {}
    for g in range(groups):
        level = rng.uniform(4, 40)
        trend = rng.uniform(-0.004, 0.006)
        mean = level * np.exp(trend * np.arange(weeks)) * (1 + shapes[g % len(shapes)])
        size = 8.0
        series[f"groep {g + 1}"] = rng.negative_binomial(size, size / (size + mean))
    return first, series


def bench_forecast(data: Path) -> None:
    """Forecast backtest: MASE against the naive forecast (mean of the last 4 weeks), bar <= 0.95 at 8 weeks."""
    from datetime import date

    import numpy as np

    from zwerm.sensing.engine.forecast import read_events, weekly_counts

    print("\n-- forecasts: MASE against the mean of the last 4 weeks (lower is better; < 1 beats it) --")
    first, series = _synthetic_weekly()
    for horizon in (4, 8):
        results = [_backtest(series, first, cut, horizon) for cut in range(104, 156 - horizon + 1, 4)]
        mase = float(np.mean([r[0] for r in results]))
        cover = float(np.mean([r[1] for r in results]))
        print(
            f"synthetic meldingen (12 groups, 3 years, seasons; every 4th week of year 3 as origin), "
            f"{horizon} weeks: MASE {mase:.3f}, weeks inside the 10-90 % band {cover:.0%}"
        )
        if horizon == 8:
            print(check("MASE <= 0.95 at 8 weeks (synthetic, seasonal)", mase <= 0.95))
    if data.is_file():
        times, groups = read_events(data, time_column="timestamp", group="label")
        first_week, weekly = weekly_counts(times, groups, until=date(2017, 10, 22))
        cut = (date(2017, 10, 9) - first_week).days // 7
        mase, cover, n = _backtest({k: np.asarray(v) for k, v in weekly.items()}, first_week, cut, 2)
        print(
            f"{data.parent.name} ({n} labels, 4 weeks of history to 2017-10-08, the 2 whole weeks after): "
            f"MASE {mase:.3f}, weeks inside the band {cover:.0%} (too short for 8 weeks or a season)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = Path(os.environ.get("ZWERM_SHARED_DATA", ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=default_data / "civic" / "cycling_dialogues_de" / "data.csv")
    parser.add_argument("--combined", action="store_true", help="also build with the sentence encoder (slow)")
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads for the theme build")
    parser.add_argument("--synthetic-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--forecast-only", action="store_true", help="only the forecast backtest (MASE)")
    args = parser.parse_args()
    if args.forecast_only:
        bench_forecast(args.data)
        return
    if args.synthetic_only:
        bench_synthetic(args.synthetic, args.threads)
        return
    print(machine())
    if args.data.is_file():
        bench_real(args.data, args.combined, args.threads)
    else:
        print(f"\n(skipped: {args.data} not found; set ZWERM_SHARED_DATA)")
    bench_forecast(args.data)
    if args.synthetic:
        print("\n-- synthetic scale test (child process) --", flush=True)
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--synthetic-only",
                "--synthetic",
                str(args.synthetic),
                "--threads",
                str(args.threads),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
