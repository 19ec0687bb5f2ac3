"""Benchmark: Zwerm's budget count against pabutools, the reference implementation.

    .venv/bin/python bench/budgets.py [FILES.pb ...] [--quick] [--pabutools-timeout S]
        [--pabutools-timeout-largest S] [--pabutools-max-voters N] [--no-pabutools]

For generated instances of growing size (seeded) and for every ``.pb`` file given, it counts with
greedy and with MES + add1 + greedy fill (fast and exact), counts the same with pabutools in a
child process (stopped after ``--pabutools-timeout`` seconds, ``--pabutools-timeout-largest`` for
the largest instance; a stopped run gives a lower bound on the speed-up), checks the winners are
identical and prints wall and cpu times (speed-ups in cpu time are the fairer figure on a busy
machine). Then it counts 100 projects x 100,000 approval voters exactly in a fresh
child process and prints time and peak memory. The machine is printed first.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from zwerm.budgets.pabulib import read_pb  # noqa: E402
from zwerm.budgets.rules import ApprovalBallot, CumulativeBallot, Instance, Project, count  # noqa: E402

SIZES = [(9, 3_000), (10, 100), (20, 1_000), (50, 1_000), (50, 10_000), (100, 10_000), (200, 100_000)]
QUICK = [(9, 3_000), (10, 100), (50, 1_000), (100, 10_000)]


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        from importlib.metadata import version

        import pabutools  # noqa: F401

        pabu = version("pabutools")
    except Exception:  # noqa: BLE001 - only for the header
        pabu = "not installed"
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"machine: {platform.system()} {platform.release()}, {cpu}, {cores} cores usable, {memory} RAM, "
        f"load average {load}\n"
        f"python {platform.python_version()}, numpy {np.__version__}, pabutools {pabu}"
    )


def generate(m: int, n: int, seed: int, vote_type: str = "approval"):
    """A seeded instance: costs in hundreds, 4 themes, popular and unpopular projects, voters
    preferring one theme, 1 + Poisson(4) projects per ballot; the per-voter budget is 20-200."""
    rng = np.random.default_rng(seed)
    per_voter = int(rng.integers(20, 200))
    budget = per_voter * n
    theme = rng.integers(0, 4, size=m)
    popularity = rng.gamma(0.8, 1.0, size=m) + 0.05
    raw = rng.lognormal(0.0, 0.8, size=m)
    costs = np.maximum(1, np.round(raw / raw.sum() * 3 * budget / 100)).astype(np.int64) * 100
    projects = [Project(str(j + 1), int(costs[j]), name=f"Project {j + 1}") for j in range(m)]
    weights = [popularity * np.where(theme == t, 3.0, 1.0) for t in range(4)]
    weights = [w / w.sum() for w in weights]
    favourite = rng.integers(0, 4, size=n)
    sizes = np.minimum(m, 1 + rng.poisson(4, size=n))
    ballots = []
    for i in range(n):
        chosen = sorted(rng.choice(m, size=sizes[i], replace=False, p=weights[favourite[i]]))
        ids = tuple(str(j + 1) for j in chosen)
        if vote_type == "approval":
            ballots.append(ApprovalBallot(ids, voter_id=str(i + 1)))
        else:
            points = rng.integers(1, 4, size=len(ids)).tolist()
            ballots.append(CumulativeBallot(tuple(zip(ids, points, strict=True)), voter_id=str(i + 1)))
    kind = "approval" if vote_type == "approval" else "cumulative"
    return Instance(budget=budget, projects=projects, vote_type=kind), ballots


def citywide(n: int = 60_000, submitted: int = 45, kept: int = 35, seed: int = 2024):
    """A synthetic city-wide approval vote: ``submitted`` projects costing 30,000 to 1,200,000
    (log-uniform), six districts whose residents lean to their own district's projects, skewed
    popularity, 1 + Poisson(3) projects per ballot (at most 10), a budget of 30% of the total cost.
    As real counts do, a vote threshold then keeps the ``kept`` most supported projects; the
    ballots keep only their votes for those."""
    rng = np.random.default_rng(seed)
    popularity = rng.gamma(0.7, 1.0, submitted) + 0.02
    costs = np.round(np.exp(rng.uniform(np.log(30_000), np.log(1_200_000), submitted)), -3).astype(np.int64)
    district = rng.integers(0, 6, submitted)
    home = rng.integers(0, 6, n)
    sizes = np.minimum(10, 1 + rng.poisson(3.0, n))
    weights = [popularity * np.where(district == d, 2.5, 1.0) for d in range(6)]
    weights = [w / w.sum() for w in weights]
    chosen = [np.sort(rng.choice(submitted, size=sizes[i], replace=False, p=weights[home[i]])) for i in range(n)]
    votes = np.bincount(np.concatenate(chosen), minlength=submitted)
    keep = set(np.argsort(-votes, kind="stable")[:kept].tolist())
    projects = [Project(str(j + 1), int(costs[j])) for j in sorted(keep)]
    ballots = [
        ApprovalBallot(tuple(str(j + 1) for j in c if j in keep), voter_id=str(i + 1)) for i, c in enumerate(chosen)
    ]
    budget = int(costs.sum() * 0.3) // 1000 * 1000
    return Instance(budget=budget, projects=projects), ballots


def _pabutools_child(connection, instance, ballots, rule, path):
    from tests.budgets.pabutools_bridge import pabutools_winners

    started = time.perf_counter()
    if path:  # read the file with pabutools' own parser: checks our reader too
        from pabutools.election import parse_pabulib

        from tests.budgets.pabutools_bridge import pabutools_winners_for

        winners = pabutools_winners_for(*parse_pabulib(path), rule, instance.vote_type)
    else:
        winners = pabutools_winners(instance, ballots, rule)
    connection.send((winners, time.perf_counter() - started))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pabutools_count(instance, ballots, rule, timeout, path=None):
    """(winners or None when stopped, wall seconds, cpu seconds) of pabutools in a child process."""
    receive, send = mp.Pipe(duplex=False)
    child = mp.get_context("fork").Process(target=_pabutools_child, args=(send, instance, ballots, rule, path))
    cpu = _children_cpu()
    child.start()
    winners, seconds = None, timeout
    if receive.poll(timeout):
        winners, seconds = receive.recv()
    else:
        child.terminate()
    child.join()
    return winners, seconds, _children_cpu() - cpu


def zwerm_count(instance, ballots, **options):
    started = time.perf_counter()
    cpu = time.process_time()
    outcome = count(instance, ballots, **options)
    return outcome, time.perf_counter() - started, time.process_time() - cpu


def compare(label, instance, ballots, args, path=None):
    n, m = len(ballots), len(instance.projects)
    print(f"\n{label}: {m} projects, {n:,} {instance.vote_type} voters, budget {instance.budget}")
    all_same = True
    for rule, options in (("greedy", {}), ("mes", {"completion": "add1"})):
        fast, wall, cpu = zwerm_count(instance, ballots, rule=rule, **options)
        line = f"  {rule:6s} zwerm fast {wall:8.3f} s (cpu {cpu:7.3f})"
        if rule == "mes":
            exact, wall_x, cpu_x = zwerm_count(instance, ballots, rule=rule, exact=True, **options)
            line += f" | exact {wall_x:8.3f} s (cpu {cpu_x:7.3f}) | {exact.completion_steps} add1 steps"
            same_x = exact.winners == fast.winners
            all_same &= same_x
            line += "" if same_x else " | EXACT DIFFERS"
        winners = sorted(fast.winners)
        if args.no_pabutools or n > args.pabutools_max_voters:
            line += " | pabutools skipped"
        else:
            reference, seconds, p_cpu = pabutools_count(instance, ballots, rule, args.pabutools_timeout, path)
            speed = f"speed-up {seconds / wall:.0f}x wall, {p_cpu / max(cpu, 1e-9):.0f}x cpu"
            if reference is None:
                line += f" | pabutools stopped after {seconds:.0f} s (cpu {p_cpu:.0f}): {speed} at least"
            else:
                same = reference == winners
                all_same &= same
                line += f" | pabutools {seconds:8.3f} s (cpu {p_cpu:7.3f}) | {speed} | "
                line += "identical winners" if same else f"DIFFERENT: zwerm {winners} pabutools {reference}"
        print(line, flush=True)
    return all_same


def _exact_child(connection, m, n):
    instance, ballots = generate(m, n, seed=2024)
    tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    outcome = count(instance, ballots, rule="mes", completion="add1", exact=True)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    connection.send((wall, cpu, peak / 2**20, rss, len(outcome.winners), outcome.completion_steps))


def exact_target(m=100, n=100_000):
    receive, send = mp.Pipe(duplex=False)
    child = mp.get_context("spawn").Process(target=_exact_child, args=(send, m, n))
    child.start()
    wall, cpu, peak, rss, winners, steps = receive.recv()
    child.join()
    ok = wall < 10 and rss < 1024
    print(
        f"\nexact target: {m} projects x {n:,} approval voters, MES + add1 + greedy, exact: "
        f"{wall:.2f} s wall ({cpu:.2f} s cpu), {steps} add1 steps, {winners} winners; peak memory "
        f"{peak:.0f} MB traced during the count, {rss:.0f} MB peak RSS of the process "
        f"(building the instance included) -> {'met' if ok else 'NOT met'} (< 10 s, < 1 GB)"
    )
    return ok


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help=".pb files to compare as well")
    parser.add_argument("--quick", action="store_true", help="only the small generated sizes")
    parser.add_argument(
        "--ends", action="store_true", help="only both ends: 9 projects x 3,000 voters and the city-wide election"
    )
    parser.add_argument("--pabutools-timeout", type=float, default=300, help="seconds per pabutools count")
    parser.add_argument(
        "--pabutools-timeout-largest", type=float, default=1200, help="seconds for the largest instance"
    )
    parser.add_argument("--pabutools-max-voters", type=int, default=100_000, help="skip pabutools above this")
    parser.add_argument("--no-pabutools", action="store_true")
    parser.add_argument("--no-exact-target", action="store_true")
    args = parser.parse_args(argv)
    print(machine())
    if not args.no_pabutools:
        try:
            import pabutools  # noqa: F401
        except ImportError:
            print("pabutools is not installed: comparisons skipped (pip install pabutools)")
            args.no_pabutools = True
    ok = True
    sizes = QUICK if args.quick else SIZES
    if args.ends:
        sizes = [(9, 3_000)]
    for m, n in sizes:
        options = argparse.Namespace(**vars(args))
        if (m, n) == max(sizes, key=lambda size: size[0] * size[1]):
            options.pabutools_timeout = max(args.pabutools_timeout, args.pabutools_timeout_largest)
        ok &= compare(f"generated seed {m * 7 + n}", *generate(m, n, seed=m * 7 + n), options)
    for m, n in [] if args.ends else [(30, 2_000)]:  # cumulative ballots too
        ok &= compare("generated cumulative", *generate(m, n, seed=5, vote_type="cumulative"), args)
    if not args.quick:
        options = argparse.Namespace(**vars(args))
        options.pabutools_timeout = max(args.pabutools_timeout, args.pabutools_timeout_largest)
        ok &= compare("city-wide synthetic (45 submitted, 35 above the vote threshold)", *citywide(), options)
    for path in args.files:
        instance, ballots = read_pb(path)
        ok &= compare(Path(path).name, instance, ballots, args, path=path)
    if not args.no_exact_target and not args.quick and not args.ends:
        exact_target()
    print("\nall winners identical" if ok else "\nSOME WINNERS DIFFER")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
