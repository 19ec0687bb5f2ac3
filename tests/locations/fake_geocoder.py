"""A local stand-in for the PDOK Locatieserver: an HTTP server on 127.0.0.1 with a recorded-style answer."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# The shape of a Locatieserver v3.1 `free` answer (fields trimmed to those asked for with `fl`); the address is
# made up.
ANSWER = {
    "response": {
        "numFound": 1,
        "start": 0,
        "maxScore": 12.5,
        "numFoundExact": True,
        "docs": [
            {
                "type": "adres",
                "weergavenaam": "Bijenstraat 12, 1234AB Zwermstad",
                "centroide_ll": "POINT(5.12345678 52.09876543)",
            }
        ],
    }
}
EMPTY = {"response": {"numFound": 0, "start": 0, "docs": []}}


@contextmanager
def fake_locatieserver(answer=ANSWER, status=200):
    """Yields (url, requests): the URL to set as ZWERM_GEOCODER_PDOK_URL and the query strings received."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            received.append(parse_qs(urlsplit(self.path).query))
            body = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/free", received
    finally:
        server.shutdown()
        server.server_close()
