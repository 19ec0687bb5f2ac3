"""Every public page at the scale of a large municipality (issue 19): p50/p95/p99 and requests/s at 1 and 16
connections, and the queries each page takes.

How to run (from the repository root, after scripts/setup; PostgreSQL on 127.0.0.1:5432 and Redis on 6379, as
in CI and on the team machine):

    .venv/bin/python bench/pages.py --scale 0.05 --seconds 5      # 5,000 initiatives; a few minutes in all
    .venv/bin/python bench/pages.py                                # the issue's volumes (scale 1): long to fill
    .venv/bin/python bench/pages.py --reuse                        # measure again on the filled database

What it does:
- drops and creates its own database (`--db`, default postgres://postgres@127.0.0.1:5432/zwerm_pages; never the
  project's), migrates it and fills it (bench/_pages_fill.py) with the issue's volumes times --scale: 100,000
  residents, 100,000 initiatives with 300,000 status changes, 1,000,000 supports, 60,000 comments (10,000 on
  one initiative), 200 dialogues with 2,000,000 votes (the largest 8,333 participants; the three largest
  analysed), 500,000 sensing texts (one per initiative and comment, the rest meldingen) and one sensing
  refresh over them (`--no-sensing-refresh` leaves it out: at scale 1 it takes long and GBs), 80 processes
  with the council's kaders, spending and questions (the first with 40 phases and 2,000 updates), and a
  buurtbudget of 100 projects with 100,000 ballots, counted and published. Bulk rows go in with COPY through
  the models' own columns (texts too: text_ingest one by one would take hours); public texts are masked by
  core.redaction; everything small goes through the services.
- the staff pages (sensing dashboard, council dashboard) are asked with a session of the benchmark's admin
  with a verified second factor (made in the database, as a log-in would);
- starts Granian with the production settings (bench/_server.py: ZWERM_ENVIRONMENT=production, Redis cache),
  2 workers, and asks each page for --seconds at 1 connection and at 16 (wrk when installed, else a bounded
  Python client: one thread and one keep-alive connection per virtual visitor, each request waiting for the
  last);
- prints the machine and its load, PostgreSQL's settings, and per page p50/p95/p99 (ms), requests/s and the
  number of queries (counted once through Django's test client on the same database).
"""

import argparse
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import psycopg
from _server import ROOT, WebServer, machine, percentile, production_env, run_django, zwerm

HOST = "127.0.0.1"
FILL = (Path(__file__).parent / "_pages_fill.py").read_text()
SESSION = """
import json, os
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from zwerm.accounts.models import User
user = User.objects.get(email=json.loads(os.environ["BENCH_PARAMS"])["email"])
client = Client()
client.force_login(user)
session = client.session
session["otp_device_id"] = TOTPDevice.objects.filter(user=user, confirmed=True).first().persistent_id
session.save()
print(json.dumps({"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}))
"""
QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
params = json.loads(os.environ["BENCH_PARAMS"])
client, staff, out = Client(), Client(), {}
staff.cookies[params["cookie"]["name"]] = params["cookie"]["value"]
for path in params["paths"]:
    client = staff if path in params["staff"] else Client()
    client.get(path, HTTP_HOST="127.0.0.1")  # warm the per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST="127.0.0.1")
    out[path] = [response.status_code, len(ctx.captured_queries), len(response.content)]
