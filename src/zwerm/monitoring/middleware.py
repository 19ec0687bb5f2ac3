import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound

from zwerm.core.timing import tally_add, tally_finish, tally_start

from . import health, metrics
from .access_log import log_request

LIVE = "/gezondheid/live"
READY = "/gezondheid/klaar"
METRICS = "/metrics"
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}  # labels stay few


class MonitoringMiddleware:
    """Answers the probes and the metrics scraper itself; times every other request.

    The probes and Prometheus call the pod's own address over plain HTTP, with a Host header that is in no
    ALLOWED_HOSTS and no X-Forwarded-Proto: that is why they are answered here, before SecurityMiddleware
    (HTTPS redirect), CommonMiddleware and the municipality look-up. Nothing else is answered here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path == LIVE:
            return health.liveness(request)
        if path == READY:
            return health.readiness(request)
        if path == METRICS:
            if not metrics.metrics_token_valid(request.headers.get("Authorization", "")):
                return HttpResponseNotFound(b"", content_type="text/plain")
            body, content_type = metrics.exposition()
            return HttpResponse(body, content_type=content_type)

        started = time.perf_counter()
        tally_start()
        with connection.execute_wrapper(_timed_query):
            response = self.get_response(request)
        seconds = time.perf_counter() - started
        spent = tally_finish()
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or match._func_path) if match else "<unmatched>"
        method = request.method if request.method in KNOWN_METHODS else "other"
        metrics.observe_request(view=view, method=method, status=response.status_code, seconds=seconds, spent=spent)
        if settings.ZWERM_ACCESS_LOG:
            log_request(request, response, view=view, seconds=seconds, spent=spent)
        return response


def _timed_query(execute, sql, params, many, context):
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        tally_add("db", time.perf_counter() - started)
