"""Scale-out on one machine: 3 web nodes and 2 workers behind HAProxy, a web node and a worker killed, PostgreSQL
restarted, under a bounded mixed load; then checks that nothing was lost, doubled or left hanging.

How to run (from the repository root, after scripts/setup; needs the PostgreSQL server binaries under
/usr/lib/postgresql/*/bin and Debian's `haproxy` and `redis-server`: `scripts/setup-system --bench`):

    .venv/bin/python bench/cluster.py --quick        # about 2 minutes in all: 8 residents, 40 s of load
    .venv/bin/python bench/cluster.py                # 24 residents, 90 s of load
    .venv/bin/python bench/cluster.py --clients 40 --seconds 180
    BENCH_KEEP=1 .venv/bin/python bench/cluster.py --quick   # keep the folder with every part's log

What it starts, every part on 127.0.0.1 and a free port, every part stopped at the end:
- its own PostgreSQL (initdb in a temporary folder) and its own Redis (no persistence): the shared cache;
- 3 web nodes: Granian with the production settings (ZWERM_ENVIRONMENT=production, Redis, the database task
  queue, JSON logs), each its own process group, so that killing one kills the node with its workers;
- 2 workers (`zwerm db_worker`), each its own process group;
- HAProxy (Debian's package) in front of the web nodes: round robin, health checks on /gezondheid/klaar,
  a retry on another node when a connection fails or a node dies before answering, the serving node's name
  in `X-Zwerm-Node`.

The load, for --seconds: residents (each their own session and connection) vote in a dialogue, support
initiatives, comment (every comment form with an idempotency key; one in ten sent twice on purpose),
bring in initiatives (with a key too) and read pages; a process lead asks for a sensing refresh every few
seconds (a queued task). A refused write (5xx or no answer) is retried with the same form and key.
Residents also log in with the e-mailed link through the load balancer, and the node that made each session
is noted. At 30 % of the time one web node gets SIGKILL, at 45 % one worker, at 65 % PostgreSQL restarts; the
killed node and worker start again --restart-after seconds later, as their Kubernetes Deployment would.

Afterwards: tasks a killed worker held are put back (`zwerm tasks_requeue_orphans`), the surviving worker
empties the queue, and it checks and prints: every acknowledged write is in the database, nothing is stored
twice, every session the killed node made still works, every queued task finished exactly once in effect
(nothing left queued, running or failed; every comment and initiative reached sensing once), no request hung,
and how long until the cluster served again after each fault. Exit status 1 when a check fails.
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection, RemoteDisconnected
from pathlib import Path

import psycopg
from _server import (
    ROOT,
    VENV_BIN,
    LocalPostgres,
    free_port,
    machine,
    percentile,
    production_env,
    run_django,
    zwerm,
)

CSRF = "c" * 32  # an unmasked CSRF secret: Django accepts the same value as cookie and form field
HOST = "127.0.0.1"
RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0, 2.0, 2.0, 2.0)
VOTES = {"eens": 1, "oneens": -1, "overslaan": 0}

FIXTURE = """
import json, os
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django_otp.plugins.otp_totp.models import TOTPDevice
from zwerm.accounts import services as accounts
from zwerm.accounts.roles import Role
from zwerm.core.services import municipality_create
from zwerm.dialogues.services import dialogue_create
from zwerm.initiatives import services as initiatives
from zwerm.places.services import district_save, neighbourhood_save

p = json.loads(os.environ["BENCH_PARAMS"])
m = municipality_create(name="Clusterdam", slug="clusterdam", cbs_code="GM0997", hostnames=("127.0.0.1",))
d = district_save(municipality=m, code="WK099701", name="Centrum")
n = neighbourhood_save(municipality=m, district=d, code="BU09970101", name="Markt")
admin = accounts.staff_user_create(email="beheer@clusterdam.example", display_name="Beheer",
                                   password="een-lang-wachtwoord")
accounts.role_bootstrap_admin(municipality=m, user=admin)
device = TOTPDevice.objects.create(user=admin, name="bench", confirmed=True)
author = accounts.resident_register(municipality=m, email="auteur@clusterdam.example", display_name="Auteur",
                                    neighbourhood=n)
published = []
for i in range(p["initiatives"]):
    item = initiatives.initiative_create(author=author, municipality=m, kind="idea", title=f"Idee nummer {i}",
                                         body="Een plan voor de buurt.", neighbourhood=n)
    initiatives.initiative_status_change(initiative=item, actor=admin, to_status="published", reason="Voldoet.")
    published.append(item.pk)