print(json.dumps(out))
"""


def pages(info: dict, cursor_path: str, api_after: str) -> list[tuple[str, str]]:
    deep = max(2, min(500, info["initiatives"] // 12 // 2))
    api_deep = max(2, min(1000, info["initiatives"] // 20 // 2))
    return [
        ("/", "/"),
        ("/initiatieven/", "/initiatieven/"),
        (f"?pagina={deep}", f"/initiatieven/?pagina={deep}"),
        ("?na=… (deep cursor page)", cursor_path),
        ("?district=…", f"/initiatieven/?district={info['district']}"),
        ("?sort=supported", "/initiatieven/?sort=supported"),
        ("?q=speeltuin", "/initiatieven/?q=speeltuin"),
        ("initiative detail", f"/initiatieven/{info['some']}"),
        ("initiative, 10,000 comments", f"/initiatieven/{info['big']}"),
        ("/dialogen/", "/dialogen/"),
        ("dialogue results (largest)", f"/dialogen/{info['largest']}/resultaten"),
        ("dialogue detail (largest)", f"/dialogen/{info['largest']}"),
        ("/signalen/", "/signalen/"),
        ("sensing dashboard (staff)", "/signalen/beheer"),
        ("/trajecten/", "/trajecten/"),
        ("process, long history", f"/trajecten/{info['long_history']}"),
        ("council dashboard (staff)", "/raad/"),
        ("budget result", f"/buurtbudget/{info['budget']}/uitslag"),
        ("/api/v1/initiatives", "/api/v1/initiatives"),
        (f"/api/v1/initiatives?page={api_deep}", f"/api/v1/initiatives?page={api_deep}"),
        ("/api/v1/initiatives?after=… (deep)", api_after),
    ]


STAFF = ("/signalen/beheer", "/raad/")


def measure(port: int, path: str, connections: int, seconds: float, cookie: str = "") -> dict:
    """Bounded closed-loop load: `connections` visitors, each with one keep-alive connection."""
    headers = {"Host": HOST, **({"Cookie": cookie} if cookie else {})}
    if shutil.which("wrk"):
        return wrk(port, path, connections, seconds, cookie)
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def visitor():
        conn = HTTPConnection(HOST, port, timeout=60)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                conn.close()
                conn = HTTPConnection(HOST, port, timeout=60)
                ok = False
            mine.append(time.perf_counter() - started)
            if not ok:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=visitor) for _ in range(connections)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    ms = [v * 1000 for v in latencies]
    return {
        "p50": percentile(ms, 0.5),
        "p95": percentile(ms, 0.95),
        "p99": percentile(ms, 0.99),
        "rps": len(ms) / elapsed,
        "errors": errors[0],
    }


def wrk(port: int, path: str, connections: int, seconds: float, cookie: str = "") -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            str(min(connections, 2)),
            "-c",
            str(connections),
            "-d",
            f"{int(seconds)}s",
            "--latency",
            "-H",
            f"Host: {HOST}",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label):
        for line in out.splitlines():
            if line.strip().startswith(label):
                value = line.split()[1]
                return (
                    float(value[:-2])
                    if value.endswith("ms")
                    else float(value[:-2]) / 1000
                    if value.endswith("us")
                    else float(value[:-1]) * 1000
                )
        return float("nan")

    rps = next((float(line.split()[1]) for line in out.splitlines() if line.startswith("Requests/sec")), 0.0)
    return {"p50": ms("50%"), "p95": ms("90%"), "p99": ms("99%"), "rps": rps, "errors": 0, "note": "p95 is wrk's 90%"}


def pg_settings(url: str) -> str:
    names = (
        "server_version",
        "shared_buffers",
        "work_mem",
        "effective_cache_size",
        "random_page_cost",
        "max_connections",
    )
    with psycopg.connect(url) as conn:
        return ", ".join(f"{name}={conn.execute(f'SHOW {name}').fetchone()[0]}" for name in names)


def recreate(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if name in ("", "postgres", "zwerm") or not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing to drop the database {name!r}: give a database of the benchmark's own")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def follow(port: int, path: str, steps: int, key: str) -> str:
    """A deep cursor page: follow `next` links from `path` `steps` times (web: rel=next; API: the JSON's next)."""
    conn = HTTPConnection(HOST, port, timeout=60)
    for _ in range(steps):
        conn.request("GET", path, headers={"Host": HOST})
        body = conn.getresponse().read().decode()
        if key == "api":
            nxt = json.loads(body).get("next")
            if not nxt:
                break
            parts = urllib.parse.urlsplit(nxt)
            path = f"{parts.path}?{parts.query}"
        else:
            marker = 'rel="next" href="?'
            if marker not in body:
                break
            query = body.split(marker, 1)[1].split('"', 1)[0].replace("&amp;", "&")
            path = "/initiatieven/?" + query
    conn.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="times the issue's volumes (default 1)")
    parser.add_argument("--seconds", type=float, default=10.0, help="per page and concurrency (default 10)")
    parser.add_argument("--db", default="postgres://postgres@127.0.0.1:5432/zwerm_pages")
    parser.add_argument("--reuse", action="store_true", help="measure the database filled by an earlier run")
    parser.add_argument("--concurrency", default="1,16")
    parser.add_argument("--no-sensing-refresh", action="store_true", help="fill the texts, leave out the refresh")
    args = parser.parse_args()

    # The API's rate limit for anonymous clients (120/minute) would answer most of the load with 429.
    env = production_env(args.db, ZWERM_COUNT_CACHE_SECONDS="60", ZWERM_API_ANONYMOUS_RATE="1000000/minute")
    info_file = ROOT / "data" / "bench-pages.json"
    started = time.monotonic()
    if not args.reuse:
        recreate(args.db)
        zwerm(env, "migrate", "--no-input", "-v", "0")
        info = run_django(env, FILL, {"scale": args.scale, "seed": 19, "sensing_refresh": not args.no_sensing_refresh})
        info["scale"] = args.scale
        info_file.parent.mkdir(exist_ok=True)
        info_file.write_text(json.dumps(info))
        print(f"filled in {time.monotonic() - started:.0f} s: {json.dumps(info)[:300]}", flush=True)
    else:
        info = json.loads(info_file.read_text())
    zwerm(env, "collectstatic", "--no-input", "-v", "0")

    levels = [int(c) for c in args.concurrency.split(",")]
    with WebServer(env, workers=2, threads=8) as server:
        deep_web = follow(server.port, f"/initiatieven/?pagina={max(2, min(500, info['initiatives'] // 24))}", 8, "web")
        deep_api = follow(
            server.port, f"/api/v1/initiatives?page={max(2, min(1000, info['initiatives'] // 40))}", 8, "api"
        )
        table = pages(info, deep_web, deep_api)
        session = run_django(env, SESSION, {"email": info["staff"]})
        cookie = f"{session['name']}={session['value']}"
        queries = run_django(
            env, QUERIES, {"paths": [path for _, path in table], "staff": list(STAFF), "cookie": session}
        )
        print(f"\nmachine: {machine()}")
        print(f"PostgreSQL: {pg_settings(args.db)}")
        print(
            f"data: scale {info['scale']}: {info['initiatives']:,} initiatives, {info['supports']:,} supports, "
            f"{info['comments']:,} comments, {len(info['dialogues'])} dialogues with {info['votes']:,} votes, "
            f"{info['texts']:,} sensing texts (refresh {info['refresh']}), {info['processes']} processes "
            f"({info['updates']:,} updates on one), {info['ballots']:,} ballots; "
            f"{args.seconds:g} s per page and level; client: {'wrk' if shutil.which('wrk') else 'Python threads'}"
        )
        head = "| page | " + " | ".join(f"p50 @{c} | p95 @{c} | p99 @{c} | req/s @{c}" for c in levels)
        print("\n" + head + " | queries | status | KB |")
        print("|---" * (2 + 4 * len(levels) + 2) + "|")
        for label, path in table:
            cells = []
            for c in levels:
                r = measure(server.port, path, c, args.seconds, cookie if path in STAFF else "")
                err = f" ({r['errors']} not 200)" if r["errors"] else ""
                cells.append(f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['rps']:.1f}{err}")
            status, count, size = queries[path]
            print(f"| {label} | " + " | ".join(cells) + f" | {count} | {status} | {size / 1024:.0f} |", flush=True)
        print(f"\nafter: {machine()}")


if __name__ == "__main__":
    sys.exit(main())
