"""`registry()`: the configured population registry — the HTTP client of a Dukcapil-style web
service (`SIKAP_DUKCAPIL_URL`, docs/dukcapil.md), or, with none configured, one that says so.

One lookup = one POST of the NIK (never in a URL, where proxies log it). What is retried: a
connection failure, a timeout, 429 (after its Retry-After) and 502/503/504/500 — safe because a
lookup only reads; what is not: any other 4xx and a malformed answer (the same question gets the
same answer). Failures feed the circuit breaker (`pemutus.py`); answers are cached by a keyed
hash of the NIK; each lookup logs ONE line with a keyed hash of the NIK, never the NIK.
"""

import hashlib
import hmac
import logging
import random
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import httpx
from django.conf import settings
from django.core.cache import BaseCache, cache

from sikap.dukcapil import pemetaan
from sikap.dukcapil.contract import (
    JawabanTidakSah,
    NikTidakDitemukan,
    NikTidakSah,
    Penduduk,
    Registry,
    RegistryError,
    RegistryTidakTersedia,
)
from sikap.dukcapil.pemutus import Pemutus
from sikap.rules import RuleError
from sikap.rules.nik import parse_nik

log = logging.getLogger("sikap.dukcapil")

JALUR = "/nik"  # POST {SIKAP_DUKCAPIL_URL}/nik
_DIULANG = frozenset({429, 500, 502, 503, 504})
# A Retry-After longer than this is not waited for: the lookup fails now, a person is waiting.
_TUNGGU_MAKS = 10.0


@dataclass(frozen=True)
class Setelan:
    url: str
    user: str
    password: str
    ip: str
    timeout: float
    ulang: int
    jeda: float
    batas_gagal: int
    buka_detik: float
    cache_detik: int
    per_menit: int
    pemetaan: pemetaan.Pemetaan

    @classmethod
    def dari_settings(cls) -> "Setelan":
        return cls(
            url=settings.SIKAP_DUKCAPIL_URL,
            user=settings.SIKAP_DUKCAPIL_USER,
            password=settings.SIKAP_DUKCAPIL_PASSWORD,
            ip=settings.SIKAP_DUKCAPIL_IP,
            timeout=settings.SIKAP_DUKCAPIL_TIMEOUT_SECONDS,
            ulang=max(0, settings.SIKAP_DUKCAPIL_RETRIES),
            jeda=max(0.0, settings.SIKAP_DUKCAPIL_BACKOFF_SECONDS),
            batas_gagal=max(1, settings.SIKAP_DUKCAPIL_BREAKER_FAILURES),
            buka_detik=settings.SIKAP_DUKCAPIL_BREAKER_SECONDS,
            cache_detik=max(0, settings.SIKAP_DUKCAPIL_CACHE_SECONDS),
            per_menit=max(0, settings.SIKAP_DUKCAPIL_PER_MINUTE),
            pemetaan=pemetaan_terpasang(),
        )


def pemetaan_terpasang() -> pemetaan.Pemetaan:
    path = settings.SIKAP_DUKCAPIL_MAPPING
    return pemetaan.muat(Path(path) if path else pemetaan.BAWAAN)


def samarkan(nik: str) -> str:
    """A keyed hash of a NIK for log lines and cache keys: the same NIK gives the same tag (one
    can follow a case through the log), yet without SECRET_KEY nobody can test the ~10⁹ NIKs
    of a regency against it, as one could against a plain hash."""
    digest = hmac.new(settings.SECRET_KEY.encode(), nik.encode(), hashlib.sha256).hexdigest()
    return f"h:{digest[:16]}"


def periksa_nik(nik: str) -> str:
    nomor = "".join(str(nik).split())
    try:
        parse_nik(nomor)
    except RuleError as e:
        raise NikTidakSah(nomor, e.message) from None
    return nomor


class TanpaLayanan:
    """No registry configured: every lookup is a manual check, said plainly."""

    def cari_nik(self, nik: str) -> Penduduk:
        periksa_nik(nik)
        log.info("dukcapil cari_nik nik=%s hasil=tidak_dikonfigurasi", samarkan(nik))
        raise RegistryTidakTersedia("Alamat layanan belum dikonfigurasi (SIKAP_DUKCAPIL_URL).")


@lru_cache(maxsize=4)
def _klien(url: str, timeout: float) -> httpx.Client:
    # One pooled client per process and service: connections are reused across lookups.
    return httpx.Client(base_url=url, timeout=httpx.Timeout(timeout), follow_redirects=False)