dialogue = dialogue_create(author=admin, municipality=m, title="Het plein", question="Wat vind je van het plein?",
                           moderation="after", seed_statements=[f"Stelling nummer {i}" for i in range(p["statements"])])

def session_for(user, **extra):
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "sesame.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.update(extra)
    s.create()
    return s.session_key

residents = []
for i in range(p["residents"]):
    u = accounts.resident_register(municipality=m, email=f"inwoner{i}@clusterdam.example", display_name=f"Inwoner {i}",
                                   neighbourhood=n)
    residents.append([u.pk, session_for(u)])
for i in range(p["logins"]):
    accounts.resident_register(municipality=m, email=f"login{i}@clusterdam.example", display_name=f"Login {i}",
                               neighbourhood=n)
staff = session_for(admin, otp_device_id=device.persistent_id)
statements = list(dialogue.statements.values_list("pk", flat=True))
print(json.dumps({"dialogue": dialogue.pk, "statements": statements, "initiatives": published,
                  "residents": residents, "staff": staff, "neighbourhood": n.pk}))
"""


class Group:
    """A process in a process group of its own, so that SIGKILL takes the whole node (a master and its workers)."""

    def __init__(self, name: str, command: list, env: dict, log: Path):
        self.name, self.command, self.env, self.log = name, command, env, log
        self.process = None

    def start(self) -> None:
        handle = open(self.log, "a")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=ROOT, stdout=handle, stderr=handle, start_new_session=True
        )
        handle.close()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not come up within {seconds:.0f} s")


def answers(port: int, path: str = "/gezondheid/live") -> bool:
    conn = HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", path, headers={"Host": HOST})
    return conn.getresponse().status == 200


HAPROXY = """global
    maxconn 4000
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 30s
    timeout queue 10s
    timeout http-keep-alive 10s
    timeout check 5s
    retries 3
    option redispatch
    option http-buffer-request
    retry-on conn-failure empty-response response-timeout
