"""Log lines for the SIEM: JSON with the request id, carried into the tasks a request queued; no personal data."""

import io
import json
import logging

import pytest
from django.core.management import call_command
from django.test import Client
from django_guid import clear_guid, set_guid
from django_guid.log_filters import CorrelationId

from zwerm.monitoring.logs import JsonFormatter, PersonalDataFilter

from .tasks import log_a_line


@pytest.fixture
def json_lines():
    """Every record of the root logger, written as production writes it (JSON, filtered), into a buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(CorrelationId("request_id"))  # the two filters of the LOGGING setting, in its order
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    root.removeHandler(handler)


def test_a_log_line_is_json_with_time_level_logger_and_request_id(json_lines):
    set_guid("5b1d4c0e8f6a4b2c9d3e7f8a1b2c3d4e")
    try:
        logging.getLogger("zwerm.example").warning("iets %s", "ging mis", extra={"view": "initiatives:list"})
    finally:
        clear_guid()
    (line,) = json_lines()
    assert line["message"] == "iets ging mis" and line["level"] == "WARNING" and line["logger"] == "zwerm.example"
    assert line["request_id"] == "5b1d4c0e8f6a4b2c9d3e7f8a1b2c3d4e" and line["view"] == "initiatives:list"
    assert line["time"].endswith("+00:00")


def test_personal_data_is_masked_in_messages_extras_and_tracebacks(json_lines):
    logger = logging.getLogger("zwerm.example")
    logger.warning("AXES: login failed for %s from 192.168.10.21", "anouk@zwermstad.example")
    try:
        raise ValueError("Key (email)=(bram@zwermstad.example) already exists; bel 06-12345678")
    except ValueError:
        logger.exception("opslaan mislukt", extra={"who": "chaima@zwermstad.example", "ip": "2001:db8::1"})
    text = json.dumps(json_lines())
    for secret in ("anouk@", "bram@", "chaima@", "192.168.10.21", "2001:db8::1", "06-12345678"):
        assert secret not in text
    assert "[e-mailadres]" in text and "[ip-adres]" in text and "[telefoonnummer]" in text


def test_the_filter_keeps_lines_without_personal_data_as_they_are():
    record = logging.LogRecord("zwerm", logging.INFO, __file__, 1, "GET %s %s", ("/initiatieven/12", 200), None)
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "GET /initiatieven/12 200"


@pytest.mark.django_db(transaction=True)
def test_a_task_logs_with_the_request_id_of_the_request_that_queued_it(json_lines, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    set_guid("0f0e0d0c0b0a49988776655443322110")
    try:
        log_a_line.enqueue()
    finally:
        clear_guid()
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    ran = [line for line in json_lines() if line["message"] == "the task ran"]
    assert [line["request_id"] for line in ran] == ["0f0e0d0c0b0a49988776655443322110"]


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_keeps_the_proxys(municipality):
    response = Client().get("/", HTTP_HOST="testdam.localhost")
    assert len(response["X-Request-ID"]) == 32
    given = "7c9e6679742548259dc5a7e1d0f0c0aa"
    assert Client().get("/", HTTP_HOST="testdam.localhost", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
