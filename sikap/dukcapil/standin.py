"""The local stand-in for the population registry: a real HTTP server on 127.0.0.1 that speaks
the contract of docs/dukcapil.md with the default field names (`pemetaan_bawaan.json`).

It serves a `DataPenduduk` (the demo regency's families: `standin_data.py`), checks the
credentials, keeps a per-user rate limit, and can be told to misbehave — slow, 5xx, 429,
dropped connections, malformed answers — through `POST /_standin/mode`, which the tests and
`sikap dukcapil standin --mode` use. It listens on the loopback interface only.
"""

import json
import math
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sikap.dukcapil.client import JALUR

MODES = ("normal", "lambat", "galat", "batas", "putus", "bukan_json", "tidak_lengkap")
_BADAN_MAKS = 64 * 1024
_RESPON_TIDAK_DITEMUKAN = {"content": [{"RESPON": "Data Tidak Ditemukan"}]}


@dataclass
class DataPenduduk:
    """Residents by NIK (records in the agreement's field names, without ANGGOTA_KK) and the
    NIKs on each family card (NO_KK)."""

    penduduk: dict[str, dict[str, Any]] = field(default_factory=dict)
    kk: dict[str, list[str]] = field(default_factory=dict)

    def tambah_keluarga(self, no_kk: str, anggota: Iterable[dict[str, Any]]) -> None:
        for rekaman in anggota:
            rekaman = {**rekaman, "NO_KK": no_kk}
            self.penduduk[rekaman["NIK"]] = rekaman
            self.kk.setdefault(no_kk, []).append(rekaman["NIK"])

    def jawaban(self, nik: str) -> dict[str, Any] | None:
        rekaman = self.penduduk.get(nik)
        if rekaman is None:
            return None
        anggota = [self.penduduk[n] for n in self.kk.get(rekaman["NO_KK"], [])]
        return {"content": [{**rekaman, "ANGGOTA_KK": anggota}]}

    def as_json(self) -> dict[str, Any]:
        return {"penduduk": self.penduduk, "kk": self.kk}

    @classmethod
    def dari_json(cls, data: dict[str, Any]) -> "DataPenduduk":
        return cls(penduduk=dict(data["penduduk"]), kk={k: list(v) for k, v in data["kk"].items()})


@dataclass
class Mode:
    nama: str = "normal"
    sisa: int | None = None  # how many more requests get this mode; None: until changed
    jeda: float = 0.0  # seconds before answering ("lambat")
    status: int = 503  # for "galat"
    retry_after: int = 1  # for "batas"


class StandinServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        data: DataPenduduk,
        *,
        port: int = 0,
        user: str = "",
        password: str = "",
        batas_per_menit: int = 600,
    ):
        super().__init__(("127.0.0.1", port), _Handler)
        self.data = data
        self.user = user
        self.password = password
        self.batas_per_menit = batas_per_menit
        self.mode = Mode()
        self.permintaan = 0  # lookups received, for tests and the bench
        self._kunci = threading.Lock()
        self._jendela: dict[str, tuple[float, int]] = {}  # user → (window start, count)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def setel_ulang(self, data: DataPenduduk | None = None) -> None:
        """Back to a fresh start: this data (or none), normal mode, counters at zero."""
        with self._kunci:
            self.data = data or DataPenduduk()
            self.mode = Mode()
            self.permintaan = 0
            self._jendela.clear()

    def atur_mode(self, mode: Mode) -> None:
        if mode.nama not in MODES:
            raise ValueError(f"mode tidak dikenal: {mode.nama}")
        with self._kunci:
            self.mode = mode

    def mode_berikut(self) -> Mode:
        """The mode this request gets; counts down a mode given for N requests."""
        with self._kunci:
            self.permintaan += 1
            mode = self.mode
            if mode.sisa is not None:
                mode.sisa -= 1
                if mode.sisa <= 0:
                    self.mode = Mode()
            return mode

    def dalam_batas(self, user: str) -> tuple[bool, int]:
        """A one-minute window per user from their first request in it: (allowed, seconds
        until it ends — the Retry-After)."""
        sekarang = time.monotonic()
        with self._kunci:
            awal, jumlah = self._jendela.get(user, (sekarang, 0))
            if sekarang - awal >= 60:
                awal, jumlah = sekarang, 0
            self._jendela[user] = (awal, jumlah + 1)
        return jumlah < self.batas_per_menit, max(1, math.ceil(60 - (sekarang - awal)))