frontend zwerm
    bind 127.0.0.1:{port}
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /gezondheid/klaar
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Zwerm-Node %s
{servers}
"""


@dataclass
class Request:
    started: float
    latency: float
    kind: str
    outcome: int | str
    node: str = ""


@dataclass
class Write:
    kind: str
    target: tuple
    acked: bool = False
    attempts: int = 0


@dataclass
class Shared:
    port: int
    t0: float
    deadline: float
    timeout: float
    requests: list = field(default_factory=list)
    writes: list = field(default_factory=list)


class Client:
    """One browser: a cookie jar of one session and a kept-alive connection to the load balancer."""

    def __init__(self, shared: Shared, session: str = ""):
        self.shared, self.session, self.conn = shared, session, None

    def headers(self, form: bool) -> dict:
        cookie = f"csrftoken={CSRF}" + (f"; sessionid={self.session}" if self.session else "")
        headers = {"Host": HOST, "Cookie": cookie, "Referer": f"http://{HOST}/"}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers

    def call(self, kind: str, method: str, path: str, fields: dict | None = None):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, **fields}) if fields is not None else None
        started = time.perf_counter()
        response, content, node = None, b"", ""
        for attempt in (1, 2):  # a kept-alive connection closed while idle is reopened once, as browsers do
            reused = self.conn is not None
            if not reused:
                self.conn = HTTPConnection(HOST, self.shared.port, timeout=self.shared.timeout)
            try:
                self.conn.request(method, path, body=body, headers=self.headers(body is not None))
                response = self.conn.getresponse()
                content = response.read()
                node = response.getheader("X-Zwerm-Node", "")
                outcome = response.status
                break
            except TimeoutError:
                outcome = "timeout"
                self.conn.close()
                self.conn = None
                break
            except (ConnectionResetError, BrokenPipeError, RemoteDisconnected, OSError):
                outcome = "connection"
                self.conn.close()
                self.conn = None
                if not reused or attempt == 2:
                    break
        if response is not None and response.will_close and self.conn:
            self.conn.close()
            self.conn = None
        self.shared.requests.append(
            Request(started - self.shared.t0, time.perf_counter() - started, kind, outcome, node)
        )
        return outcome, response, content

    def write(self, kind: str, target: tuple, path: str, fields: dict, *, twice: bool = False) -> None:
        record = Write(kind, target)
        self.shared.writes.append(record)
        for delay in (0.0, *RETRY_DELAYS):
            time.sleep(delay)
            record.attempts += 1
            outcome, _, _ = self.call(kind, "POST", path, fields)
            if isinstance(outcome, int) and outcome < 400:
                record.acked = True
                if twice:
                    self.call(f"{kind}-repeat", "POST", path, fields)
                return


class Resident(threading.Thread):
    def __init__(self, number: int, user_id: int, session: str, world: dict, shared: Shared):
        super().__init__(daemon=True)
        self.number, self.user_id, self.world, self.shared = number, user_id, world, shared
        self.client = Client(shared, session)
        self.rng = random.Random(number)
        self.to_support = self.rng.sample(world["initiatives"], len(world["initiatives"]))
        self.votes = self.comments = self.ideas = 0

    def run(self) -> None:
        w = self.world
        while time.perf_counter() < self.shared.deadline:
            roll = self.rng.random()
            if roll < 0.15 and self.to_support:
                initiative = self.to_support.pop()
                self.client.write("support", (self.user_id, initiative), f"/initiatieven/{initiative}/steunen", {})
            elif roll < 0.3:
                initiative = self.rng.choice(w["initiatives"])
                body = f"Reactie {self.number}-{self.comments} op idee {initiative}"
                self.comments += 1
                fields = {"body": body, "idempotency_key": str(uuid.uuid4())}
                twice = self.rng.random() < 0.1
                self.client.write("comment", (body,), f"/initiatieven/{initiative}/reageren", fields, twice=twice)
            elif roll < 0.36:
                title = f"Plan {self.number}-{self.ideas} voor de Markt"
                self.ideas += 1
                fields = {
                    "kind": "idea",
                    "title": title,
                    "body": "Meer bankjes en schaduw op het plein, zodat ouderen er kunnen rusten.",
                    "neighbourhood": w["neighbourhood"],
                    "location_description": "",
                    "idempotency_key": str(uuid.uuid4()),
                }
                self.client.write("initiative", (title,), "/initiatieven/nieuw", fields)
            elif roll < 0.7:
                statement = w["statements"][self.votes % len(w["statements"])]
                value = list(VOTES)[(self.number + statement) % 3]
                self.votes += 1
                self.client.write(
                    "vote",
                    (self.user_id, statement, VOTES[value]),
                    f"/dialogen/{w['dialogue']}/stemmen",
                    {"statement": statement, "value": value},
                )
            else:
                page = self.rng.choice(
                    [
                        "/",
                        "/initiatieven/",
                        f"/initiatieven/{self.rng.choice(w['initiatives'])}",
                        f"/dialogen/{w['dialogue']}",
                    ]
                )
                self.client.call("read", "GET", page)


class Staff(threading.Thread):
    """A process lead asking for a sensing refresh now and then (a task for the workers)."""

    def __init__(self, session: str, shared: Shared, every: float):
        super().__init__(daemon=True)
        self.client, self.shared, self.every, self.acked = Client(shared, session), shared, every, 0

    def run(self) -> None:
        while time.perf_counter() < self.shared.deadline:
            outcome, _, _ = self.client.call("refresh", "POST", "/signalen/beheer/verversen", {})
            self.acked += isinstance(outcome, int) and outcome < 400
            time.sleep(self.every)


def log_in_with_the_link(shared: Shared, email: str, mail_dir: Path) -> tuple[str, str]:
    """The e-mailed link through the load balancer; returns the session and the node that made it."""
    client = Client(shared)
    outcome, _, _ = client.call("login-request", "POST", "/account/inloggen", {"email": email})
    assert outcome == 302, f"log-in link request answered {outcome}"
    deadline = time.monotonic() + 10
    link = None
    while link is None and time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.log"), key=os.path.getmtime, reverse=True):
            text = path.read_text(errors="replace").replace("=\n", "")
            if f"To: {email}" in text:
                found = re.search(r"https?://[^/\s]+(/account/inloggen/link\?\S+)", text)
                link = found and found.group(1).replace("=3D", "=")
                break
        time.sleep(0.1)
    assert link, f"no log-in mail for {email}"
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query))
    outcome, response, _ = client.call(
        "login-link", "POST", "/account/inloggen/link?" + urllib.parse.urlencode(query), {}
    )
    cookie = response.getheader("Set-Cookie", "") if response else ""
    session = re.search(r"sessionid=([^;]+)", cookie)
    assert outcome == 302 and session, f"log-in by link answered {outcome}"
    return session.group(1), response.getheader("X-Zwerm-Node", "")


def still_logged_in(shared: Shared, session: str) -> bool:
    outcome, _, content = Client(shared, session).call("session-check", "GET", "/account/profiel")
    return outcome == 200 and b"Uitloggen" in content


def probe(shared: Shared, samples: list, stop: threading.Event) -> None:
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


def check_database(db_url: str, writes: list) -> dict:
    with psycopg.connect(db_url) as conn:
        supports = set(conn.execute("SELECT resident_id, initiative_id FROM initiatives_support").fetchall())
        votes = set(
            conn.execute(
                "SELECT p.user_id, v.statement_id, v.value FROM dialogues_vote v "
                "JOIN dialogues_participant p ON p.id = v.participant_id"
            ).fetchall()
        )
        comments = Counter(
            r[0] for r in conn.execute("SELECT body FROM initiatives_comment WHERE body LIKE 'Reactie %%'")
        )
        ideas = Counter(
            r[0] for r in conn.execute("SELECT title FROM initiatives_initiative WHERE title LIKE 'Plan %%'")
        )
        tasks = dict(conn.execute("SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"))
        not_ingested = conn.execute(
            "SELECT "
            "(SELECT count(*) FROM initiatives_comment c WHERE NOT EXISTS (SELECT 1 FROM sensing_text t "
            "  WHERE t.channel = 'comment' AND t.source_id = c.id::text)), "
            "(SELECT count(*) FROM initiatives_initiative i WHERE NOT EXISTS (SELECT 1 FROM sensing_text t "
            "  WHERE t.channel = 'initiative' AND t.source_id = i.id::text))"
        ).fetchone()
        texts_twice = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM sensing_text GROUP BY municipality_id, channel, source_id "
            "HAVING count(*) > 1) x"
        ).fetchone()[0]
    stored = {"support": supports, "vote": votes}
    missing = Counter()
    for write in writes:
        if not write.acked:
            continue
        if write.kind == "comment":
            found = comments[write.target[0]] >= 1
        elif write.kind == "initiative":
            found = ideas[write.target[0]] >= 1
        else:
            found = write.target in stored[write.kind]
        missing[write.kind] += not found
    return {
        "missing": {k: v for k, v in missing.items() if v},
        "duplicates": sum(c > 1 for c in comments.values()) + sum(c > 1 for c in ideas.values()),
        "tasks": tasks,
        "not_ingested": not_ingested,
        "texts_twice": texts_twice,
    }


def recovery(samples: list, after: float) -> tuple[float | None, int]:
    """Seconds from `after` until the probe page answered 200 again after its first failure (0: never failed)."""
    later = [(t, s) for t, s in samples if t >= after]
    first_fail = next((t for t, s in later if s != 200), None)
    if first_fail is None:
        return 0.0, 0
    back = next((t for t, s in later if t > first_fail and s == 200), None)
    failures = sum(1 for t, s in later if s != 200 and (back is None or t < back))
    return (back - after if back is not None else None), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--threads", type=int, default=4, help="threads per web node (one Granian worker each)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds a client waits before it calls it a hang")
    parser.add_argument("--quick", action="store_true", help="8 residents, 40 s of load")
    parser.add_argument(
        "--restart-after", type=float, default=10, help="seconds before a killed node or worker starts again"
    )
    parser.add_argument("--drain", type=float, default=900, help="seconds the workers get to empty the queue")
    options = parser.parse_args()
    if options.quick:
        options.clients, options.seconds = 8, 40
    for tool in ("haproxy", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: scripts/setup-system --bench installs it (Debian's package)")
    print(f"machine: {machine()}")
    folder = Path(tempfile.mkdtemp(prefix="zwerm-cluster-"))
    parts: list[Group] = []
    with LocalPostgres() as pg:
        try:
            redis_port = free_port()
            redis = Group(
                "redis",
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                dict(os.environ),
                folder / "redis.log",
            )
            redis.start()
            parts.append(redis)
            mail_dir = folder / "mail"
            mail_dir.mkdir()
            env = production_env(
                pg.url,
                ZWERM_CACHE_URL=f"redis://127.0.0.1:{redis_port}/0",
                ZWERM_LOG_FORMAT="json",
                ZWERM_LOG_LEVEL="WARNING",
                ZWERM_SUBMISSIONS_PER_HOUR="1000000",
                ZWERM_LOGIN_LINKS_PER_HOUR="1000000",
                ZWERM_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                ZWERM_EMAIL_FILE_PATH=str(mail_dir),
            )
            prepared = time.perf_counter()
            zwerm(env, "migrate", "-v0")
            zwerm(env, "collectstatic", "--no-input", "-v0")
            logins = max(6, options.clients // 2)
            world = run_django(
                env,
                FIXTURE,
                {"residents": options.clients, "initiatives": 20, "statements": 60, "logins": logins},
            )
            nodes = []
            for i in (1, 2, 3):
                port = free_port()
                metrics = folder / f"metrics-web{i}"
                metrics.mkdir()
                command = [str(VENV_BIN / "granian"), "--interface", "wsgi", "zwerm.wsgi:application"]
                command += ["--host", HOST, "--port", str(port), "--workers", "1"]
                command += ["--blocking-threads", str(options.threads), "--no-access-log", "--log-level", "warning"]
                node = Group(
                    f"web{i}", command, {**env, "PROMETHEUS_MULTIPROC_DIR": str(metrics)}, folder / f"web{i}.log"
                )
                node.port = port
                node.start()
                nodes.append(node)
                parts.append(node)
            workers = []
            for i in (1, 2):
                command = [
                    str(VENV_BIN / "zwerm"),
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--interval",
                    "0.5",
                    "--no-reload",
                ]
                worker = Group(f"worker{i}", command, env, folder / f"worker{i}.log")
                worker.start()
                workers.append(worker)
                parts.append(worker)
            for node in nodes:
                wait_until(lambda node=node: answers(node.port), 120, node.name)
            lb_port = free_port()
            servers = "\n".join(f"    server {n.name} {HOST}:{n.port} check" for n in nodes)
            (folder / "haproxy.cfg").write_text(HAPROXY.format(port=lb_port, servers=servers))
            haproxy = Group(
                "haproxy", ["haproxy", "-db", "-f", str(folder / "haproxy.cfg")], env, folder / "haproxy.log"
            )
            haproxy.start()
            parts.append(haproxy)
            wait_until(lambda: answers(lb_port), 60, "haproxy")
            time.sleep(1.5)  # every node passes its first health checks
            print(
                f"prepared in {time.perf_counter() - prepared:.0f} s: PostgreSQL :{pg.port}, Redis :{redis_port}, "
                f"web nodes :{', :'.join(str(n.port) for n in nodes)} (1 Granian worker x {options.threads} "
                f"threads each), 2 workers, HAProxy :{lb_port}; {options.clients} residents, "
                f"load {options.seconds:.0f} s"
            )

            t0 = time.perf_counter()
            shared = Shared(lb_port, t0, t0 + options.seconds, options.timeout)
            sessions = [log_in_with_the_link(shared, f"login{i}@clusterdam.example", mail_dir) for i in range(logins)]
            # The load and its faults are timed from here, after the log-ins.
            shared.t0 = t0 = time.perf_counter()
            shared.deadline = t0 + options.seconds
            made_by = Counter(node for _, node in sessions)
            victim = next(n for n in nodes if n.name == made_by.most_common(1)[0][0])
            threads = [Resident(i, uid, s, world, shared) for i, (uid, s) in enumerate(world["residents"])]
            staff = Staff(world["staff"], shared, every=max(5.0, options.seconds / 4))
            samples, stop = [], threading.Event()
            prober = threading.Thread(target=probe, args=(shared, samples, stop), daemon=True)
            prober.start()
            for thread in (*threads, staff):
                thread.start()
            events = {}
            # Kubernetes starts a killed pod again (its Deployment): so does this, `--restart-after` seconds later.
            timeline = sorted(
                [
                    (0.30 * options.seconds, "web"),
                    (0.30 * options.seconds + options.restart_after, "web-restart"),
                    (0.45 * options.seconds, "worker"),
                    (0.45 * options.seconds + options.restart_after, "worker-restart"),
                    (0.65 * options.seconds, "postgres"),
                ]
            )
            for at, what in timeline:
                time.sleep(max(0.0, t0 + at - time.perf_counter()))
                events[what] = time.perf_counter() - t0
                if what == "web":
                    victim.kill()
                elif what == "web-restart":
                    victim.start()
                elif what == "worker":
                    workers[0].kill()
                elif what == "worker-restart":
                    workers[0].start()
                else:
                    pg.restart()
                    events["postgres_back"] = time.perf_counter() - t0
            for thread in (*threads, staff):
                thread.join()
            elapsed = time.perf_counter() - t0
            survived = [still_logged_in(shared, s) for s, node in sessions if node == victim.name]
            stop.set()
            prober.join()

            # Tasks the killed worker held go back to the queue; the surviving worker empties it.
            requeue = subprocess.run(
                [VENV_BIN / "zwerm", "tasks_requeue_orphans", "--grace-seconds", "0"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            drained_at = time.perf_counter()
            while time.perf_counter() - drained_at < options.drain:
                with psycopg.connect(pg.url) as conn:
                    left = conn.execute(
                        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
                    ).fetchone()[0]
                if not left:
                    break
                time.sleep(1)
            drain_seconds = time.perf_counter() - drained_at
            result = check_database(pg.url, shared.writes)
        finally:
            for part in reversed(parts):
                part.stop()
            if os.environ.get("BENCH_KEEP") is None:
                shutil.rmtree(folder, ignore_errors=True)
        passed = report(
            shared, samples, events, elapsed, result, sessions, victim, survived, requeue, drain_seconds, staff
        )
    raise SystemExit(0 if passed else 1)


def report(shared, samples, events, elapsed, result, sessions, victim, survived, requeue, drain_seconds, staff) -> bool:
    requests = shared.requests
    ok = [r for r in requests if isinstance(r.outcome, int) and r.outcome < 400]
    refused = [r for r in requests if r not in ok]
    hangs = sum(1 for r in requests if r.outcome == "timeout")
    latencies = [r.latency for r in ok]
    writes = shared.writes
    acked = Counter(w.kind for w in writes if w.acked)
    given_up = Counter(w.kind for w in writes if not w.acked)
    per_node = Counter(r.node for r in ok if r.node)
    ms = 1000
    print(
        f"requests: {len(requests)} in {elapsed:.1f} s -> {len(requests) / elapsed:.0f}/s "
        f"({len(ok) / elapsed:.0f}/s 2xx/3xx)"
    )
    print(
        f"latency (2xx/3xx): p50 {percentile(latencies, 0.5) * ms:.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * ms:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * ms:.0f} ms, max {max(latencies, default=0) * ms:.0f} ms"
    )
    print(f"served per node: {dict(sorted(per_node.items()))}")
    print(
        f"writes acknowledged: {dict(acked)}; given up after retries: {dict(given_up) or 0}; "
        f"sensing refreshes asked: {staff.acked}"
    )
    print(
        f"refused answers: {len(refused)} {dict(Counter(r.outcome for r in refused))}; "
        f"hangs (no answer in {shared.timeout:.0f} s): {hangs}"
    )
    for what, label in (
        ("web", f"SIGKILL web node {victim.name}"),
        ("worker", "SIGKILL worker1"),
        ("postgres", "PostgreSQL restart"),
    ):
        at = events[what]
        back, failures = recovery(samples, at)
        window = [r for r in refused if at <= r.started < at + 15]
        served = "never served again" if back is None else f"probe page 200 again {back:.2f} s after"
        print(
            f"{label} at {at:.1f} s: {served}; probe failures {failures}; "
            f"refused requests in the next 15 s: {len(window)}"
        )
    print(f"PostgreSQL restart: pg_ctl returned after {events['postgres_back'] - events['postgres']:.2f} s")
    print(
        f"sessions: {len(sessions)} made through the load balancer by {dict(Counter(n for _, n in sessions))}; "
        f"after {victim.name} died, {sum(survived)} of its {len(survived)} still logged in"
    )
    print(f"tasks: {requeue}; queue empty {drain_seconds:.1f} s after the load; by status {result['tasks']}")
    print(
        f"database: acknowledged but missing {result['missing'] or 'none'}; stored twice {result['duplicates']}; "
        f"comments/initiatives never reached sensing {result['not_ingested']}; "
        f"sensing texts twice {result['texts_twice']}"
    )
    checks = {
        "every acknowledged write stored": not result["missing"],
        "nothing stored twice": result["duplicates"] == 0 and result["texts_twice"] == 0,
        "sessions survive their node": bool(survived) and all(survived),
        "every task ran (none queued, running or failed)": set(result["tasks"]) <= {"SUCCESSFUL"},
        "every text reached sensing once": result["not_ingested"] == (0, 0),
        "no request hung": hangs == 0,
        "served again after each fault": all(
            recovery(samples, events[w])[0] is not None for w in ("web", "worker", "postgres")
        ),
    }
    for name, ok_ in checks.items():
        print(f"  {'ok  ' if ok_ else 'FAIL'} {name}")
    passed = all(checks.values())
    print("checks:", "PASSED" if passed else "FAILED")
    return passed


if __name__ == "__main__":
    main()
