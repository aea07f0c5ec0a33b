"""The agreement's field names ↔ SIKAP's `Penduduk`: configuration, since each regency's
agreement with Dukcapil names its fields differently (docs/dukcapil.md, "Pemetaan").

`muat(path)` reads and validates a mapping file once (a mistake stops SIKAP at start with the
file, the key and what is wrong); `Pemetaan.baca(jawaban)` turns one answer into a `Penduduk`
or raises the contract's errors — never a KeyError from somewhere deep.
"""

import json
import re
import string
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from sikap.dukcapil.contract import AnggotaKK, JawabanTidakSah, NikTidakDitemukan, Penduduk

BAWAAN = Path(__file__).with_name("pemetaan_bawaan.json")

_NAMA_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WAJIB_PENDUDUK = ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "status_kawin", "no_kk")
_BOLEH_PENDUDUK = (
    *_WAJIB_PENDUDUK,
    "tempat_lahir",
    "alamat",
    "tanggal_kematian",
    "anggota_kk",
)
_WAJIB_ANGGOTA = ("nik", "nama", "hubungan")
_BOLEH_ANGGOTA = (*_WAJIB_ANGGOTA, "tanggal_lahir", "jenis_kelamin")
# Text fields that may be a template of several agreement fields ("{ALAMAT} RT {NO_RT}").
_TEMPLAT = ("nama", "tempat_lahir", "alamat")
_PERMINTAAN = ("nik", "user", "password", "ip")
_NILAI = {
    "jenis_kelamin": {"L", "P"},
    # "cerai" becomes janda or duda by the resident's sex.
    "status_kawin": {"belum_kawin", "kawin", "janda", "duda", "cerai"},
    "hubungan": {"kepala", "suami", "istri", "anak", "lainnya"},
}


class PemetaanTidakSah(ImproperlyConfigured):
    def __init__(self, path: Path, masalah: str):
        super().__init__(
            f"Pemetaan Dukcapil {path} (SIKAP_DUKCAPIL_MAPPING) tidak sah: {masalah}. "
            "Lihat docs/dukcapil.md bagian Pemetaan."
        )