class HttpRegistry:
    def __init__(
        self,
        setelan: Setelan,
        *,
        cache: BaseCache = cache,
        klien: httpx.Client | None = None,
        tidur=time.sleep,
        segar: bool = False,
    ):
        self.setelan = setelan
        # `segar`: ask the registry even when an answer is cached (a person pressed "Cek").
        self.segar = segar
        self.cache = cache
        self.klien = klien or _klien(setelan.url, setelan.timeout)
        self.tidur = tidur
        self.pemutus = Pemutus(
            cache,
            batas_gagal=setelan.batas_gagal,
            buka_detik=setelan.buka_detik,
            uji_detik=setelan.timeout * (setelan.ulang + 1),
        )

    def cari_nik(self, nik: str) -> Penduduk:
        nik = periksa_nik(nik)
        tag = samarkan(nik)
        kunci = f"dukcapil:nik:{tag}"
        mulai = time.perf_counter()
        simpanan = None
        if self.setelan.cache_detik and not self.segar:
            simpanan = self.cache.get(kunci)
        if simpanan is not None:
            self._log(tag, "ditemukan", _Jejak(), mulai, cache="kena")
            return simpanan
        if not self._dalam_kuota():
            self._log(tag, "kuota_sikap", _Jejak(), mulai, level=logging.WARNING)
            raise RegistryTidakTersedia(
                f"SIKAP sudah memakai kuota {self.setelan.per_menit} pencarian per menit "
                "(SIKAP_DUKCAPIL_PER_MINUTE); coba lagi sebentar lagi."
            )
        if not self.pemutus.izinkan():
            self._log(tag, "sirkuit_terbuka", _Jejak(), mulai, level=logging.WARNING)
            raise RegistryTidakTersedia(
                "Sambungan dihentikan sementara setelah beberapa kegagalan berturut-turut; "
                "coba lagi beberapa saat lagi."
            )
        jejak = _Jejak()
        try:
            penduduk = self._baca(self._kirim(nik, jejak), nik)
        except RegistryTidakTersedia:
            self.pemutus.gagal()
            self._log(tag, "tidak_tersedia", jejak, mulai, level=logging.WARNING)
            raise
        except NikTidakDitemukan:
            self.pemutus.berhasil()
            self._log(tag, "tidak_ditemukan", jejak, mulai)
            raise
        except JawabanTidakSah:
            self._log(tag, "jawaban_tidak_sah", jejak, mulai, level=logging.WARNING)
            raise
        self.pemutus.berhasil()
        if self.setelan.cache_detik:
            self.cache.set(kunci, penduduk, timeout=self.setelan.cache_detik)
        self._log(tag, "ditemukan", jejak, mulai)
        return penduduk

    def _dalam_kuota(self) -> bool:
        """SIKAP's own limit, below the agreement's: all processes together (through the
        cache) make at most `per_menit` lookups a minute, so a batch job cannot use up the
        quota a verifier needs. Cached answers do not count."""
        if not self.setelan.per_menit:
            return True
        kunci = f"dukcapil:kuota:{int(time.time() // 60)}"
        self.cache.add(kunci, 0, timeout=120)
        try:
            return self.cache.incr(kunci) <= self.setelan.per_menit
        except ValueError:  # expired between add and incr: a new minute
            return True

    def _kirim(self, nik: str, jejak: "_Jejak") -> httpx.Response:
        s = self.setelan
        body = s.pemetaan.body(nik, user=s.user, password=s.password, ip=s.ip)
        while True:
            jejak.percobaan += 1
            tunggu = s.jeda * 2 ** (jejak.percobaan - 1) * (1 + random.random() / 4)  # noqa: S311
            try:
                jawaban = self.klien.post(JALUR, json=body)
            except httpx.TimeoutException:
                jejak.status, masalah = "timeout", "Tidak ada jawaban dalam batas waktu."
            except httpx.TransportError:
                jejak.status, masalah = "putus", "Sambungan gagal."
            else:
                jejak.status = str(jawaban.status_code)
                if jawaban.status_code not in _DIULANG:
                    return jawaban
                masalah = f"Layanan menjawab HTTP {jawaban.status_code}."
                if jawaban.status_code == 429:
                    masalah = "Batas jumlah permintaan ke layanan terlampaui."
                    tunggu = max(tunggu, _retry_after(jawaban))
            if jejak.percobaan > s.ulang or tunggu > _TUNGGU_MAKS:
                raise RegistryTidakTersedia(masalah)
            self.tidur(tunggu)

    def _baca(self, jawaban: httpx.Response, nik: str) -> Penduduk:
        status = jawaban.status_code
        if status in (401, 403):
            raise RegistryTidakTersedia("Layanan menolak kredensial SIKAP; hubungi admin sistem.")
        if status == 404:
            raise NikTidakDitemukan(nik)
        if status != 200:
            raise RegistryTidakTersedia(f"Layanan menjawab HTTP {status}.")
        try:
            isi = jawaban.json()
        except ValueError:
            raise JawabanTidakSah("bukan JSON") from None
        penduduk = self.setelan.pemetaan.baca(isi, nik)
        if penduduk.nik != nik:
            raise JawabanTidakSah("NIK dalam jawaban tidak sama dengan yang ditanyakan")
        return penduduk

    def _log(self, tag, hasil, jejak, mulai, *, cache="lewat", level=logging.INFO):
        log.log(
            level,
            "dukcapil cari_nik nik=%s hasil=%s status=%s percobaan=%d latensi_ms=%d cache=%s",
            tag,
            hasil,
            jejak.status,
            jejak.percobaan,
            round((time.perf_counter() - mulai) * 1000),
            cache,
        )


@dataclass
class _Jejak:
    """What the log line says of the attempts: the last HTTP status (or timeout/putus)."""

    status: str = "-"
    percobaan: int = 0


def _retry_after(jawaban: httpx.Response) -> float:
    try:
        return max(0.0, float(jawaban.headers.get("Retry-After", "0")))
    except ValueError:
        return _TUNGGU_MAKS + 1  # an HTTP date: too long to wait for a person


def registry(*, segar: bool = False) -> Registry:
    """The configured implementation; read per call so a changed setting takes effect.
    `segar`: skip cached answers (the fresh answer is cached again)."""
    setelan = Setelan.dari_settings()
    if not setelan.url:
        return TanpaLayanan()
    return HttpRegistry(setelan, segar=segar)


__all__ = ["HttpRegistry", "NikTidakSah", "RegistryError", "TanpaLayanan", "registry"]
