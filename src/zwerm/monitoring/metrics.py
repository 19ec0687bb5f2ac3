"""Prometheus metrics (prometheus-client): requests per view, database and cache time, the task queue, votes.

Several web processes (Granian workers) each count for themselves; with PROMETHEUS_MULTIPROC_DIR set (a
writable folder per pod, deploy/ mounts one) the scrape adds them up. The task-queue figures are read from
the database at scrape time, so every process reports the same queue. docs/operations.md lists every metric.
"""

import hmac
import os
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.utils import timezone
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

# Buckets from 5 ms to 10 s: pages should answer within 100 ms (bench/pages.py), the slow tail is what matters.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0)
SPENT_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)

REQUEST_SECONDS = Histogram(
    "zwerm_http_request_duration_seconds",
    "Time from the request reaching Zwerm to the response, per view (URL name), method and status class.",
    ["view", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
REQUEST_DB_SECONDS = Histogram(
    "zwerm_http_request_db_seconds",
    "Time a request spent waiting on the database, per view.",
    ["view"],
    buckets=SPENT_BUCKETS,
)
REQUEST_CACHE_SECONDS = Histogram(
    "zwerm_http_request_cache_seconds",
    "Time a request spent waiting on the shared cache (Redis), per view.",
    ["view"],
    buckets=SPENT_BUCKETS,
)
VOTES = Counter("zwerm_dialogue_votes", "Dialogue votes stored (agree, disagree or pass; a changed vote counts again).")
BALLOTS = Counter("zwerm_budget_ballots", "Budget ballots cast or changed.")


def vote_counted() -> None:
    """A dialogue vote was stored: call after its transaction. Per minute: rate(zwerm_dialogue_votes_total[5m])*60."""
    VOTES.inc()


def ballot_counted() -> None:
    """A ballot was cast or changed: call after its transaction."""
    BALLOTS.inc()


def observe_request(*, view: str, method: str, status: int, seconds: float, spent: dict[str, float]) -> None:
    REQUEST_SECONDS.labels(view, method, f"{status // 100}xx").observe(seconds)
    REQUEST_DB_SECONDS.labels(view).observe(spent.get("db", 0.0))
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        REQUEST_CACHE_SECONDS.labels(view).observe(spent.get("cache", 0.0))


class TaskQueueCollector:
    """The database task queue as it is at scrape time: tasks per status, and how long the oldest has waited."""

    def collect(self):
        tasks = GaugeMetricFamily("zwerm_tasks", "Tasks in the database queue, per status.", labels=["status"])
        oldest_ready = GaugeMetricFamily(
            "zwerm_tasks_oldest_ready_age_seconds", "How long the oldest task that may run now has waited (0: none)."
        )
        oldest_running = GaugeMetricFamily(
            "zwerm_tasks_oldest_running_age_seconds", "How long the longest-running task has run so far (0: none)."
        )
        failed_recent = GaugeMetricFamily(
            "zwerm_tasks_failed_last_hour", "Tasks that ended in failure during the last hour."
        )
        up = GaugeMetricFamily("zwerm_tasks_queue_readable", "1 when the task queue could be read at this scrape.")
        if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
            return  # the demo runs tasks in-process: there is no queue
        from django_tasks_db.models import DBTaskResult

        now = timezone.now()
        may_run = Q(status="READY") & (Q(run_after__lte=now) | Q(run_after__isnull=True))
        try:
            counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).order_by())
            ages = DBTaskResult.objects.aggregate(
                ready=Min("enqueued_at", filter=may_run),
                running=Min("started_at", filter=Q(status="RUNNING")),
                failed=Count("pk", filter=Q(status="FAILED", finished_at__gte=now - timedelta(hours=1))),
            )
        except DatabaseError:
            up.add_metric([], 0)
            yield up
            return
        for status in ("READY", "RUNNING", "FAILED", "SUCCESSFUL"):
            tasks.add_metric([status.lower()], counts.get(status, 0))
        oldest_ready.add_metric([], (now - ages["ready"]).total_seconds() if ages["ready"] else 0)
        oldest_running.add_metric([], (now - ages["running"]).total_seconds() if ages["running"] else 0)
        failed_recent.add_metric([], ages["failed"])
        up.add_metric([], 1)
        yield from (tasks, oldest_ready, oldest_running, failed_recent, up)


def exposition() -> tuple[bytes, str]:
    """Every metric in Prometheus's text format: all processes' (multiprocess mode) and the queue's."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:  # one process: its own metrics (without the client's process and platform collectors)
        for collector in (REQUEST_SECONDS, REQUEST_DB_SECONDS, REQUEST_CACHE_SECONDS, VOTES, BALLOTS):
            registry.register(collector)
    registry.register(TaskQueueCollector())
    return generate_latest(registry), CONTENT_TYPE_LATEST


def metrics_token_valid(header: str) -> bool:
    """`Authorization: Bearer <ZWERM_METRICS_TOKEN>`; no token configured means no metrics at all."""
    token = settings.ZWERM_METRICS_TOKEN
    if not token or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").strip().encode(), token.encode())
