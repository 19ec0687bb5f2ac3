"""Load and faults: many residents at once against Granian + PostgreSQL, with a database restart in the middle.

How to run (from the repository root, after scripts/setup; needs the PostgreSQL server binaries under
/usr/lib/postgresql/*/bin, nothing else):

    .venv/bin/python bench/load_faults.py --quick          # about 1 minute in all, 8 residents, 20 s of load
    .venv/bin/python bench/load_faults.py                  # 24 residents, 60 s of load
    .venv/bin/python bench/load_faults.py --clients 40 --seconds 120 --workers 2 --threads 4
    .venv/bin/python bench/load_faults.py --server gunicorn   # the same against gunicorn (pip install -e ".[bench]")
    .venv/bin/python bench/load_faults.py --no-health-checks   # see what ZWERM_DB_CONN_HEALTH_CHECKS buys

What it does:
1. starts its OWN PostgreSQL (initdb into a temporary folder, a free loopback port; as root it runs as the
   `postgres` user), migrates, and fills a municipality with residents (each with a prepared session),
   published initiatives and an open dialogue, through Zwerm's services;
2. starts the web server (Granian, as docs/operations.md runs it) with the production settings
   (ZWERM_ENVIRONMENT=production, persistent database
   connections with health checks, the database task queue);
3. lets every resident, in their own thread, support initiatives, comment (each comment form carries an
   idempotency key; about one in ten is sent twice on purpose, as a double click) and vote in the dialogue.
   A refused write (5xx or no answer) is retried with the same key, with back-off;
4. restarts PostgreSQL (`pg_ctl restart -m fast`) part-way, while a probe asks for a page every 100 ms;
5. checks afterwards, in the database: every acknowledged write (2xx/3xx) is there, no comment exists twice,
   every refused request got an answer (5xx with Zwerm's Dutch error page, or 503) instead of hanging;
6. prints throughput, p50/p95 latency, the errors during the outage and the recovery time, then stops
   the web server and removes its PostgreSQL. Exit status 1 when a check fails.
"""

import argparse
import random
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection, RemoteDisconnected

import psycopg
from _server import LocalPostgres, WebServer, machine, percentile, production_env, run_django, zwerm

CSRF = "c" * 32  # an unmasked CSRF secret: Django accepts the same value as cookie and form field
HOST = "127.0.0.1"
FRIENDLY = ("Er ging bij ons iets mis", "Nog geen gemeente ingesteld")  # the Dutch 500 and 503 pages
RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0, 2.0, 2.0, 2.0)  # about 13 s of retrying at most
VOTE_VALUES = ("eens", "oneens", "overslaan")
VOTE_NUMBERS = {"eens": 1, "oneens": -1, "overslaan": 0}

FIXTURE = """
import json, os
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from zwerm.accounts import services as accounts
from zwerm.core.services import municipality_create
from zwerm.dialogues.services import dialogue_create
from zwerm.initiatives import services as initiatives
from zwerm.places.services import district_save, neighbourhood_save

p = json.loads(os.environ["BENCH_PARAMS"])
m = municipality_create(name="Belastdam", slug="belastdam", cbs_code="GM0998", hostnames=("127.0.0.1",))
d = district_save(municipality=m, code="WK099801", name="Centrum")
n = neighbourhood_save(municipality=m, district=d, code="BU09980101", name="Markt")
admin = accounts.staff_user_create(email="beheer@belastdam.example", display_name="Beheer",
                                   password="een-lang-wachtwoord")
accounts.role_bootstrap_admin(municipality=m, user=admin)
author = accounts.resident_register(municipality=m, email="auteur@belastdam.example", display_name="Auteur",
                                    neighbourhood=n)
published = []
for i in range(p["initiatives"]):
    item = initiatives.initiative_create(author=author, municipality=m, kind="idea", title=f"Idee nummer {i}",
                                         body="Een plan voor de buurt.", neighbourhood=n)
    initiatives.initiative_status_change(initiative=item, actor=admin, to_status="published", reason="Voldoet.")
    published.append(item.pk)
dialogue = dialogue_create(author=admin, municipality=m, title="Het plein", question="Wat vind je van het plein?",
                           moderation="after", seed_statements=[f"Stelling nummer {i}" for i in range(p["statements"])])
residents = []
for i in range(p["residents"]):
    u = accounts.resident_register(municipality=m, email=f"inwoner{i}@belastdam.example", display_name=f"Inwoner {i}",
                                   neighbourhood=n)
    s = SessionStore()
    s[SESSION_KEY] = str(u.pk)
    s[BACKEND_SESSION_KEY] = "sesame.backends.ModelBackend"
    s[HASH_SESSION_KEY] = u.get_session_auth_hash()
    s.create()
    residents.append([u.pk, s.session_key])
statements = list(dialogue.statements.values_list("pk", flat=True))
print(json.dumps({"dialogue": dialogue.pk, "statements": statements, "initiatives": published, "residents": residents}))
"""


