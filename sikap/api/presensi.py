"""`presensi`: check-in and check-out from a phone (device token) or the web page (session),
and the day as the phone shows it. The server's clock decides; see docs/attendance.md."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import Strict

from sikap.api.errors import galat, responses
from sikap.api.schemas import JamKlien
from sikap.attendance import selectors, services
from sikap.attendance.models import Presensi
from sikap.core.errors import Kode, SikapError

router = Router(tags=["presensi"])

Angka = Annotated[float, Strict()]


class PresensiMasuk(Schema):
    jenis: Literal["masuk", "pulang"] = Field(..., description="masuk atau pulang")
    latitude: Angka = Field(..., ge=-90, le=90, allow_inf_nan=False, description="lintang WGS84")
    longitude: Angka = Field(..., ge=-180, le=180, allow_inf_nan=False, description="bujur WGS84")
    akurasi_m: Angka = Field(
        ..., ge=0, le=1_000_000, allow_inf_nan=False, description="akurasi GPS dalam meter"
    )
    mock: bool = Field(False, description="true bila ponsel melaporkan lokasi tiruan (mock)")
    device_id: str = Field(
        ...,
        min_length=8,
        max_length=128,
        pattern=r"^[A-Za-z0-9._:-]+$",
        description="ID perangkat yang tetap untuk ponsel ini (huruf, angka, . _ : -)",
    )
    waktu_ponsel: JamKlien | None = Field(
        None, description="jam ponsel saat tombol ditekan, dengan zona waktu (ISO 8601)"
    )
    kunci: str = Field(
        ...,
        min_length=8,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="kunci idempotensi: baru untuk tiap presensi, sama untuk pengulangannya",
    )


class PresensiOut(Schema):
    id: int
    jenis: str
    waktu: datetime
    tanggal: date | None
    diterima: bool
    alasan: str
    pesan: str
    jarak_m: float | None
    lokasi: str


class LokasiOut(Schema):
    nama: str
    latitude: float
    longitude: float
    radius_m: float


class HariIniOut(Schema):
    tanggal: date
    keadaan: str = Field(..., description="Belum masuk / Sudah masuk 07.41 / Sudah pulang …")
    masuk: datetime | None
    pulang: datetime | None
    jam_masuk: datetime | None
    jam_pulang: datetime | None
    berikutnya: str | None = Field(..., description="masuk, pulang, atau null")
    akurasi_maks_m: int
    lokasi: list[LokasiOut]


def _out(p: Presensi) -> dict:
    return {
        "id": p.pk,
        "jenis": p.jenis,
        "waktu": timezone.localtime(p.waktu),
        "tanggal": p.tanggal,
        "diterima": p.diterima,
        "alasan": p.alasan,
        "pesan": p.pesan,
        "jarak_m": round(p.jarak_m, 1) if p.jarak_m is not None else None,
        "lokasi": p.lokasi,
    }


def _via(request) -> str:
    return Presensi.Via.API if hasattr(request.auth, "digest") else Presensi.Via.WEB


@router.post(
    "",
    response={200: PresensiOut, 201: PresensiOut, **responses(400, 401, 404, 409)},
    summary="Presensi masuk atau pulang",
    description=(
        "Diterima: 201. Pengulangan dengan kunci dan isi yang sama: 200 dengan jawaban "
        "pertama, tanpa menyimpan apa pun. Ditolak: 409 dengan `code` alasan penolakan "
        "(luar_radius, akurasi_rendah, lokasi_palsu, luar_jam_kerja, "
        "perangkat_belum_terdaftar, …); percobaan yang ditolak tetap dicatat. Kunci yang "
        "sama dengan isi berbeda: 409 `duplikat`."
    ),
)
def presensi(request, body: PresensiMasuk):
    req = services.Permintaan(**body.dict())
    attempt, created = services.record_presensi(req, actor=request.user, via=_via(request))
    if not attempt.diterima:
        return galat(409, attempt.pesan, code=attempt.alasan)
    return (201 if created else 200), _out(attempt)


@router.get(
    "/hari-ini",
    url_name="presensi_hari_ini",
    response={200: HariIniOut, **responses(401, 404)},
    summary="Keadaan presensi saya hari ini dan lokasi yang diizinkan",
)
def hari_ini(request):
    if not request.user.pegawai_id:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN,
            "Akun ini tidak terhubung dengan data pegawai, jadi tanpa presensi.",
        )
    now = timezone.localtime().replace(tzinfo=None)
    found, ctx = selectors.hari_ini_pegawai(request.user.pegawai_id, now)
    found["lokasi"] = [
        {"nama": t.nama, "latitude": t.lat, "longitude": t.lon, "radius_m": t.radius_m}
        for t in found["lokasi"]
    ]
    found["jam_masuk"] = _aware(found["jam_masuk"])
    found["jam_pulang"] = _aware(found["jam_pulang"])
    return {**found, "akurasi_maks_m": ctx.konf.pengaturan.akurasi_maks_m}


def _aware(moment: datetime | None) -> datetime | None:
    return timezone.make_aware(moment) if moment else None