@dataclass(frozen=True)
class Pemetaan:
    permintaan: dict[str, str]
    wadah: str
    respon: str
    format_tanggal: str
    penduduk: dict[str, str]
    anggota: dict[str, str]
    nilai: dict[str, dict[str, str]]

    def body(self, nik: str, *, user: str, password: str, ip: str) -> dict[str, str]:
        isi = {"nik": nik, "user": user, "password": password, "ip": ip}
        return {self.permintaan[k]: v for k, v in isi.items()}

    def baca(self, jawaban: Any, nik: str) -> Penduduk:
        """The one record of an answer; NikTidakDitemukan when the answer says so."""
        rekaman = self._rekaman(jawaban, nik)
        jk = self._nilai("jenis_kelamin", self._wajib(rekaman, self.penduduk, "jenis_kelamin"))
        status = self._nilai("status_kawin", self._wajib(rekaman, self.penduduk, "status_kawin"))
        if status == "cerai":
            status = "janda" if jk == "P" else "duda"
        anggota_field = self.penduduk.get("anggota_kk")
        anggota_raw = rekaman.get(anggota_field, []) if anggota_field else []
        if not isinstance(anggota_raw, list):
            raise JawabanTidakSah(f"'{anggota_field}' harus daftar")
        return Penduduk(
            nik=self._nik(self._wajib(rekaman, self.penduduk, "nik")),
            nama=self._wajib(rekaman, self.penduduk, "nama"),
            tempat_lahir=self._ambil(rekaman, self.penduduk, "tempat_lahir"),
            tanggal_lahir=self._tanggal(rekaman, self.penduduk, "tanggal_lahir", wajib=True),
            jenis_kelamin=jk,
            status_kawin=status,
            alamat=self._ambil(rekaman, self.penduduk, "alamat"),
            no_kk=self._wajib(rekaman, self.penduduk, "no_kk"),
            anggota_kk=tuple(self._anggota(a) for a in anggota_raw),
            tanggal_kematian=self._tanggal(rekaman, self.penduduk, "tanggal_kematian"),
        )

    # --- parts ----------------------------------------------------------------------------

    def _rekaman(self, jawaban: Any, nik: str) -> dict[str, Any]:
        if isinstance(jawaban, dict) and self._respon(jawaban):
            raise NikTidakDitemukan(nik)
        isi = jawaban.get(self.wadah) if self.wadah and isinstance(jawaban, dict) else jawaban
        if isinstance(isi, list):
            if not isi:
                raise NikTidakDitemukan(nik)
            isi = isi[0]
        if not isinstance(isi, dict):
            raise JawabanTidakSah(f"'{self.wadah or 'jawaban'}' bukan rekaman penduduk")
        if self._respon(isi):
            # Dukcapil's web services answer "not found" as a record holding only a message.
            raise NikTidakDitemukan(nik)
        return isi

    def _respon(self, rekaman: dict[str, Any]) -> bool:
        return bool(self.respon) and self.respon in rekaman and self.penduduk["nik"] not in rekaman

    def _anggota(self, rekaman: Any) -> AnggotaKK:
        if not isinstance(rekaman, dict):
            raise JawabanTidakSah("anggota kartu keluarga bukan rekaman")
        jk_field = self.anggota.get("jenis_kelamin")
        jk = rekaman.get(jk_field) if jk_field else None
        return AnggotaKK(
            nik=self._nik(self._wajib(rekaman, self.anggota, "nik")),
            nama=self._wajib(rekaman, self.anggota, "nama"),
            hubungan=self._nilai("hubungan", self._wajib(rekaman, self.anggota, "hubungan")),
            tanggal_lahir=self._tanggal(rekaman, self.anggota, "tanggal_lahir"),
            jenis_kelamin=self._nilai("jenis_kelamin", str(jk)) if jk else "",
        )

    def _ambil(self, rekaman: dict[str, Any], peta: dict[str, str], kunci: str) -> str:
        sumber = peta.get(kunci)
        if not sumber:
            return ""
        if "{" in sumber:
            isi = {n: _str(rekaman.get(n)) for n in _fields(sumber)}
            teks = sumber.format_map(isi)
            # An empty RT or district leaves "RT /RW" or ", ," behind: tidy, don't invent.
            teks = re.sub(r"\bRT\s*/RW\s*", "", teks)
            teks = re.sub(r"(\s*,\s*)+", ", ", teks)
            return " ".join(teks.split()).strip(" ,")
        nilai = rekaman.get(sumber)
        if nilai is not None and not isinstance(nilai, str | int):
            raise JawabanTidakSah(f"'{sumber}' bukan teks")
        return _str(nilai)

    def _wajib(self, rekaman: dict[str, Any], peta: dict[str, str], kunci: str) -> str:
        nilai = self._ambil(rekaman, peta, kunci)
        if not nilai:
            raise JawabanTidakSah(f"'{peta[kunci]}' kosong atau tidak ada")
        return nilai

    def _nik(self, nilai: str) -> str:
        if not re.fullmatch(r"[0-9]{16}", nilai):
            raise JawabanTidakSah("NIK dalam jawaban bukan 16 digit")
        return nilai

    def _tanggal(
        self, rekaman: dict[str, Any], peta: dict[str, str], kunci: str, *, wajib: bool = False
    ) -> date | None:
        teks = self._wajib(rekaman, peta, kunci) if wajib else self._ambil(rekaman, peta, kunci)
        if not teks:
            return None
        try:
            return datetime.strptime(teks, self.format_tanggal).date()
        except ValueError:
            raise JawabanTidakSah(
                f"'{peta[kunci]}' bukan tanggal dengan format {self.format_tanggal}"
            ) from None

    def _nilai(self, jenis: str, teks: str) -> str:
        peta = self.nilai[jenis]
        nilai = peta.get(teks.strip().upper(), peta.get("*"))
        if nilai is None:
            raise JawabanTidakSah(f"nilai {jenis} tidak dikenal")
        return nilai


def _str(nilai: Any) -> str:
    return "" if nilai is None else str(nilai).strip()


def _fields(templat: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(templat) if name is not None]