@dataclass
class Request:
    started: float  # seconds since the load began
    latency: float
    kind: str
    outcome: int | str  # HTTP status, or "timeout" / "connection"
    friendly: bool | None = None  # for 5xx: Zwerm's own Dutch error page?


@dataclass
class Write:
    kind: str
    target: tuple
    acked: bool = False
    attempts: int = 0
    refused: int = 0


@dataclass
class Shared:
    port: int
    t0: float
    deadline: float
    timeout: float
    requests: list = field(default_factory=list)
    writes: list = field(default_factory=list)
    error_pages: dict = field(default_factory=dict)


class Resident(threading.Thread):
    """One resident with their own session and connection: supports, comments and votes until the deadline."""

    def __init__(self, number: int, user_id: int, session: str, world: dict, shared: Shared):
        super().__init__(daemon=True)
        self.number, self.user_id, self.shared = number, user_id, shared
        self.rng = random.Random(number)
        self.dialogue = world["dialogue"]
        self.to_support = self.rng.sample(world["initiatives"], len(world["initiatives"]))
        self.initiatives = world["initiatives"]
        self.statements = world["statements"]
        self.votes = 0
        self.comments = 0
        self.headers = {
            "Host": HOST,
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}/",
        }
        self.conn = None

    def post(self, kind: str, path: str, fields: dict) -> int | str:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, **fields})
        started = time.perf_counter()
        friendly = None
        try:
            response, content = self.exchange(path, body)
            outcome = response.status
            if outcome >= 500:
                text = content.decode("utf-8", "replace")
                friendly = any(mark in text for mark in FRIENDLY) and 'lang="nl"' in text
                self.shared.error_pages.setdefault((outcome, friendly), text[:300])
        except TimeoutError:
            outcome = "timeout"
        except OSError:  # refused, reset, or the server closed the connection
            outcome = "connection"
        if not isinstance(outcome, int) or response.will_close:
            self.conn.close()
            self.conn = None
        self.shared.requests.append(
            Request(started - self.shared.t0, time.perf_counter() - started, kind, outcome, friendly)
        )
        return outcome

    def exchange(self, path: str, body: str):
        """POST once; a kept-alive connection the server closed while we were idle is reopened, as browsers do."""
        reused = self.conn is not None
        if not reused:
            self.conn = HTTPConnection(HOST, self.shared.port, timeout=self.shared.timeout)
        try:
            self.conn.request("POST", path, body=body, headers=self.headers)
            response = self.conn.getresponse()
        except (ConnectionResetError, BrokenPipeError, RemoteDisconnected):
            if not reused:
                raise
            self.conn.close()
            self.conn = HTTPConnection(HOST, self.shared.port, timeout=self.shared.timeout)
            self.conn.request("POST", path, body=body, headers=self.headers)
            response = self.conn.getresponse()
        return response, response.read()

    def write(self, kind: str, target: tuple, path: str, fields: dict, *, twice: bool = False) -> None:
        """Send one write until it is acknowledged (2xx/3xx), retrying the same form with back-off."""
        record = Write(kind, target)
        self.shared.writes.append(record)
        for delay in (0.0, *RETRY_DELAYS):
            time.sleep(delay)
            record.attempts += 1
            outcome = self.post(kind, path, fields)
            if isinstance(outcome, int) and outcome < 400:
                record.acked = True
                if twice:  # a double click: the same form, the same key, once more
                    self.post(f"{kind}-repeat", path, fields)
                return
            record.refused += 1

    def run(self) -> None:
        while time.perf_counter() < self.shared.deadline:
            roll = self.rng.random()
            if roll < 0.2 and self.to_support:
                initiative = self.to_support.pop()
                self.write("support", (self.user_id, initiative), f"/initiatieven/{initiative}/steunen", {})
            elif roll < 0.45:
                initiative = self.rng.choice(self.initiatives)
                body = f"Reactie {self.number}-{self.comments} op idee {initiative}"
                self.comments += 1
                fields = {"body": body, "idempotency_key": str(uuid.uuid4())}
                twice = self.rng.random() < 0.1
                self.write("comment", (body,), f"/initiatieven/{initiative}/reageren", fields, twice=twice)
            else:
                statement = self.statements[self.votes % len(self.statements)]
                value = VOTE_VALUES[(self.number + statement) % 3]  # one value per resident and statement
                self.votes += 1
                self.write(
                    "vote",
                    (self.user_id, statement, VOTE_NUMBERS[value]),
                    f"/dialogen/{self.dialogue}/stemmen",
                    {"statement": statement, "value": value},
                )


