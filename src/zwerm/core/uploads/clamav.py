"""A small client for ClamAV's daemon (clamd): INSTREAM over its UNIX socket (or TCP), nothing else.

The file is sent in pieces, each prefixed with its length as a 4-byte big-endian number, and closed with a piece
of length 0; clamd answers `stream: OK`, `stream: <signature> FOUND`, or a line ending in `ERROR` (for
instance when the file is larger than clamd's StreamMaxLength). The `z` commands end every line with a NUL.
Debian's clamav-daemon listens on /var/run/clamav/clamd.ctl (its LocalSocket); docs/operations.md says how to
set it up. Written here rather than taken from a library: the protocol is these few lines, and the Python
clients on PyPI (clamd, pyclamd) have had no release in years."""

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from .scanners import ScannerUnavailable, ScanResult, scanner_register

PIECE_BYTES = 64 * 1024
MAX_REPLY_BYTES = 4096


@dataclass(frozen=True)
class ClamdScanner:
    address: str  # a path to clamd's UNIX socket, or tcp://host:port
    timeout: float = 30.0
    name: str = "clamav"

    def scan(self, chunks: Iterable[bytes]) -> ScanResult:
        try:
            with self._connect() as connection:
                connection.sendall(b"zINSTREAM\0")
                try:
                    for chunk in chunks:
                        for start in range(0, len(chunk), PIECE_BYTES):
                            piece = chunk[start : start + PIECE_BYTES]
                            connection.sendall(struct.pack("!L", len(piece)) + piece)
                    connection.sendall(struct.pack("!L", 0))
                except OSError:
                    pass  # clamd may stop reading and answer early (a size limit): its answer says why
                reply = _read_reply(connection)
        except OSError as error:
            raise ScannerUnavailable(f"clamd at {self.address}: {error}") from error
        return _verdict(reply, address=self.address)

    def ping(self) -> bool:
        try:
            with self._connect() as connection:
                connection.sendall(b"zPING\0")
                return _read_reply(connection) == "PONG"
        except (OSError, ScannerUnavailable):
            return False

    def _connect(self) -> socket.socket:
        if self.address.startswith("tcp://"):
            host, _, port = self.address.removeprefix("tcp://").rpartition(":")
            return socket.create_connection((host.strip("[]"), int(port)), timeout=self.timeout)
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(self.timeout)
        try:
            connection.connect(self.address)
        except OSError:
            connection.close()
            raise
        return connection


def _read_reply(connection: socket.socket) -> str:
    reply = b""
    while b"\0" not in reply and len(reply) < MAX_REPLY_BYTES:
        data = connection.recv(MAX_REPLY_BYTES)
        if not data:
            break
        reply += data
    if not reply:
        raise ScannerUnavailable("clamd closed the connection without an answer")
    return reply.split(b"\0", 1)[0].decode("utf-8", "replace").strip()


def _verdict(reply: str, *, address: str) -> ScanResult:
    if reply.endswith(" FOUND"):
        found = reply.removesuffix(" FOUND")
        return ScanResult(infected=True, signature=found.split(": ", 1)[-1])
    if reply.endswith(": OK"):
        return ScanResult(infected=False)
    raise ScannerUnavailable(f"clamd at {address} answered: {reply}")


def clamd_from_settings() -> ClamdScanner:
    return ClamdScanner(address=settings.ZWERM_CLAMAV_SOCKET, timeout=float(settings.ZWERM_CLAMAV_TIMEOUT))


scanner_register("clamav", clamd_from_settings)