@lru_cache(maxsize=8)
def muat(path: Path = BAWAAN) -> Pemetaan:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise PemetaanTidakSah(path, f"berkas tidak dapat dibaca ({e.strerror})") from None
    except ValueError as e:
        raise PemetaanTidakSah(path, f"bukan JSON yang sah ({e})") from None
    if not isinstance(data, dict):
        raise PemetaanTidakSah(path, "isinya harus objek JSON")
    return Pemetaan(
        permintaan=_peta(path, data, "permintaan", _PERMINTAAN, _PERMINTAAN),
        wadah=_teks_opsional(path, data, "wadah"),
        respon=_teks_opsional(path, data, "respon"),
        format_tanggal=_format_tanggal(path, data),
        penduduk=_peta(path, data, "penduduk", _WAJIB_PENDUDUK, _BOLEH_PENDUDUK),
        anggota=_peta(path, data, "anggota", _WAJIB_ANGGOTA, _BOLEH_ANGGOTA),
        nilai=_nilai_valid(path, data),
    )


def _peta(
    path: Path, data: dict, bagian: str, wajib: tuple[str, ...], boleh: tuple[str, ...]
) -> dict[str, str]:
    peta = data.get(bagian)
    if not isinstance(peta, dict):
        raise PemetaanTidakSah(path, f"bagian '{bagian}' tidak ada atau bukan objek")
    if kurang := [k for k in wajib if not peta.get(k)]:
        raise PemetaanTidakSah(path, f"'{bagian}' belum memetakan {', '.join(kurang)}")
    if asing := sorted(set(peta) - set(boleh)):
        raise PemetaanTidakSah(
            path, f"'{bagian}' memuat kunci yang tidak dikenal: {', '.join(asing)}"
        )
    for kunci, sumber in peta.items():
        if not isinstance(sumber, str):
            raise PemetaanTidakSah(path, f"'{bagian}.{kunci}' harus teks")
        try:
            templat = bagian != "permintaan" and kunci in _TEMPLAT and "{" in sumber
            nama = _fields(sumber) if templat else [sumber]
        except ValueError:
            nama = []
        if not nama or not all(_NAMA_FIELD.match(n) for n in nama):
            raise PemetaanTidakSah(
                path, f"'{bagian}.{kunci}': '{sumber}' bukan nama field yang sah"
            )
    return dict(peta)


def _teks_opsional(path: Path, data: dict, kunci: str) -> str:
    nilai = data.get(kunci, "")
    if not isinstance(nilai, str) or (nilai and not _NAMA_FIELD.match(nilai)):
        raise PemetaanTidakSah(path, f"'{kunci}' harus nama field (atau kosong)")
    return nilai


def _format_tanggal(path: Path, data: dict) -> str:
    fmt = data.get("format_tanggal", "%Y-%m-%d")
    contoh = date(1987, 11, 23)
    try:
        ok = isinstance(fmt, str) and datetime.strptime(contoh.strftime(fmt), fmt).date() == contoh
    except ValueError:
        ok = False
    if not ok:
        raise PemetaanTidakSah(
            path, f"'format_tanggal' {fmt!r} tidak memuat hari, bulan dan tahun (mis. %d-%m-%Y)"
        )
    return fmt


def _nilai_valid(path: Path, data: dict) -> dict[str, dict[str, str]]:
    semua = data.get("nilai")
    if not isinstance(semua, dict):
        raise PemetaanTidakSah(path, "bagian 'nilai' tidak ada atau bukan objek")
    hasil = {}
    for jenis, sah in _NILAI.items():
        peta = semua.get(jenis)
        if not isinstance(peta, dict) or not peta:
            raise PemetaanTidakSah(path, f"'nilai.{jenis}' tidak ada atau kosong")
        if salah := sorted({str(v) for v in peta.values()} - sah):
            raise PemetaanTidakSah(
                path,
                f"'nilai.{jenis}' memakai {', '.join(salah)}; yang sah: {', '.join(sorted(sah))}",
            )
        hasil[jenis] = {str(k).strip().upper(): v for k, v in peta.items()}
    return hasil
