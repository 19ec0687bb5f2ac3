"""One log line per request for the municipality's SIEM: what was asked, how it ended, how long it took.

The path is logged without its query string (search terms, log-in tokens) and without the visitor's address
or user agent; who the visitor is never appears. The request id (X-Request-ID) joins this line to every other
line of the same request and to the tasks it queued."""

import logging

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("zwerm.requests")


def log_request(request: HttpRequest, response: HttpResponse, *, view: str, seconds: float, spent: dict) -> None:
    logger.info(
        "%s %s %s %.0f ms",
        request.method,
        request.path,
        response.status_code,
        seconds * 1000,
        extra={
            "http_method": request.method,
            "http_path": request.path,
            "http_status": response.status_code,
            "view": view,
            "duration_ms": round(seconds * 1000, 1),
            "db_ms": round(spent.get("db", 0.0) * 1000, 1),
            "cache_ms": round(spent.get("cache", 0.0) * 1000, 1),
        },
    )
