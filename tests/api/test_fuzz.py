"""Schema-driven fuzzing (schemathesis) of every endpoint, with a valid token and with an
invalid one: no 500, no status the schema does not declare, no body that breaks the schema.
Bounded and derandomized, so it is fast and the same on every run."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sikap.accounts.tokens import issue_token
from sikap.api.v1 import api
from sikap.core.models import Notifikasi

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
APP = WSGIHandler()
bounded = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """A bare WSGI handler closes the database connection after each request, which ends the
    test's transaction on PostgreSQL; Django's test client avoids it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(world, settings):
    settings.SIKAP_API_RATE = "100000/m"
    user = world.users["pegawai"]
    Notifikasi.objects.create(user=user, message="Dokumen KTP diverifikasi")
    _, raw = issue_token(user, "HP uji", actor=user)
    return f"Bearer {raw}"


@pytest.mark.django_db
@schema.parametrize()
@bounded
def test_with_a_valid_token(case, bearer):
    case.call_and_validate(app=APP, headers={"Authorization": bearer}, checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@bounded
def test_with_an_invalid_token(case, world):
    case.call_and_validate(app=APP, headers={"Authorization": "Bearer palsu"}, checks=CHECKS)
