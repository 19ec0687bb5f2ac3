"""Benchmark: Zwerm's opinion engine against red-dwarf (a reimplementation of Pol.is math).

Run from the repository root:  .venv/bin/python bench/dialogues.py [--quick] [--skip-synthetic]

For every Pol.is conversation in ../shared/data/polis (or $ZWERM_SHARED_DATA/polis) that has
votes, both engines get the same votes in one process. Each is timed as the best of --repeat
runs, alternating the two engines so both meet the same machine load (after one warm-up run
of each), from the list of votes to the finished analysis. The adjusted Rand index compares
each engine's groups with the group-id Pol.is assigned, over the participants that Pol.is
and both engines put in a group. Then a synthetic conversation of 100,000 participants ×
2,000 statements (10 million votes) runs in a child process, so its peak memory (maxrss) is
its own.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from zwerm.dialogues.analysis import VoteMatrix, analyse  # noqa: E402
from zwerm.dialogues.analysis.report import export_to_matrix  # noqa: E402
from zwerm.dialogues.polis_io import read_export  # noqa: E402


def shared_data() -> Path:
    return Path(os.environ.get("ZWERM_SHARED_DATA", REPO.parent / "shared" / "data"))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"machine: {platform.platform()}, python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({model or cpu}), numpy {np.__version__}; "
        f"load average at start {os.getloadavg()[0]:.1f}"
    )


def timed(run):
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def best_interleaved(repeat: int, first, second):
    """Best time of each of two runs, alternating them so both meet the same machine load.
    Runs longer than 2 s are repeated at most twice."""
    t1, t2, r1, r2 = [], [], None, None
    for i in range(repeat):
        if i < 2 or min(t1) < 2:
            t, r1 = timed(first)
            t1.append(t)
        if i < 2 or min(t2) < 2:
            t, r2 = timed(second)
            t2.append(t)
    return min(t1), r1, min(t2), r2


def zwerm_run(export):
    return analyse(export_to_matrix(export), excluded_statement_ids=export.excluded_comment_ids, seed=0)


AGREES = 0.5  # red-dwarf's ARI from which it counts as reproducing Pol.is's groups
REDDWARF_THREADS = None  # --reddwarf-threads: cap its BLAS/OpenMP pools (fairer on a busy machine)


def reddwarf_run(export):
    if REDDWARF_THREADS:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(REDDWARF_THREADS):
            return _reddwarf_run(export)
    return _reddwarf_run(export)


def _reddwarf_run(export):
    from reddwarf.implementations.polis import run_pipeline

    votes = [
        {"participant_id": v.participant_id, "statement_id": v.comment_id, "vote": v.vote, "modified": v.timestamp or 0}
        for v in export.votes
    ]
    return run_pipeline(
        votes=votes,
        mod_out_statement_ids=list(export.excluded_comment_ids),
        meta_statement_ids=[c.id for c in export.comments if c.is_meta],
        random_state=0,
    )


def zwerm_labels(result) -> dict:
    return {p: int(g) for p, g in zip(result.participant_ids, result.labels.tolist(), strict=True) if g >= 0}


def reddwarf_labels(result) -> dict:
    labels = {}
    for pid, cluster in result.participants_df["cluster_id"].items():
        try:
            labels[int(pid)] = int(cluster)
        except (TypeError, ValueError):
            continue  # <NA>: not clustered
    return labels


def conversations(folder: Path, quick: bool):
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        if not ((path / "votes.csv").exists() or (path / "participants-votes.csv").exists()):
            continue
        if quick and (path / "participants-votes.csv").stat().st_size > 1_500_000:
            continue
        yield path


def compare(args) -> None:
    from sklearn.metrics import adjusted_rand_score

    warnings.filterwarnings("ignore")
    folder = shared_data() / "polis"
    if not folder.is_dir():
        print(f"no Pol.is data at {folder}; set ZWERM_SHARED_DATA")
        return
    paths = list(conversations(folder, args.quick))
    warm = read_export(paths[0])
    zwerm_run(warm), reddwarf_run(warm)  # warm-up: imports, caches
    header = (
        f"{'conversation':40s} {'ptpts':>6s} {'stmts':>5s} {'votes':>7s} {'zwerm s':>8s} {'red-dwarf s':>11s} "
        f"{'ratio':>6s} {'ARI zwerm':>9s} {'ARI r-d':>8s} {'n':>5s} {'k z/r/pol':>9s}"
    )
    print(header)
    print("-" * len(header))
    ratios, ari_z, ari_r = [], [], []
    for path in paths:
        export = read_export(path)
        t_z, res_z, t_r, res_r = best_interleaved(
            args.repeat, lambda export=export: zwerm_run(export), lambda export=export: reddwarf_run(export)
        )
        lab_z, lab_r = zwerm_labels(res_z), reddwarf_labels(res_r)
        polis = {p: g for p, g in export.group_ids.items() if g is not None}
        common = sorted(set(polis) & set(lab_z) & set(lab_r))
        truth = [polis[p] for p in common]
        a_z = adjusted_rand_score(truth, [lab_z[p] for p in common])
        a_r = adjusted_rand_score(truth, [lab_r[p] for p in common])
        ratios.append(t_r / t_z)
        ari_z.append(a_z)
        ari_r.append(a_r)
        ks = f"{res_z.k}/{len(set(lab_r.values()))}/{len(set(polis.values()))}"
        print(
            f"{path.name[:40]:40s} {res_z.coordinates.shape[0]:6d} {len(res_z.statement_ids):5d} "
            f"{res_z.n_votes:7d} {t_z:8.4f} {t_r:11.4f} {t_r / t_z:6.1f} {a_z:9.3f} {a_r:8.3f} "
            f"{len(common):5d} {ks:>9s}"
        )
    print("-" * len(header))
    print(
        f"all {len(ratios)}: speed-up red-dwarf/zwerm min {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x; "
        f"median ARI vs Pol.is: zwerm {statistics.median(ari_z):.3f}, red-dwarf {statistics.median(ari_r):.3f}"
    )
    # Where red-dwarf, the reference reimplementation, reproduces Pol.is's groups, the export's
    # group-id is a fair target; elsewhere it comes from an older Pol.is or its update history.
    agree = [i for i, a in enumerate(ari_r) if a >= AGREES]
    if agree:
        print(
            f"where red-dwarf agrees with Pol.is (ARI >= {AGREES}; {len(agree)} conversations): median ARI "
            f"zwerm {statistics.median(ari_z[i] for i in agree):.3f}, red-dwarf "
            f"{statistics.median(ari_r[i] for i in agree):.3f}; speed-up min {min(ratios[i] for i in agree):.1f}x"
        )


def synthetic_votes(n: int, m: int, per: int, groups: int, seed: int = 0):
    """``n`` participants in ``groups`` opinion groups, each voting on ``per`` of ``m``
    statements (15% passes; agree with the group's probability for that statement)."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, n)
    agree_p = rng.beta(0.6, 0.6, (groups, m))
    rows = np.repeat(np.arange(n, dtype=np.int64), per)
    cols = np.empty(n * per, dtype=np.int64)
    chunk = 5000
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        picks = rng.random((stop - start, m)).argpartition(per, axis=1)[:, :per]
        cols[start * per : stop * per] = picks.ravel()
    u = rng.random(len(rows))
    agree = rng.random(len(rows)) < agree_p[group[rows], cols]
    votes = np.where(u < 0.15, 0, np.where(agree, 1, -1)).astype(np.int8)
    return rows, cols, votes, group


def synthetic(args) -> None:
    from sklearn.metrics import adjusted_rand_score

    n, m, per = args.participants, args.statements, args.per
    rows, cols, votes, group = synthetic_votes(n, m, per, groups=3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine_only = _reset_peak_rss()
    started = time.perf_counter()
    matrix = VoteMatrix.from_triples(rows, cols, votes, participant_ids=range(n), statement_ids=range(m))
    del rows, cols, votes
    result = analyse(matrix, seed=0)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ari = adjusted_rand_score(group[result.included], result.labels[result.included])
    since = f"; peak RSS while the engine ran {_peak_rss():,.0f} MB" if engine_only else ""
    print(
        f"synthetic {n:,} participants x {m:,} statements, {matrix.n_votes:,} votes: "
        f"{seconds:.2f} s (matrix + analysis), process peak RSS {peak:,.0f} MB "
        f"({before:,.0f} MB before the engine ran: generator and imports){since}; "
        f"k={result.k}, ARI vs planted groups {ari:.3f}"
    )


def _reset_peak_rss() -> bool:
    """Linux: reset the process's peak RSS (VmHWM) so the engine's own peak can be read."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the largest conversations, 1 run each")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--synthetic-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=5, help="runs per engine, alternating (best counts)")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--statements", type=int, default=2_000)
    parser.add_argument("--per", type=int, default=100, help="votes per participant")
    parser.add_argument(
        "--reddwarf-threads", type=int, default=None, help="cap red-dwarf's thread pools (default: its own defaults)"
    )
    args = parser.parse_args()
    global REDDWARF_THREADS
    REDDWARF_THREADS = args.reddwarf_threads
    if args.quick:
        args.repeat = 1
    if args.synthetic_only:
        synthetic(args)
        return
    print(machine())
    print(f"red-dwarf thread pools: {args.reddwarf_threads or 'library default'}; Zwerm: 1 BLAS thread")
    compare(args)
    if not args.skip_synthetic:
        sys.stdout.flush()
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--synthetic-only",
                "--participants",
                str(args.participants),
                "--statements",
                str(args.statements),
                "--per",
                str(args.per),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
