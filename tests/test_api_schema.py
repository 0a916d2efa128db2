"""schemathesis generates requests from the API's own OpenAPI schema: none answers a server
error, and every response matches what the schema promises (status, content type, body)."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)


@pytest.fixture
def api_schema(brochure):
    cache.clear()
    # As Django's test client does: a request must not close the test's database
    # connection, whose transaction holds the test data (PostgreSQL would lose it).
    request_started.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    request_started.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")
SENT = []


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_as_its_schema_says(case, settings):
    settings.API_THROTTLE_RATE = "100000/minute"
    response = case.call()
    SENT.append((case.operation.label, response.status_code))
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


def test_schemathesis_reached_every_operation():
    """Guards the test above against silently generating nothing."""
    operations = {label for label, _ in SENT}
    # The root, and a list and a detail of each of the three kinds.
    assert len(operations) == 7, f"run with the test above; reached only {operations}"
    assert any(status == 200 for _, status in SENT)
    assert any(400 <= status < 500 for _, status in SENT)
