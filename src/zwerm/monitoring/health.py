"""Liveness and readiness (django-health-check).

Liveness says the process answers and nothing more: restarting a pod because PostgreSQL is away would not
bring PostgreSQL back. Readiness says this process can serve: the database answers, the cache answers, and
every migration in the code has been applied (a new image before its migration Job ran gets no traffic)."""

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

_migrated = False  # once every migration is applied, it stays so for the life of this process


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the code in this process is applied to the database."""

    def run(self) -> None:
        global _migrated
        if _migrated:
            return
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as e:
            raise ServiceUnavailable("migration state could not be read") from e
        finally:
            connection.close()  # this ran in a helper thread: do not leave its connection open
        if pending:
            raise ServiceUnavailable(f"{len(pending)} migrations not applied yet (run zwerm migrate)")
        _migrated = True


class Readiness(HealthCheckView):
    checks = (Database, Cache, Migrations)


def liveness(request: HttpRequest) -> HttpResponse:
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


_readiness_view = Readiness.as_view()


def _run_async_view(request: HttpRequest) -> HttpResponse:
    # The check view is async-only; a thread that already runs an event loop (an ASGI worker, a test
    # driving a browser) cannot wait on another loop, so the view then runs in a thread of its own.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return async_to_sync(_readiness_view)(request)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(async_to_sync(_readiness_view), request).result()


def readiness(request: HttpRequest) -> HttpResponse:
    """200 with each check's result when ready, 500 otherwise; JSON unless the caller asks for another format."""
    if request.headers.get("Accept", "*/*").strip() in ("", "*/*"):
        request.META["HTTP_ACCEPT"] = "application/json"  # kubelet, HAProxy and curl send */* or nothing
        request.__dict__.pop("headers", None)  # HttpRequest.headers is cached from META
    response = _run_async_view(request)
    if isinstance(response, TemplateResponse):
        response.render()  # answered before the URL resolver: nobody else renders it
    return response
