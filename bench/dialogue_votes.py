"""Vote intake over HTTP on PostgreSQL: many residents voting at once against the production web server.

    .venv/bin/python bench/dialogue_votes.py [--votes 6000] [--clients 16] [--wrk SECONDS] [--server both]

Starts Granian (the server docs/operations.md runs; 2 workers x 4 threads) with the production settings on
127.0.0.1, logs in residents (session cookies made server-side), then clients post votes through the real vote
form (CSRF, session, redirect) and report throughput and latency. `--server both` runs gunicorn (3 sync
workers, its best here) after it on the same data as the peer: `pip install -e ".[bench]"` brings gunicorn.

With --wrk the load comes from wrk (Debian package `wrk`, written in C) instead of Python client
processes, which themselves take a large share of the 2 cores. The CPU time per vote (web processes
plus PostgreSQL) is printed too: it does not depend on what else runs.

Needs PostgreSQL (default postgres://postgres@127.0.0.1:5432/zwerm_bench, recreated on each run) and Redis
(BENCH_CACHE_URL, default redis://127.0.0.1:6379/15). Bounded in votes and time; only loopback traffic.
"""

import argparse
import multiprocessing as mp
import os
import statistics
import subprocess
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

from _server import ROOT, VENV_BIN, WebServer, machine, percentile, production_env

CSRF = "b" * 32  # an unmasked CSRF secret; Django accepts the same value as cookie and form field