def probe(shared: Shared, samples: list, stop: threading.Event) -> None:
    """Ask for a page that needs the database every 100 ms; note when it works."""
    while not stop.is_set():
        started = time.perf_counter()
        try:
            conn = HTTPConnection(HOST, shared.port, timeout=shared.timeout)
            conn.request("GET", "/initiatieven/", headers={"Host": HOST})
            status = conn.getresponse().status
            conn.close()
        except OSError:
            status = 0
        samples.append((started - shared.t0, status))
        stop.wait(0.1)


def check(db_url: str, writes: list[Write]) -> dict:
    """Compare what the server acknowledged with what the database holds."""
    with psycopg.connect(db_url) as conn:
        supports = set(conn.execute("SELECT resident_id, initiative_id FROM initiatives_support").fetchall())
        comments = Counter(
            row[0] for row in conn.execute("SELECT body FROM initiatives_comment WHERE body LIKE 'Reactie %%'")
        )
        votes = set(
            conn.execute(
                "SELECT p.user_id, v.statement_id, v.value FROM dialogues_vote v "
                "JOIN dialogues_participant p ON p.id = v.participant_id"
            ).fetchall()
        )
        keys = conn.execute("SELECT count(*) FROM core_idempotencykey").fetchone()[0]
    stored = {"support": supports, "vote": votes}
    missing = Counter()
    for write in writes:
        if not write.acked:
            continue
        found = comments[write.target[0]] >= 1 if write.kind == "comment" else write.target in stored[write.kind]
        if not found:
            missing[write.kind] += 1
    return {
        "missing": missing,
        "duplicate_comments": sum(1 for count in comments.values() if count > 1),
        "comments_stored": sum(comments.values()),
        "idempotency_keys": keys,
    }


