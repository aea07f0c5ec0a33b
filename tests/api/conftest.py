"""A phone for the API tests: a device token for a persona, sent as `Authorization: Bearer`."""

import pytest
from django.core.cache import cache
from django.test import Client

from sikap.accounts.tokens import issue_token

PASSWORD = "rahasia-sikap-123"


class Phone:
    def __init__(self, raw: str = ""):
        self.raw = raw
        self.client = Client()

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.raw}"} if self.raw else {}

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1/{path}", params, **self._headers())

    def post(self, path: str, data=None):
        return self.client.post(
            f"/api/v1/{path}", data or {}, content_type="application/json", **self._headers()
        )

    def delete(self, path: str):
        return self.client.delete(f"/api/v1/{path}", **self._headers())


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Request counts live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def phone_of(world):
    def make(persona: str = "pegawai") -> Phone:
        user = world.users[persona]
        _, raw = issue_token(user, f"HP {persona}", actor=user)
        return Phone(raw)

    return make


@pytest.fixture
def phone(phone_of) -> Phone:
    return phone_of("pegawai")


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    assert isinstance(body["details"], list)
    return body
