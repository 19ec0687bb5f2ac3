"""The whole OpenAPI document, fuzzed by schemathesis against the running application (in process).

Every operation, anonymous and with a staff token: no server error, and every response (status, content
type, headers, body) is what the document promises. A filled municipality stands behind every path, and
half of the generated cases use the id of a real object, so that the 200 answers are checked too."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from zwerm.accounts.roles import Role

from .builders import HOST, build_world

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
BASE_URL = f"http://{HOST}/api/v1"
# About 25 cases per operation and phase keeps both runs well under a minute; fixed, so a failure repeats.
FUZZ = fuzz_settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
)


@pytest.fixture
def filled(municipality, neighbourhood, make_staff, settings):
    settings.ZWERM_API_ANONYMOUS_RATE = "100000/minute"  # the fuzzer is not a crowd to slow down
    settings.ZWERM_API_TOKEN_RATE = "100000/minute"
    return build_world(municipality, neighbourhood, make_staff, sensing=True)


@pytest.fixture
def api_schema(filled):
    # As Django's test client does: a request must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), headers={"Host": HOST})
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


def real_parameters(world) -> dict[str, dict]:
    return {
        "/initiatives/{id}": {"id": world.initiative.pk},
        "/initiatives/{id}/status-changes": {"id": world.initiative.pk},
        "/dialogues/{id}": {"id": world.dialogue.pk},
        "/budgets/{id}": {"id": world.budget.pk},
        "/council-reports/{id}": {"id": world.report.pk},
        "/processes/{slug}": {"slug": world.process.slug},
        "/processes/{slug}/decisions": {"slug": world.process.slug},
    }


def run(case, filled, use_real, token=None):
    if use_real and case.operation.path in real_parameters(filled):
        case.path_parameters = {**(case.path_parameters or {}), **real_parameters(filled)[case.operation.path]}
    headers = {"Host": HOST}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    case.call_and_validate(base_url=BASE_URL, headers=headers, checks=CHECKS)


@pytest.mark.slow
@schema.given(use_real=st.booleans())
@schema.parametrize()
@FUZZ
def test_anonymous_callers_get_what_the_document_promises(case, filled, use_real):
    run(case, filled, use_real)


@pytest.mark.slow
@schema.given(use_real=st.booleans())
@schema.parametrize()
@FUZZ
def test_a_staff_system_gets_what_the_document_promises(case, filled, use_real):
    run(case, filled, use_real, token=filled.tokens[Role.ADMIN])