def environment(db_url: str) -> dict:
    # A shared cache, as production with several web processes has (rate limits, cached sessions).
    return production_env(db_url, ZWERM_CACHE_URL=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15"))


def recreate_database(db_url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(db_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict, residents: int, statements: int) -> tuple[int, list[str], list[int]]:
    """Migrate, then make a municipality, residents with sessions, and a dialogue (in a subprocess)."""
    subprocess.run([VENV_BIN / "zwerm", "migrate", "-v0"], env=env, check=True)
    subprocess.run([VENV_BIN / "zwerm", "collectstatic", "--no-input", "-v0"], env=env, check=True)
    code = f"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from zwerm.accounts import services as accounts
from zwerm.accounts.models import User
from zwerm.core.services import municipality_create
from zwerm.dialogues.services import dialogue_create
from zwerm.places.services import district_save, neighbourhood_save
m = municipality_create(name="Bench", slug="bench", cbs_code="GM0999", hostnames=("127.0.0.1",))
d = district_save(municipality=m, code="WK099901", name="Wijk")
n = neighbourhood_save(municipality=m, district=d, code="BU09990101", name="Buurt")
lead = accounts.staff_user_create(email="lead@bench.example", display_name="Lead", password="een-lang-wachtwoord")
accounts.role_bootstrap_admin(municipality=m, user=lead)
dialogue = dialogue_create(author=lead, municipality=m, title="Bench", question="Vraag?",
                           seed_statements=[f"Stelling nummer {{i}}" for i in range({statements})])
sessions = []
for i in range({residents}):
    u = accounts.resident_register(municipality=m, email=f"r{{i}}@bench.example", display_name=f"R{{i}}",
                                   neighbourhood=n)
    s = SessionStore()
    s[SESSION_KEY] = str(u.pk)
    s[BACKEND_SESSION_KEY] = "sesame.backends.ModelBackend"
    s[HASH_SESSION_KEY] = u.get_session_auth_hash()
    s.create()
    sessions.append(s.session_key)
print(json.dumps([dialogue.pk, sessions, list(dialogue.statements.values_list("pk", flat=True))]))
"""
    out = subprocess.run(
        [VENV_BIN / "zwerm", "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    import json

    dialogue, sessions, statement_ids = json.loads(out.strip().splitlines()[-1])
    return dialogue, sessions, statement_ids


def client(args) -> list[float]:
    port, dialogue, session, statement_ids, votes, deadline = args
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Host": "127.0.0.1",
        "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        "Referer": f"http://127.0.0.1:{port}/",
    }
    latencies = []
    for i in range(votes):
        if time.time() > deadline:
            break
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": CSRF,
                "statement": statement_ids[i % len(statement_ids)],
                "value": ("eens", "oneens", "overslaan")[i % 3],
            }
        )
        started = time.perf_counter()
        conn.request("POST", f"/dialogen/{dialogue}/stemmen", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 302:
            raise SystemExit(f"vote refused: HTTP {response.status}")
    return latencies


WRK_SCRIPT = """
local sessions = {%(sessions)s}
local statements = {%(statements)s}
local values = {"eens", "oneens", "overslaan"}
local n = 0
request = function()
  n = n + 1
  local session = sessions[(n %% #sessions) + 1]
  local body = "csrfmiddlewaretoken=%(csrf)s&statement=" .. statements[(n %% #statements) + 1]
    .. "&value=" .. values[(n %% 3) + 1]
  return wrk.format("POST", "/dialogen/%(dialogue)s/stemmen", {
    ["Host"] = "127.0.0.1", ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = "http://127.0.0.1:%(port)s/", ["Cookie"] = "sessionid=" .. session .. "; csrftoken=%(csrf)s"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("WRK %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status, summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


def run_wrk(port, dialogue, sessions, statement_ids, seconds, connections) -> tuple[int, float, float, float, int]:
    """wrk (C, Debian package `wrk`) as the load generator: it costs the 2 cores far less than Python clients.

    Every response must be the vote's redirect; wrk counts other statuses as errors."""
    script = Path(ROOT / "data" / "bench-votes.lua")
    script.write_text(
        WRK_SCRIPT
        % {
            "sessions": ", ".join(f'"{s}"' for s in sessions),
            "statements": ", ".join(map(str, statement_ids)),
            "csrf": CSRF,
            "dialogue": dialogue,
            "port": port,
        }
    )
    # a long timeout: a slow vote is measured as slow, never dropped from the figures as a "timeout"
    command = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s", "-s", str(script)]
    run = subprocess.run([*command, f"http://127.0.0.1:{port}"], capture_output=True, text=True)
    line = next((x for x in run.stdout.splitlines() if x.startswith("WRK ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no figures:\n{run.stdout}\n{run.stderr}")
    requests, duration_us, p50_us, p95_us, bad_status, socket_errors = map(int, line.split()[1:])
    print(run.stdout.replace(line, "").strip())
    return requests, duration_us / 1e6, p50_us / 1e3, p95_us / 1e3, bad_status + socket_errors


def _cpu_seconds(match) -> dict[int, float]:
    """CPU time (user + system) of every process whose command line `match` accepts, by pid."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not match(cmdline):
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            continue
    return found


def _cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


DEFAULTS = {"granian": (2, 4), "gunicorn": (3, 1)}  # (workers, threads): the best of each on 2 cores here


def votes_forget(db_url: str) -> None:
    """Every server starts from the same table: no votes yet (so each run inserts, none only updates)."""
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("TRUNCATE dialogues_vote")
        conn.execute("VACUUM ANALYZE dialogues_vote")


def measure(server_name, options, env, dialogue, sessions, statement_ids) -> dict:
    """One server under load; the figures of that run."""
    votes_forget(options.db)
    workers, threads = DEFAULTS[server_name]
    workers, threads = options.workers or workers, options.threads or threads
    per_client = options.votes // options.clients
    with WebServer(env, server=server_name, workers=workers, threads=threads) as server:
        database = urllib.parse.urlparse(options.db).path.lstrip("/")
        is_database = lambda cmd: cmd.startswith("postgres:") and f" {database} " in cmd  # noqa: E731
        server_before, database_before = _cpu_seconds(server.owns), _cpu_seconds(is_database)
        deadline = time.time() + options.seconds
        started = time.perf_counter()
        if options.wrk:
            count, elapsed, median, p95, refused = run_wrk(
                server.port, dialogue, sessions, statement_ids, options.wrk, options.clients
            )
            if refused:
                raise SystemExit(f"{refused} votes were refused or failed")
        else:
            with mp.Pool(options.clients) as pool:
                jobs = [(server.port, dialogue, s, statement_ids, per_client, deadline) for s in sessions]
                latencies = sorted(x for r in pool.map(client, jobs) for x in r)
            elapsed = time.perf_counter() - started
            count = len(latencies)
            median, p95 = statistics.median(latencies) * 1000, percentile(latencies, 0.95) * 1000
        server_cpu = _cpu_used(server_before, _cpu_seconds(server.owns))
        database_cpu = _cpu_used(database_before, _cpu_seconds(is_database))
    return {
        "server": f"{server_name} {workers}x{threads}",
        "votes": count,
        "rate": count / elapsed,
        "median": median,
        "p95": p95,
        "web": server_cpu / count * 1000,
        "db": database_cpu / count * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--db", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zwerm_bench")
    )
    parser.add_argument("--votes", type=int, default=6000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--server",
        choices=("granian", "gunicorn", "both"),
        default="granian",
        help="granian = what production runs; both = granian, then gunicorn as the peer",
    )
    parser.add_argument("--workers", type=int, default=0, help="worker processes (default: granian 2, gunicorn 3)")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="threads per worker (default: granian 4; gunicorn 1 = its sync worker, more = gthread)",
    )
    parser.add_argument("--seconds", type=int, default=60, help="stop after this long in any case")
    parser.add_argument(
        "--wrk",
        type=int,
        default=0,
        metavar="SECONDS",
        help="load with wrk for this long (needs the Debian package wrk) instead of Python clients",
    )
    options = parser.parse_args()
    print(f"machine: {machine()}")
    env = environment(options.db)
    recreate_database(options.db)
    dialogue, sessions, statement_ids = prepare(env, options.clients, max(options.votes // options.clients, 1))
    servers = ("granian", "gunicorn") if options.server == "both" else (options.server,)
    rows = [measure(name, options, env, dialogue, sessions, statement_ids) for name in servers]
    load = "wrk" if options.wrk else "Python processes"
    print(f"\n{options.clients} clients ({load}); CPU per vote = web processes + PostgreSQL, load generator excluded")
    print(
        f"{'server':<16}{'votes':>7}{'votes/s':>9}{'median ms':>11}{'p95 ms':>9}{'CPU ms/vote':>13}{'2-core cap':>12}"
    )
    for row in rows:
        per_vote = row["web"] + row["db"]
        print(
            f"{row['server']:<16}{row['votes']:>7}{row['rate']:>9.0f}{row['median']:>11.1f}{row['p95']:>9.1f}"
            f"{row['web']:>7.2f}+{row['db']:.2f}{2000 / per_vote:>10.0f}/s"
        )
    # the capacity column: what 2 cores give if they serve only votes, whatever else runs on the machine
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (other processes on the machine lower votes/s)")
    print("target (issue 3): at least 500 votes/s on 2 cores")


if __name__ == "__main__":
    main()