def summarise(shared: Shared, samples: list, restart: tuple[float, float], elapsed: float, result: dict) -> bool:
    requests = shared.requests
    ok = [r for r in requests if isinstance(r.outcome, int) and r.outcome < 400]
    latencies = [r.latency for r in ok]
    refused = [r for r in requests if r not in ok]
    by_outcome = Counter(r.outcome for r in refused)
    unfriendly = [r for r in refused if isinstance(r.outcome, int) and r.outcome >= 500 and not r.friendly]
    hangs = by_outcome.get("timeout", 0)
    began, pg_back = restart
    failed_probes = [t for t, status in samples if t >= began and status != 200]
    recovered = next((t for t, status in samples if t >= pg_back and status == 200), None)
    errors_after_up = [r for r in refused if r.started >= pg_back]
    writes = shared.writes
    acked = Counter(w.kind for w in writes if w.acked)
    given_up = Counter(w.kind for w in writes if not w.acked)
    retried = sum(1 for w in writes if w.attempts > 1)
    before = [r.latency for r in ok if r.started < began - 1]

    print(
        f"requests: {len(requests)} in {elapsed:.1f} s -> {len(requests) / elapsed:.0f} requests/s "
        f"({len(ok) / elapsed:.0f}/s answered 2xx/3xx)"
    )
    ms = 1000
    print(
        f"latency (2xx/3xx): p50 {percentile(latencies, 0.5) * ms:.0f} ms, p95 {percentile(latencies, 0.95) * ms:.0f}"
        f" ms, max {max(latencies, default=0) * 1000:.0f} ms; before the restart p50 "
        f"{percentile(before, 0.5) * 1000:.0f} ms, p95 {percentile(before, 0.95) * 1000:.0f} ms"
    )
    print(
        f"writes acknowledged: {dict(acked)}; given up after retries: {dict(given_up) or 0}; "
        f"writes that needed a retry: {retried}"
    )
    print(f"PostgreSQL restart: began at {began:.1f} s, pg_ctl returned after {pg_back - began:.2f} s")
    print(
        f"refused requests: {len(refused)} {dict(by_outcome)}; of the 5xx, not Zwerm's Dutch page: {len(unfriendly)};"
        f" hangs (no answer in {shared.timeout:.0f} s): {hangs}; refused after PostgreSQL was back: "
        f"{len(errors_after_up)}"
    )
    if recovered is None:
        print("recovery: the probe page never answered 200 after the restart")
    else:
        first_fail = min(failed_probes, default=None)
        window = f"{recovered - first_fail:.2f} s" if first_fail is not None else "none seen by the probe"
        print(
            f"recovery: probe page 200 again {recovered - pg_back:.2f} s after PostgreSQL was back "
            f"({recovered - began:.2f} s after the restart began); probe outage window {window}"
        )
    for (status, friendly), text in sorted(shared.error_pages.items(), key=str):
        title = text.split("<title>")[1].split("</title>")[0] if "<title>" in text else text[:60]
        print(f"  {status} page ({'Zwerm, Dutch' if friendly else 'NOT the Zwerm page'}): {title!r}")
    repeats = sum(1 for r in requests if r.kind == "comment-repeat")
    print(f"comments: {acked['comment']} acknowledged, {repeats} sent a second time on purpose with the same key")
    print(
        f"database: comments stored {result['comments_stored']}, duplicates {result['duplicate_comments']}, "
        f"idempotency keys {result['idempotency_keys']}; acknowledged but missing: "
        f"{dict(result['missing']) or 'none'}"
    )
    passed = (
        not result["missing"]
        and not result["duplicate_comments"]
        and not unfriendly
        and not hangs
        and recovered is not None
    )
    print("checks:", "PASSED" if passed else "FAILED")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=24, help="residents writing at the same time")
    parser.add_argument("--seconds", type=float, default=60, help="how long the load runs")
    parser.add_argument("--restart-at", type=float, default=0.4, help="when to restart PostgreSQL (share of --seconds)")
    parser.add_argument("--server", choices=("granian", "gunicorn"), default="granian")
    parser.add_argument("--workers", type=int, default=2, help="web server worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--initiatives", type=int, default=30)
    parser.add_argument("--statements", type=int, default=60)
    parser.add_argument("--timeout", type=float, default=15, help="seconds a client waits for an answer")
    parser.add_argument("--no-health-checks", action="store_true", help="ZWERM_DB_CONN_HEALTH_CHECKS=false")
    parser.add_argument("--quick", action="store_true", help="8 residents, 20 s of load")
    options = parser.parse_args()
    if options.quick:
        options.clients, options.seconds, options.initiatives, options.statements = 8, 20, 10, 30
    print(f"machine: {machine()}")

    with LocalPostgres() as pg:
        env = production_env(
            pg.url,
            ZWERM_SUBMISSIONS_PER_HOUR="1000000",  # the rate limit would otherwise refuse a busy resident
            ZWERM_DB_CONN_HEALTH_CHECKS="false" if options.no_health_checks else "true",
        )
        prepared = time.perf_counter()
        zwerm(env, "migrate", "-v0")
        zwerm(env, "collectstatic", "--no-input", "-v0")
        world = run_django(
            env,
            FIXTURE,
            {"residents": options.clients, "initiatives": options.initiatives, "statements": options.statements},
        )
        print(
            f"prepared in {time.perf_counter() - prepared:.0f} s: PostgreSQL on port {pg.port}, "
            f"{options.clients} residents, {options.initiatives} initiatives, {options.statements} statements"
        )
        server = WebServer(
            env, server=options.server, workers=options.workers, threads=options.threads, log=pg.folder / "server.log"
        )
        with server:
            t0 = time.perf_counter()
            shared = Shared(server.port, t0, t0 + options.seconds, options.timeout)
            residents = [
                Resident(n, uid, session, world, shared) for n, (uid, session) in enumerate(world["residents"])
            ]
            samples, stop = [], threading.Event()
            prober = threading.Thread(target=probe, args=(shared, samples, stop), daemon=True)
            prober.start()
            for resident in residents:
                resident.start()
            time.sleep(options.seconds * options.restart_at)
            began = time.perf_counter() - t0
            pg.restart()
            restart = (began, time.perf_counter() - t0)
            for resident in residents:
                resident.join()
            elapsed = time.perf_counter() - t0
            stop.set()
            prober.join()
        print(
            f"{options.server}: {options.workers} workers x {options.threads} threads; clients: {options.clients}; "
            f"load {options.seconds:.0f} s; health checks {'off' if options.no_health_checks else 'on'}"
        )
        result = check(pg.url, shared.writes)
        for error, count in server.logged_errors().most_common():
            print(f"  server log: {count} x {error}")
        passed = summarise(shared, samples, restart, elapsed, result)
    raise SystemExit(0 if passed else 1)


if __name__ == "__main__":
    main()
