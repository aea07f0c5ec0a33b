"""Attendance fixtures: OPD A's office, a server clock the test sets, a phone's request."""

import itertools
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from sikap.accounts.tokens import issue_token
from sikap.attendance import konteks
from sikap.org.models import LokasiKantor
from tests.api.conftest import Phone

WIB = ZoneInfo("Asia/Jakarta")
# Tuesday 7 April 2026, a working day outside Ramadan.
SELASA = datetime(2026, 4, 7, 7, 41, tzinfo=WIB)
KANTOR = (-6.2, 106.8)
_keys = itertools.count(1)


@pytest.fixture
def kantor(world):
    return LokasiKantor.objects.create(
        opd=world.opd_a,
        nama="Kantor Dinas Pendidikan",
        latitude=Decimal("-6.2"),
        longitude=Decimal("106.8"),
        radius_m=100,
    )


class Clock:
    def __init__(self, monkeypatch):
        self.now = SELASA
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)

    def set(self, *args):
        self.now = datetime(*args, tzinfo=WIB)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def body(**changes) -> dict:
    """A check-in 33 m from the office, with a fresh idempotency key."""
    return {
        "jenis": "masuk",
        "latitude": -6.2003,
        "longitude": 106.8,
        "akurasi_m": 12.5,
        "device_id": "android-0001-abcd",
        "kunci": f"kunci-{next(_keys):06d}",
        **changes,
    }


@pytest.fixture(autouse=True)
def fresh_throttle():
    """API request counts live in the cache, check-in contexts in this process's memory (a
    test's rolled-back rows may come back with the same ids): each test starts with none."""
    cache.clear()
    konteks.lupakan()
    yield
    cache.clear()
    konteks.lupakan()


@pytest.fixture
def hp_of(world):
    """A phone with a device token of a persona (`phone` is the browser page)."""

    def make(persona: str = "pegawai") -> Phone:
        user = world.users[persona]
        _, raw = issue_token(user, f"HP {persona}", actor=user)
        return Phone(raw)

    return make


@pytest.fixture
def hp(hp_of) -> Phone:
    return hp_of("pegawai")
