"""`presensi`: check-in and check-out from a phone (device token) or the web page (session),
and the day as the phone shows it. The server's clock decides; see docs/attendance.md."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import Strict

from sikap.api.errors import galat, responses
from sikap.api.schemas import JamKlien
from sikap.attendance import bukti, selectors, services
from sikap.attendance.models import Presensi
from sikap.core.errors import Kode, SikapError

router = Router(tags=["presensi"])

Angka = Annotated[float, Strict()]
# The base64 of the largest selfie the settings may allow (4 MB); the region's own limit is
# checked on the decoded bytes.
SWAFOTO_BASE64_MAKS = 4 * ((4096 * 1024 + 2) // 3)


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
    swafoto: str | None = Field(
        None,
        max_length=SWAFOTO_BASE64_MAKS,
        description=(
            "swafoto JPEG/PNG dalam base64 standar (tanpa awalan data:), wajib bila "
            "`swafoto_wajib` pada /presensi/hari-ini; diperiksa dari isinya, paling besar "
            "`swafoto_maks_kb`. Hanya bukti kehadiran: tidak ada pencocokan wajah."
        ),
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
    swafoto: bool = Field(..., description="swafoto tersimpan bersama presensi ini")


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
    swafoto_wajib: bool = Field(..., description="OPD Anda mewajibkan swafoto tiap presensi")
    swafoto_maks_kb: int
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
        "swafoto": bool(p.swafoto),
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
        "perangkat_belum_terdaftar, swafoto_wajib, …); percobaan yang ditolak tetap dicatat. "
        "Kunci yang sama dengan isi berbeda: 409 `duplikat`. Swafoto yang bukan JPEG/PNG utuh "
        "atau terlalu besar: 400 `berkas_tidak_valid`, tanpa menyimpan apa pun."
    ),
)
def presensi(request, body: PresensiMasuk):
    fields = body.dict()
    foto = fields.pop("swafoto")
    req = services.Permintaan(
        **fields, swafoto=bukti.swafoto_dari_base64(foto) if foto is not None else None
    )
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
    setting = ctx.konf.pengaturan
    return {
        **found,
        "akurasi_maks_m": setting.akurasi_maks_m,
        "swafoto_maks_kb": setting.swafoto_maks_kb,
    }


def _aware(moment: datetime | None) -> datetime | None:
    return timezone.make_aware(moment) if moment else None
