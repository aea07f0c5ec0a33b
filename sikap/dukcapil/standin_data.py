"""What the local stand-in serves: the SIKAP database's pegawai and their families
(`people.AnggotaKeluarga`) as the registry would hold them, with a few deliberate differences so
that "Cek data kependudukan" and the pension file have something to find.

The differences are chosen by position in NIP order (deterministic for the same data) and listed
in `Sengaja` so that a demo, a test or a person trying SIKAP knows where to look
(`sikap dukcapil standin --daftar`). Every KTP name is in capitals, as on a KTP, and some carry
the pegawai's degree titles: neither is a difference.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sikap.dukcapil.standin import DataPenduduk
from sikap.people.models import AnggotaKeluarga, Pegawai, StatusKawin
from sikap.rules import kedudukan as kedudukan_rule
from sikap.rules.formatting import nama_lengkap

_JK = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}
_STATUS = {
    StatusKawin.BELUM_KAWIN: "BELUM KAWIN",
    StatusKawin.KAWIN: "KAWIN",
    StatusKawin.JANDA: "CERAI MATI",
    StatusKawin.DUDA: "CERAI MATI",
}
_JALAN = ("JL. KYAI ILYAS", "JL. VETERAN", "JL. GAJAH MADA", "JL. AHMAD YANI", "JL. SUKARNO")
_KECAMATAN = ("SUKODONO", "SUMBERSUKO", "TEMPEH", "PASIRIAN", "YOSOWILANGUN", "KEDUNGJAJANG")

# Which pegawai (by index in NIP order) get which difference: spread, a few per hundred.
NAMA, TANGGAL_LAHIR, CERAI, ANAK_PINDAH_KK, EJAAN_ANAK, TIDAK_TERDAFTAR, MENINGGAL = (
    "nama",
    "tanggal_lahir",
    "status_kawin",
    "anak_tidak_di_kk",
    "nama_anak",
    "tidak_terdaftar",
    "meninggal",
)
_SETIAP = {NAMA: (37, 3), TANGGAL_LAHIR: (41, 5), CERAI: (43, 7), ANAK_PINDAH_KK: (47, 11)}
_SETIAP |= {EJAAN_ANAK: (53, 13), TIDAK_TERDAFTAR: (97, 17)}


@dataclass
class Sengaja:
    """The deliberate differences: NIP → what differs."""

    per_nip: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def catat(self, nip: str, jenis: str) -> None:
        self.per_nip[nip].append(jenis)

    def nip_dengan(self, jenis: str) -> list[str]:
        return sorted(nip for nip, semua in self.per_nip.items() if jenis in semua)


def ejaan_lain(nama: str) -> str:
    """The same name as another clerk would spell it: a doubled letter single (MUHAMMAD →
    MUHAMAD), else the old spelling of U (SUKARNO → SOEKARNO), else a final H."""
    huruf = nama.upper()
    for i in range(len(huruf) - 1):
        if huruf[i].isalpha() and huruf[i] == huruf[i + 1]:
            return huruf[:i] + huruf[i + 1 :]
    if "U" in huruf:
        return huruf.replace("U", "OE", 1)
    return f"{huruf}H"


def _pilih(indeks: int, jenis: str) -> bool:
    setiap, sisa = _SETIAP[jenis]
    return indeks % setiap == sisa


def _tgl(d: date | None) -> str | None:
    return d.strftime("%d-%m-%Y") if d else None


def _alamat(indeks: int) -> dict[str, Any]:
    return {
        "ALAMAT": f"{_JALAN[indeks % len(_JALAN)]} NO. {indeks % 120 + 1}",
        "NO_RT": f"{indeks % 12 + 1:03d}",
        "NO_RW": f"{indeks % 5 + 1:03d}",
        "KEL_NAME": "",
        "KEC_NAME": _KECAMATAN[indeks % len(_KECAMATAN)],
        "KAB_NAME": "LUMAJANG",
        "PROP_NAME": "JAWA TIMUR",
    }


def dari_database(*, hari_ini: date | None = None) -> tuple[DataPenduduk, Sengaja]:
    """The registry as the stand-in serves it, built from this database in two queries."""
    hari_ini = hari_ini or date.today()
    keluarga: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for anggota in (
        AnggotaKeluarga.objects.exclude(nik="")
        .order_by("pegawai_id", "tanggal_lahir", "pk")
        .values(
            "pegawai_id",
            "hubungan",
            "nama",
            "nik",
            "tempat_lahir",
            "tanggal_lahir",
            "jenis_kelamin",
        )  # fmt: skip
    ):
        keluarga[anggota["pegawai_id"]].append(anggota)
    data, sengaja = DataPenduduk(), Sengaja()
    meninggal_dipilih = False
    pegawai = (
        Pegawai.objects.exclude(nik="")
        .order_by("nip")
        .values(
            "pk",
            "nip",
            "nik",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "tempat_lahir",
            "tanggal_lahir",
            "jenis_kelamin",
            "status_kawin",
            "kedudukan",
        )  # fmt: skip
    )
    for i, p in enumerate(pegawai):
        if _pilih(i, TIDAK_TERDAFTAR):
            sengaja.catat(p["nip"], TIDAK_TERDAFTAR)
            continue
        nama = p["nama"].upper()
        if i % 5 == 0 and (p["gelar_depan"] or p["gelar_belakang"]):
            nama = nama_lengkap(p["nama"], p["gelar_depan"], p["gelar_belakang"]).upper()
        lahir = p["tanggal_lahir"]
        status = _STATUS.get(p["status_kawin"], "BELUM KAWIN")
        anggota = list(keluarga.get(p["pk"], []))
        if _pilih(i, NAMA):
            nama = ejaan_lain(p["nama"])
            sengaja.catat(p["nip"], NAMA)
        if _pilih(i, TANGGAL_LAHIR):
            lahir = lahir + timedelta(days=1)
            sengaja.catat(p["nip"], TANGGAL_LAHIR)
        pasangan = [a for a in anggota if a["hubungan"] != AnggotaKeluarga.Hubungan.ANAK]
        anak = [a for a in anggota if a["hubungan"] == AnggotaKeluarga.Hubungan.ANAK]
        if _pilih(i, CERAI) and p["status_kawin"] == StatusKawin.KAWIN and pasangan:
            status, pasangan = "CERAI HIDUP", []  # divorced: the spouse has their own KK
            sengaja.catat(p["nip"], CERAI)
        if _pilih(i, ANAK_PINDAH_KK) and len(anak) >= 2:
            anak = anak[1:]  # the eldest married and moved to a KK of their own
            sengaja.catat(p["nip"], ANAK_PINDAH_KK)
        if _pilih(i, EJAAN_ANAK) and anak:
            anak = [{**anak[0], "nama": ejaan_lain(anak[0]["nama"])}, *anak[1:]]
            sengaja.catat(p["nip"], EJAAN_ANAK)
        kematian = None
        if (
            not meninggal_dipilih
            and i % 59 == 19
            and p["kedudukan"] == kedudukan_rule.AKTIF
            and pasangan
            and not sengaja.per_nip.get(p["nip"])
        ):
            # One active pegawai whose death SIMAK has not heard of: the pension module opens
            # a janda/duda case from it.
            kematian, meninggal_dipilih = hari_ini - timedelta(days=10), True
            sengaja.catat(p["nip"], MENINGGAL)
        kepala_istri = p["jenis_kelamin"] == "P" and any(
            a["hubungan"] == AnggotaKeluarga.Hubungan.SUAMI for a in pasangan
        )
        rekaman_pegawai = {
            "NIK": p["nik"],
            "NAMA_LGKP": nama,
            "TMPT_LHR": (p["tempat_lahir"] or "").upper(),
            "TGL_LHR": _tgl(lahir),
            "JENIS_KLMIN": _JK[p["jenis_kelamin"]],
            "STATUS_KAWIN": status,
            "STAT_HBKEL": "ISTRI" if kepala_istri else "KEPALA KELUARGA",
            "TGL_KEMATIAN": _tgl(kematian),
            **_alamat(i),
        }
        rekaman = [rekaman_pegawai]
        for a in pasangan:
            rekaman.append(
                _anggota(a, "KEPALA KELUARGA" if kepala_istri else a["hubungan"].upper(), i)
            )
        rekaman.extend(_anggota(a, "ANAK", i) for a in anak)
        # Same-NIK duplicates (two pegawai married to each other) keep their first card.
        rekaman = [r for r in rekaman if r["NIK"] not in data.penduduk]
        data.tambah_keluarga(f"{p['nik'][:6]}{p['pk']:010d}", rekaman)
    return data, sengaja


def _anggota(a: dict[str, Any], hubungan: str, indeks: int) -> dict[str, Any]:
    return {
        "NIK": a["nik"],
        "NAMA_LGKP": a["nama"].upper(),
        "TMPT_LHR": (a["tempat_lahir"] or "").upper(),
        "TGL_LHR": _tgl(a["tanggal_lahir"]),
        "JENIS_KLMIN": _JK.get(a["jenis_kelamin"], ""),
        "STATUS_KAWIN": "KAWIN" if hubungan != "ANAK" else "BELUM KAWIN",
        "STAT_HBKEL": hubungan,
        "TGL_KEMATIAN": None,
        **_alamat(indeks),
    }
