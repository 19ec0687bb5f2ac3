"""A real ClamAV daemon for the tests: its own configuration, socket and signature database in a temporary
folder, so it needs no network (no freshclam) and finds only a made-up pattern. Skips when clamd is absent
(scripts/setup-system installs Debian's clamav-daemon when it runs as root)."""

import io
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Not a real virus, and not EICAR either (a checkout with EICAR in it would alarm the scanners of developers'
# machines): a pattern only the test's own signature database knows.
TEST_PATTERN = b"ZWERM-TEST-VIRUS-7c1f-niet-echt"
SIGNATURE = "Zwerm.Test.Pattern"


def png_bytes(extra: bytes = b"") -> bytes:
    """A small real PNG, with `extra` appended after its end (image viewers ignore what follows IEND)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue() + extra


def infected_png() -> bytes:
    return png_bytes(b"\n" + TEST_PATTERN + b"\n")


@contextmanager
def clamd_running(stream_max_length: str = "25M") -> Iterator[Path]:
    clamd = shutil.which("clamd") or next(
        (p for p in ("/usr/sbin/clamd", "/usr/local/sbin/clamd") if Path(p).exists()), None
    )
    if clamd is None:
        pytest.skip("ClamAV's clamd is not installed (scripts/setup-system installs clamav-daemon as root)")
    folder = Path(tempfile.mkdtemp(prefix="zwerm-clamd-"))  # short: a UNIX socket path has at most 107 bytes
    try:
        (folder / "db").mkdir()
        (folder / "db" / "zwerm-test.ndb").write_text(f"{SIGNATURE}:0:*:{TEST_PATTERN.hex()}\n")
        socket_path = folder / "clamd.sock"
        (folder / "clamd.conf").write_text(
            f"LocalSocket {socket_path}\n"
            f"DatabaseDirectory {folder / 'db'}\n"
            f"TemporaryDirectory {folder}\n"
            f"LogFile {folder / 'clamd.log'}\n"
            f"StreamMaxLength {stream_max_length}\n"
            "Foreground yes\n"
        )
        process = subprocess.Popen(
            [clamd, "--config-file", str(folder / "clamd.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(socket_path, process, folder)
            yield socket_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for(socket_path: Path, process: subprocess.Popen, folder: Path) -> None:
    """Until clamd answers PING (it loads the database first); a readiness wait, not a timed assertion."""
    from zwerm.core.uploads.clamav import ClamdScanner

    scanner = ClamdScanner(address=str(socket_path), timeout=5)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (folder / "clamd.log").read_text() if (folder / "clamd.log").exists() else ""
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"clamd stopped at start-up:\n{stderr}\n{log}")
        if socket_path.exists() and scanner.ping():
            return
        time.sleep(0.05)
    pytest.fail("clamd did not answer within 60 s")
