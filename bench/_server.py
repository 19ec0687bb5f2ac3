"""What the HTTP benchmarks share: the production environment, a private PostgreSQL, the web server, Django scripts.

Only loopback addresses and free ports; every process started here is stopped here.
"""

import glob
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
EXCEPTION = re.compile(r"^[\w.]+(?:Error|Exception): .*$", re.MULTILINE)


def machine() -> str:
    load = ", load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}{load}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(db_url: str, **extra: str) -> dict:
    """The production settings on loopback: no TLS (so no secure cookies or redirect), a database task queue, Redis."""
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "zwerm.conf.settings",
        "ZWERM_ENVIRONMENT": "production",
        "ZWERM_SECRET_KEY": "bench-" + "k" * 60,
        "ZWERM_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ZWERM_SSL_REDIRECT": "false",
        "ZWERM_SECURE_COOKIES": "false",
        "ZWERM_TASKS_BACKEND": "database",
        # Production refuses several web processes without a shared cache: the machine's Redis, a database of its own.
        "ZWERM_CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15"),
        "ZWERM_DB_CONN_MAX_AGE": "60",
        "ZWERM_LOG_LEVEL": "WARNING",
        "ZWERM_STATIC_ROOT": str(ROOT / "data" / "bench-static"),
        **extra,
    }


def zwerm(env: dict, *args: str) -> None:
    subprocess.run([VENV_BIN / "zwerm", *args], env=env, check=True, cwd=ROOT)


def run_django(env: dict, code: str, params: dict):
    """Run `code` in a Django shell with `params` (JSON in BENCH_PARAMS); it prints its answer as the last line."""
    done = subprocess.run(
        [VENV_BIN / "zwerm", "shell", "-c", code],
        env={**env, "BENCH_PARAMS": json.dumps(params)},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])  # the child's traceback, not the whole script
        raise SystemExit(f"the Django shell stopped with status {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class LocalPostgres:
    """A throw-away PostgreSQL cluster in a temporary folder, on a free loopback port.

    Never touches the machine's shared PostgreSQL. As root, the server runs as the `postgres` user
    (initdb refuses root)."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins:
            raise SystemExit("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin")
        self.bin = Path(bins[-1])
        self.folder = Path(tempfile.mkdtemp(prefix="zwerm-bench-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/zwerm"

    def _run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *args], check=True, **kwargs)

    def start(self) -> None:
        quiet = {"stdout": subprocess.DEVNULL}
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            **quiet,
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
            **quiet,
        )
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "zwerm")

    def restart(self) -> None:
        """Stop fast (open transactions are rolled back, clients disconnected) and start again; waits."""
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "restart", stdout=subprocess.DEVNULL
        )

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()


def server_command(server: str, port: int, *, workers: int, threads: int) -> list:
    """How to start `server` on 127.0.0.1:`port`: Granian (what docs/operations.md runs) or gunicorn (a peer).

    gunicorn is not a dependency of Zwerm: `pip install -e ".[bench]"` brings it for the comparison."""
    if server == "granian":
        return [
            VENV_BIN / "granian",
            "--interface",
            "wsgi",
            "zwerm.wsgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
    if not (VENV_BIN / "gunicorn").exists():
        raise SystemExit('gunicorn is the peer here and is not installed: pip install -e ".[bench]"')
    worker = ["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []
    return [
        VENV_BIN / "gunicorn",
        "zwerm.wsgi:application",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        *worker,
        "--access-logfile",
        "/dev/null",
        "--log-level",
        "warning",
    ]


class WebServer:
    """zwerm.wsgi served on a free loopback port (Granian unless told otherwise); ready once it answers."""

    def __init__(
        self, env: dict, *, server: str = "granian", workers: int = 2, threads: int = 4, log: Path | None = None
    ):
        self.port = free_port()
        self.env = env
        self.server = server
        self.command = server_command(server, self.port, workers=workers, threads=threads)
        self.log = log

    def __enter__(self):
        self.log_file = open(self.log, "w") if self.log else None  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(self.command, env=self.env, cwd=ROOT, stderr=self.log_file)
        for _ in range(300):
            try:
                conn = HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/static/", headers={"Host": "127.0.0.1"})
                conn.getresponse().read()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"{self.server} did not start")

    def owns(self, cmdline: str) -> bool:
        """Whether a process command line is this server's (its workers repeat the master's command line)."""
        return self.server in cmdline and str(self.port) in cmdline

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        if self.log_file:
            self.log_file.close()

    def logged_errors(self) -> Counter:
        """Every request Django logged as failed, counted by the exception it ended with."""
        if not self.log or not self.log.exists():
            return Counter()
        blocks = self.log.read_text(errors="replace").split("Internal Server Error:")[1:]
        last = (EXCEPTION.findall(block) for block in blocks)
        return Counter(found[-1][:110] for found in last if found)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1)))] if ordered else float("nan")
