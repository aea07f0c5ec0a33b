"""The check-in decision: one attempt and what the server knows about that moment in, a
decision out — accepted, or the first reason it is refused, as a code with an Indonesian message.

The server's clock decides; the client's time only serves to refuse a phone whose clock runs far
ahead (a replay prepared in advance, a tampered clock).
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sikap.rules.formatting import angka
from sikap.rules.geofence import Lingkaran, Terdekat, koordinat_sah, terdekat


class Alasan(StrEnum):
    DITERIMA = "diterima"
    KOORDINAT_TIDAK_SAH = "koordinat_tidak_sah"
    AKURASI_RENDAH = "akurasi_rendah"
    LOKASI_PALSU = "lokasi_palsu"
    WAKTU_PONSEL_TIDAK_WAJAR = "waktu_ponsel_tidak_wajar"
    PERANGKAT_BELUM_TERDAFTAR = "perangkat_belum_terdaftar"
    SEDANG_TIDAK_HADIR = "sedang_tidak_hadir"
    BUKAN_HARI_KERJA = "bukan_hari_kerja"
    LUAR_JAM_KERJA = "luar_jam_kerja"
    TIDAK_ADA_LOKASI = "tidak_ada_lokasi"
    LUAR_RADIUS = "luar_radius"
    SUDAH_MASUK = "sudah_masuk"
    BELUM_MASUK = "belum_masuk"
    SUDAH_PULANG = "sudah_pulang"
    SWAFOTO_WAJIB = "swafoto_wajib"


LABEL_ALASAN = {
    Alasan.DITERIMA: "Diterima",
    Alasan.KOORDINAT_TIDAK_SAH: "Koordinat tidak sah",
    Alasan.AKURASI_RENDAH: "Akurasi GPS terlalu rendah",
    Alasan.LOKASI_PALSU: "Lokasi palsu (mock)",
    Alasan.WAKTU_PONSEL_TIDAK_WAJAR: "Jam ponsel tidak wajar",
    Alasan.PERANGKAT_BELUM_TERDAFTAR: "Perangkat belum terdaftar",
    Alasan.SEDANG_TIDAK_HADIR: "Sedang cuti/izin",
    Alasan.BUKAN_HARI_KERJA: "Bukan hari kerja",
    Alasan.LUAR_JAM_KERJA: "Di luar jam kerja",
    Alasan.TIDAK_ADA_LOKASI: "Tidak ada lokasi presensi",
    Alasan.LUAR_RADIUS: "Di luar radius",
    Alasan.SUDAH_MASUK: "Sudah presensi masuk",
    Alasan.BELUM_MASUK: "Belum presensi masuk",
    Alasan.SUDAH_PULANG: "Sudah presensi pulang",
    Alasan.SWAFOTO_WAJIB: "Tanpa swafoto (wajib di OPD ini)",
}


class Perangkat(StrEnum):
    TERIKAT = "terikat"  # the pegawai's approved device (or their first, bound now)
    BARU = "baru"  # another device: needs admin approval


@dataclass(frozen=True)
class Percobaan:
    jenis: str  # "masuk" or "pulang"
    lat: float
    lon: float
    akurasi_m: float
    mock: bool
    waktu_ponsel: datetime | None
    swafoto: bool = False  # a checked photo came with the attempt


@dataclass(frozen=True)
class Keadaan:
    """What the server knows at the moment of the attempt."""

    sekarang: datetime
    perangkat: Perangkat
    hari_kerja: bool  # the pegawai has working time around now (schedule or shift)
    dalam_jam_kerja: bool  # …and this attempt falls in its window
    tidak_hadir: str = ""  # approved leave/permission covering the day, in words
    sudah_masuk: datetime | None = None
    sudah_pulang: datetime | None = None
    lokasi: list[Lingkaran] = field(default_factory=list)
    akurasi_maks_m: float = 100
    selisih_jam_maks_detik: int = 300
    swafoto_wajib: bool = False  # the pegawai's OPD requires a selfie with each attempt


@dataclass(frozen=True)
class Keputusan:
    alasan: Alasan
    pesan: str
    nearest: Terdekat | None = None

    @property
    def diterima(self) -> bool:
        return self.alasan == Alasan.DITERIMA


def _m(value: float) -> str:
    return angka(round(value))


def putuskan(p: Percobaan, k: Keadaan) -> Keputusan:
    """The first refusal that applies, in the order a person would fix them, or acceptance.
    A missing selfie comes last: an attempt refused for its place or time says that first."""
    if not koordinat_sah(p.lat, p.lon):
        return Keputusan(Alasan.KOORDINAT_TIDAK_SAH, "Koordinat lokasi tidak sah.")
    if p.mock:
        return Keputusan(
            Alasan.LOKASI_PALSU,
            "Lokasi palsu (aplikasi mock location) terdeteksi; presensi ditolak dan dicatat.",
        )
    if p.akurasi_m > k.akurasi_maks_m:
        return Keputusan(
            Alasan.AKURASI_RENDAH,
            f"Akurasi GPS {_m(p.akurasi_m)} m terlalu rendah (paling besar "
            f"{_m(k.akurasi_maks_m)} m). Pindah ke tempat terbuka lalu coba lagi.",
        )
    if p.waktu_ponsel is not None and (
        (p.waktu_ponsel - k.sekarang).total_seconds() > k.selisih_jam_maks_detik
    ):
        return Keputusan(
            Alasan.WAKTU_PONSEL_TIDAK_WAJAR,
            "Jam ponsel jauh di depan jam server. Atur jam ponsel otomatis lalu coba lagi.",
        )
    if k.perangkat == Perangkat.BARU:
        return Keputusan(
            Alasan.PERANGKAT_BELUM_TERDAFTAR,
            "Perangkat belum terdaftar. Permintaan pendaftaran perangkat ini sudah dikirim ke "
            "admin BKD; gunakan perangkat terdaftar Anda sampai disetujui.",
        )
    if k.tidak_hadir:
        return Keputusan(
            Alasan.SEDANG_TIDAK_HADIR, f"Hari ini Anda tercatat {k.tidak_hadir}; presensi ditolak."
        )
    urutan = _urutan(p.jenis, k)
    if urutan is not None:
        return urutan
    if not k.hari_kerja:
        return Keputusan(Alasan.BUKAN_HARI_KERJA, "Hari ini bukan hari kerja Anda.")
    if not k.dalam_jam_kerja:
        return Keputusan(Alasan.LUAR_JAM_KERJA, "Di luar jam kerja; presensi belum dibuka.")
    nearest = terdekat(p.lat, p.lon, k.lokasi)
    if nearest is None:
        return Keputusan(
            Alasan.TIDAK_ADA_LOKASI,
            "Belum ada lokasi presensi untuk Anda. Hubungi admin BKD.",
        )
    if not nearest.di_dalam:
        return Keputusan(
            Alasan.LUAR_RADIUS,
            f"Di luar radius: {_m(nearest.jarak_m)} m dari {nearest.lokasi.nama} "
            f"(radius {_m(nearest.lokasi.radius_m)} m).",
            nearest,
        )
    if k.swafoto_wajib and not p.swafoto:
        return Keputusan(
            Alasan.SWAFOTO_WAJIB,
            "Swafoto wajib di OPD Anda: ambil foto wajah dengan kamera ponsel, lalu tekan "
            "tombol presensi lagi. Foto hanya menjadi bukti kehadiran, tanpa pencocokan wajah.",
            nearest,
        )
    return Keputusan(Alasan.DITERIMA, _diterima(p.jenis, k.sekarang), nearest)


def _urutan(jenis: str, k: Keadaan) -> Keputusan | None:
    if k.sudah_pulang is not None:
        return Keputusan(
            Alasan.SUDAH_PULANG, f"Anda sudah presensi pulang pukul {k.sudah_pulang:%H.%M}."
        )
    if jenis == "masuk" and k.sudah_masuk is not None:
        return Keputusan(
            Alasan.SUDAH_MASUK, f"Anda sudah presensi masuk pukul {k.sudah_masuk:%H.%M}."
        )
    if jenis == "pulang" and k.sudah_masuk is None:
        return Keputusan(
            Alasan.BELUM_MASUK, "Anda belum presensi masuk hari ini; presensi pulang ditolak."
        )
    return None


def _diterima(jenis: str, saat: datetime) -> str:
    return f"Presensi {jenis} diterima pukul {saat:%H.%M}."
