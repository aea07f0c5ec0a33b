"""The local Dukcapil stand-in as a pytest fixture: a real HTTP server on a free port of
127.0.0.1 (started once per session), emptied, set to normal and pointed at by the settings for
each test. `dukcapil_standin.mode("galat", jumlah=2)` makes it misbehave over HTTP, as the
command's users would (docs/dukcapil.md)."""

from dataclasses import dataclass

import httpx
import pytest

from sikap.dukcapil.standin import DataPenduduk, StandinServer, jalankan_di_latar

USER, PASSWORD = "sikap-uji", "rahasia-uji"


@dataclass
class Standin:
    server: StandinServer

    @property
    def url(self) -> str:
        return self.server.url

    def mode(self, nama: str, **opsi) -> None:
        jawaban = httpx.post(f"{self.url}/_standin/mode", json={"mode": nama, **opsi})
        jawaban.raise_for_status()

    @property
    def permintaan(self) -> int:
        return httpx.get(f"{self.url}/_standin/status").json()["permintaan"]

    def muat(self, data: DataPenduduk) -> None:
        self.server.data = data

    def muat_database(self):
        """Serve this test database's pegawai and families; returns the deliberate differences."""
        from sikap.dukcapil.standin_data import dari_database

        data, sengaja = dari_database()
        self.muat(data)
        return sengaja


@pytest.fixture(scope="session")
def _dukcapil_server():
    server = StandinServer(DataPenduduk(), user=USER, password=PASSWORD)
    jalankan_di_latar(server)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def dukcapil_standin(_dukcapil_server, settings) -> Standin:
    server = _dukcapil_server
    server.setel_ulang()
    server.batas_per_menit = 600
    settings.SIKAP_DUKCAPIL_URL = server.url
    settings.SIKAP_DUKCAPIL_USER = USER
    settings.SIKAP_DUKCAPIL_PASSWORD = PASSWORD
    settings.SIKAP_DUKCAPIL_MAPPING = ""
    settings.SIKAP_DUKCAPIL_TIMEOUT_SECONDS = 0.5
    settings.SIKAP_DUKCAPIL_RETRIES = 2
    settings.SIKAP_DUKCAPIL_BACKOFF_SECONDS = 0.01
    settings.SIKAP_DUKCAPIL_BREAKER_FAILURES = 3
    settings.SIKAP_DUKCAPIL_BREAKER_SECONDS = 60
    settings.SIKAP_DUKCAPIL_CACHE_SECONDS = 300
    settings.SIKAP_DUKCAPIL_PER_MINUTE = 0
    return Standin(server)
