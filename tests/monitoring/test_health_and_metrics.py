"""Liveness, readiness and the Prometheus metrics, as the kubelet and Prometheus call them: on the pod's own
address, over plain HTTP, with production's host and HTTPS rules in force."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from zwerm.dialogues import services as dialogues
from zwerm.monitoring import health

POD = "10.244.1.17:8000"  # a pod address: in no ALLOWED_HOSTS
TOKEN = "metrics-token-for-the-tests"


@pytest.fixture
def production_rules(settings):
    settings.ALLOWED_HOSTS = ["zwerm.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.ZWERM_METRICS_TOKEN = TOKEN
    health._migrated = False
    yield settings
    health._migrated = False


def test_liveness_answers_on_the_pod_address_without_a_redirect(db, production_rules):
    response = Client().get("/gezondheid/live", HTTP_HOST=POD)
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_readiness_checks_database_cache_and_migrations(production_rules):
    response = Client().get("/gezondheid/klaar", HTTP_HOST=POD)
    assert response.status_code == 200, response.content
    assert set(response.json().values()) == {"OK"} and len(response.json()) == 3

    # A new image whose migration has not run yet must get no traffic.
    recorded = MigrationRecorder.Migration.objects.filter(app="core").order_by("-id").first()
    recorded.delete()
    health._migrated = False  # a process remembers "all applied" once seen; this one is new
    try:
        response = Client().get("/gezondheid/klaar", HTTP_HOST=POD)
        assert response.status_code == 500
        assert "1 migrations not applied yet" in response.json()["Migrations()"]
    finally:
        MigrationRecorder.Migration.objects.create(app=recorded.app, name=recorded.name)


@pytest.mark.django_db(transaction=True)
def test_readiness_fails_when_the_shared_cache_is_away(production_rules):
    production_rules.CACHES = {
        "default": {"BACKEND": "zwerm.core.cache.ReusingRedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    try:
        response = Client().get("/gezondheid/klaar", HTTP_HOST=POD, HTTP_ACCEPT="text/plain")
        assert response.status_code == 500
        assert re.search(r"Cache\(alias='default'\): (?!OK)", response.content.decode())
        assert "Database(alias='default'): OK" in response.content.decode()
    finally:
        caches["default"].close()


def test_metrics_are_not_public(db, production_rules):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer wrong"}, {"HTTP_AUTHORIZATION": TOKEN}):
        assert Client().get("/metrics", HTTP_HOST=POD, **headers).status_code == 404
    production_rules.ZWERM_METRICS_TOKEN = ""
    assert Client().get("/metrics", HTTP_HOST=POD, HTTP_AUTHORIZATION="Bearer ").status_code == 404


def _scrape() -> str:
    response = Client().get("/metrics", HTTP_HOST=POD, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return response.content.decode()


def _value(text: str, name: str, **labels) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split(" ")[0]))
            if all(found.get(k) == v for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_per_view_with_database_time(db, production_rules, municipality):
    before = _scrape()
    view = {"view": "initiatives:list", "method": "GET", "status": "2xx"}
    count = _value(before, "zwerm_http_request_duration_seconds_count", **view)
    db_before = _value(before, "zwerm_http_request_db_seconds_sum", view="initiatives:list")
    production_rules.ALLOWED_HOSTS = ["testdam.localhost"]
    assert Client().get("/initiatieven/", HTTP_HOST="testdam.localhost", secure=True).status_code == 200
    after = _scrape()
    assert _value(after, "zwerm_http_request_duration_seconds_count", **view) == count + 1
    assert _value(after, "zwerm_http_request_db_seconds_sum", view="initiatives:list") > db_before


def test_metrics_count_votes_and_show_the_task_queue(
    db, production_rules, settings, make_staff, municipality, resident
):
    from zwerm.accounts.roles import Role

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    votes = _value(_scrape(), "zwerm_dialogue_votes_total")
    dialogue = dialogues.dialogue_create(
        author=make_staff(Role.PROCESS_LEAD),
        municipality=municipality,
        title="Het plein",
        question="Wat vind je?",
        seed_statements=["Meer bomen"],
    )
    participant = dialogues.participant_for(dialogue=dialogue, user=resident)
    with django_capture_on_commit(connection):  # the vote queues its analysis after commit
        dialogues.vote_cast(participant=participant, statement=dialogue.statements.first(), value=1)
    text = _scrape()
    assert _value(text, "zwerm_dialogue_votes_total") == votes + 1
    assert _value(text, "zwerm_tasks", status="ready") >= 1  # the analysis the vote asked for waits in the queue
    assert _value(text, "zwerm_tasks_oldest_ready_age_seconds") >= 0
    assert _value(text, "zwerm_tasks_queue_readable") == 1


def django_capture_on_commit(conn):
    """Run on_commit callbacks at the end of the block, as a real commit would (tests run inside a transaction)."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(using=conn.alias, execute=True)