class _Handler(BaseHTTPRequestHandler):
    server: StandinServer
    server_version = "SIKAP-Dukcapil-Standin/1"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall

    def log_message(self, format: str, *args: Any) -> None:
        # The request line holds no NIK (it travels in the body); keep the console quiet anyway.
        pass

    def do_GET(self) -> None:
        if self.path == "/_standin/status":
            s = self.server
            self._kirim(
                200,
                {
                    "penduduk": len(s.data.penduduk),
                    "permintaan": s.permintaan,
                    "mode": s.mode.nama,
                },
            )
        else:
            self._kirim(404, {"RESPON": "Alamat tidak dikenal"})

    def do_POST(self) -> None:
        body = self._baca_body()
        if body is None:
            return
        if self.path == "/_standin/mode":
            self._ubah_mode(body)
        elif self.path == JALUR:
            self._cari(body)
        else:
            self._kirim(404, {"RESPON": "Alamat tidak dikenal"})

    def _baca_body(self) -> dict[str, Any] | None:
        try:
            panjang = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            panjang = -1
        if not 0 < panjang <= _BADAN_MAKS:
            self._kirim(400, {"RESPON": "Permintaan tanpa badan JSON yang sah"})
            return None
        try:
            body = json.loads(self.rfile.read(panjang))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self._kirim(400, {"RESPON": "Badan permintaan bukan objek JSON"})
            return None
        return body

    def _ubah_mode(self, body: dict[str, Any]) -> None:
        try:
            mode = Mode(
                nama=str(body.get("mode", "normal")),
                sisa=int(body["jumlah"]) if body.get("jumlah") is not None else None,
                jeda=float(body.get("jeda", 0)),
                status=int(body.get("status", 503)),
                retry_after=int(body.get("retry_after", 1)),
            )
            self.server.atur_mode(mode)
        except (TypeError, ValueError) as e:
            self._kirim(400, {"RESPON": str(e)})
            return
        self._kirim(200, {"mode": mode.nama, "jumlah": mode.sisa})

    def _cari(self, body: dict[str, Any]) -> None:
        s = self.server
        mode = s.mode_berikut()
        if mode.jeda:
            time.sleep(mode.jeda)
        if mode.nama == "putus":
            self.close_connection = True
            return  # no answer at all: the client sees the connection dropped
        if mode.nama == "galat":
            self._kirim(mode.status, {"RESPON": "Layanan sedang gangguan"})
            return
        if mode.nama == "batas":
            self._kirim(429, {"RESPON": "Batas permintaan terlampaui"}, mode.retry_after)
            return
        if body.get("user_id") != s.user or body.get("password") != s.password:
            self._kirim(401, {"RESPON": "User atau password salah"})
            return
        boleh, sisa_detik = s.dalam_batas(str(body.get("user_id")))
        if not boleh:
            self._kirim(429, {"RESPON": "Batas permintaan terlampaui"}, sisa_detik)
            return
        nik = body.get("NIK")
        if not isinstance(nik, str) or len(nik) != 16 or not nik.isdigit():
            self._kirim(400, {"RESPON": "NIK harus 16 digit"})
            return
        jawaban = s.data.jawaban(nik)
        if jawaban is None:
            self._kirim(404, _RESPON_TIDAK_DITEMUKAN)
        elif mode.nama == "bukan_json":
            self._kirim_mentah(200, b"<html><body>502 Bad Gateway</body></html>", "text/html")
        elif mode.nama == "tidak_lengkap":
            rekaman = {k: v for k, v in jawaban["content"][0].items() if k != "NAMA_LGKP"}
            self._kirim(200, {"content": [rekaman]})
        else:
            self._kirim(200, jawaban)

    def _kirim(self, status: int, isi: dict[str, Any], retry_after: int | None = None) -> None:
        badan = json.dumps(isi, ensure_ascii=False).encode()
        self._kirim_mentah(status, badan, "application/json", retry_after)

    def _kirim_mentah(
        self, status: int, badan: bytes, jenis: str, retry_after: int | None = None
    ) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", f"{jenis}; charset=utf-8")
        self.send_header("Content-Length", str(len(badan)))
        if retry_after is not None:
            self.send_header("Retry-After", str(retry_after))
        self.end_headers()
        self.wfile.write(badan)


def jalankan_di_latar(server: StandinServer) -> threading.Thread:
    """Serve on a daemon thread (tests, the bench); `server.shutdown()` stops it."""
    thread = threading.Thread(target=server.serve_forever, name="dukcapil-standin", daemon=True)
    thread.start()
    return thread
