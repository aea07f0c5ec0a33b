"""Competency fixtures: a small bank (two manajerial competencies, items at every level), an
open test for everyone, and a server clock the test sets."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sikap.accounts.tokens import issue_token
from sikap.competency import bank
from sikap.competency.models import JenisSoal, Kelompok, Kompetensi, Ujian, UjianKompetensi
from tests.api.conftest import Phone, fresh_throttle  # noqa: F401 (fixture)

WIB = ZoneInfo("Asia/Jakarta")
SENIN = datetime(2026, 12, 7, 9, 0, tzinfo=WIB)


class Clock:
    def __init__(self, monkeypatch):
        self.now = SENIN
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def isi_pg(teks: str, kunci: int = 1, n: int = 4) -> bank.Isi:
    return bank.Isi(
        teks, tuple(bank.Opsi(f"{teks} — opsi {i}", benar=i == kunci) for i in range(1, n + 1))
    )


def isi_sjt(teks: str, skor=(1, 3, 5, 2)) -> bank.Isi:
    return bank.Isi(
        teks, tuple(bank.Opsi(f"{teks} — tindakan {i}", skor=s) for i, s in enumerate(skor, 1))
    )


@pytest.fixture
def kompetensi(db):
    return [
        Kompetensi.objects.create(
            kode="integritas", nama="Integritas", kelompok=Kelompok.MANAJERIAL, urutan=1
        ),
        Kompetensi.objects.create(
            kode="kerja-sama", nama="Kerja Sama", kelompok=Kelompok.MANAJERIAL, urutan=2
        ),
    ]


@pytest.fixture
def bank_soal(world, kompetensi):
    """Per competency two items at each level 1–5: one multiple choice, one situational."""
    admin = world.users["admin_bkd"]
    items = []
    for k in kompetensi:
        for level in range(1, 6):
            items.append(
                bank.create_item(
                    kode=f"{k.kode}-{level}-pg",
                    kompetensi=k,
                    level=level,
                    jenis=JenisSoal.PILIHAN_GANDA,
                    isi=isi_pg(f"{k.nama} level {level} pg"),
                    actor=admin,
                )
            )
            items.append(bank.create_item(
                kode=f"{k.kode}-{level}-sjt", kompetensi=k, level=level,
                jenis=JenisSoal.SITUASIONAL, isi=isi_sjt(f"{k.nama} level {level} sjt"),
                actor=admin,
            ))  # fmt: skip
    return items


@pytest.fixture
def ujian(bank_soal, kompetensi, clock):
    u = Ujian.objects.create(
        nama="Uji Kompetensi Manajerial 2026", durasi_menit=30,
        dibuka=SENIN - timedelta(days=1), ditutup=SENIN + timedelta(days=7), terbit=True,
    )  # fmt: skip
    for k in kompetensi:
        UjianKompetensi.objects.create(ujian=u, kompetensi=k, jumlah_soal=5)
    return u


def telepon(user) -> Phone:
    """A phone with a device token of `user` (the browser tests' `phone` is a real page)."""
    _, raw = issue_token(user, "HP uji", actor=user)
    return Phone(raw)


@pytest.fixture
def hp(world) -> Phone:
    return telepon(world.users["pegawai"])


@pytest.fixture
def rng():
    return random.Random(14)
