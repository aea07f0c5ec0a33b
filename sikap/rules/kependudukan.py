"""SIMAK data against the population registry: the differences a verifier has to look at.

Both sides are handed in as plain `Orang` values (the caller maps `people.Pegawai`,
`people.AnggotaKeluarga` and the registry's `Penduduk`). Names are compared after
normalisation — case, spacing, punctuation and degree titles do not count — so that what is
reported is a real difference of letters (MUHAMMAD / MUHAMAD), never a capital letter or a
"Drs." that the KTP carries and SIMAK keeps in its own field.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sikap.rules.formatting import tanggal

# Relations as SIMAK names them, relative to the pegawai.
PASANGAN = "pasangan"
ANAK = "anak"

_STATUS_KAWIN = {
    "belum_kawin": "Belum Kawin",
    "kawin": "Kawin",
    "janda": "Janda",
    "duda": "Duda",
}
_JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}

# Titles written before a name (with or without the dot). Titles after a name follow a comma
# on a KTP ("AHMAD, S.PD., M.SI.") or are dotted abbreviations; both are dropped.
_GELAR_DEPAN = frozenset("H HJ HAJI HAJJAH DR DRS DRA IR PROF KH NY TN SDR SDRI".split())
# "S.PD.", "M.SI", "A.MD.": letters, a dot, more letters. A lone initial ("M. NUR") stays.
_GELAR_BELAKANG = re.compile(r"^[A-Z]{1,4}\.(?:[A-Z]{1,4}\.?)+$")


class Jenis(StrEnum):
    NAMA = "nama"
    TANGGAL_LAHIR = "tanggal_lahir"
    JENIS_KELAMIN = "jenis_kelamin"
    STATUS_KAWIN = "status_kawin"
    MENINGGAL = "meninggal"
    TIDAK_DI_REGISTRY = "tidak_di_registry"
    TIDAK_DI_SIMAK = "tidak_di_simak"


_LABEL = {
    Jenis.NAMA: "Ejaan nama",
    Jenis.TANGGAL_LAHIR: "Tanggal lahir",
    Jenis.JENIS_KELAMIN: "Jenis kelamin",
    Jenis.STATUS_KAWIN: "Status perkawinan",
    Jenis.MENINGGAL: "Data kematian",
    Jenis.TIDAK_DI_REGISTRY: "Tidak ada di KK",
    Jenis.TIDAK_DI_SIMAK: "Tidak tercatat di SIMAK",
}


@dataclass(frozen=True)
class Orang:
    """One person as one source records them; "" / None where that source does not know."""

    nik: str
    nama: str
    tanggal_lahir: date | None = None
    jenis_kelamin: str = ""
    status_kawin: str = ""  # compared for the pegawai only
    hubungan: str = ""  # PASANGAN / ANAK for a family member, "" for the pegawai
    tanggal_kematian: date | None = None


@dataclass(frozen=True)
class Perbedaan:
    jenis: Jenis
    siapa: str  # "Pegawai", "Pasangan: SITI AMINAH", "Anak: …"
    nik: str
    simak: str  # the value as SIMAK has it, in words ("—" when absent)
    registry: str  # the value as the registry has it
    keterangan: str  # one Indonesian sentence for the verifier

    @property
    def label(self) -> str:
        return _LABEL[self.jenis]


def normalkan_nama(nama: str) -> str:
    """Upper case, titles and punctuation removed, single spaces: the letters that must match."""
    teks = re.sub(r"[^A-Z0-9. ]", "", nama.upper().split(",")[0])
    kata = [k for k in teks.split() if k.strip(".")]
    # A name is never only titles: the last word stays (and normalising twice changes nothing).
    while len(kata) > 1 and kata[0].rstrip(".") in _GELAR_DEPAN:
        kata.pop(0)
    kata = [k for k in kata if not _GELAR_BELAKANG.match(k)] or kata[:1]
    return " ".join(k.replace(".", "") for k in kata)


def _teks(nilai: str | date | None, label: dict[str, str] | None = None) -> str:
    if nilai is None or nilai == "":
        return "—"
    if isinstance(nilai, date):
        return tanggal(nilai)
    return label.get(nilai, nilai) if label else nilai


def _siapa(orang: Orang) -> str:
    if not orang.hubungan:
        return "Pegawai"
    return f"{'Pasangan' if orang.hubungan == PASANGAN else 'Anak'}: {orang.nama}"


def _bandingkan_orang(simak: Orang, registry: Orang) -> list[Perbedaan]:
    siapa = _siapa(simak)
    beda: list[Perbedaan] = []

    def catat(jenis: Jenis, a: str, b: str, keterangan: str) -> None:
        beda.append(Perbedaan(jenis, siapa, simak.nik or registry.nik, a, b, keterangan))

    if normalkan_nama(simak.nama) != normalkan_nama(registry.nama):
        catat(
            Jenis.NAMA,
            simak.nama,
            registry.nama,
            "Ejaan nama berbeda dengan data kependudukan.",
        )
    if (
        simak.tanggal_lahir
        and registry.tanggal_lahir
        and simak.tanggal_lahir != registry.tanggal_lahir
    ):
        catat(
            Jenis.TANGGAL_LAHIR,
            _teks(simak.tanggal_lahir),
            _teks(registry.tanggal_lahir),
            "Tanggal lahir berbeda dengan data kependudukan.",
        )
    if (
        simak.jenis_kelamin
        and registry.jenis_kelamin
        and simak.jenis_kelamin != registry.jenis_kelamin
    ):
        catat(
            Jenis.JENIS_KELAMIN,
            _teks(simak.jenis_kelamin, _JENIS_KELAMIN),
            _teks(registry.jenis_kelamin, _JENIS_KELAMIN),
            "Jenis kelamin berbeda dengan data kependudukan.",
        )
    if (
        not simak.hubungan
        and simak.status_kawin
        and registry.status_kawin
        and simak.status_kawin != registry.status_kawin
    ):
        catat(
            Jenis.STATUS_KAWIN,
            _teks(simak.status_kawin, _STATUS_KAWIN),
            _teks(registry.status_kawin, _STATUS_KAWIN),
            "Status perkawinan berbeda dengan data kependudukan.",
        )
    if registry.tanggal_kematian and not simak.tanggal_kematian:
        wafat = tanggal(registry.tanggal_kematian)
        catat(
            Jenis.MENINGGAL,
            "Hidup",
            f"Meninggal {wafat}",
            f"Data kependudukan mencatat meninggal dunia pada {wafat}.",
        )
    return beda


def _kunci_nama(orang: Orang) -> tuple[str, date | None]:
    return normalkan_nama(orang.nama), orang.tanggal_lahir


def bandingkan(
    pegawai: Orang,
    keluarga: Sequence[Orang],
    registry_pegawai: Orang,
    registry_keluarga: Sequence[Orang],
) -> list[Perbedaan]:
    """Every difference between SIMAK (`pegawai`, `keluarga`) and the registry.

    Family members are paired by NIK, then — for a member whose NIK either side lacks or
    mistyped — by normalised name and birth date; a member left unpaired is missing on the other
    side. Registry members other than the spouse and children (parents, in-laws) are not SIMAK's
    to record and are left out by the caller.
    """
    beda = _bandingkan_orang(pegawai, registry_pegawai)
    sisa = [r for r in registry_keluarga if r.nik != pegawai.nik]
    tak_berpasangan: list[Orang] = []
    for anggota in keluarga:
        pasangan = next((r for r in sisa if anggota.nik and r.nik == anggota.nik), None)
        if pasangan is None:
            pasangan = next((r for r in sisa if _kunci_nama(r) == _kunci_nama(anggota)), None)
        if pasangan is None:
            tak_berpasangan.append(anggota)
            continue
        sisa.remove(pasangan)
        beda.extend(_bandingkan_orang(anggota, pasangan))
    for anggota in tak_berpasangan:
        beda.append(
            Perbedaan(
                Jenis.TIDAK_DI_REGISTRY,
                _siapa(anggota),
                anggota.nik,
                anggota.nama,
                "—",
                "Tercatat di SIMAK tetapi tidak ada di kartu keluarga pada data kependudukan.",
            )
        )
    for anggota in sisa:
        beda.append(
            Perbedaan(
                Jenis.TIDAK_DI_SIMAK,
                _siapa(anggota),
                anggota.nik,
                "—",
                anggota.nama,
                "Ada di kartu keluarga pada data kependudukan tetapi tidak tercatat di SIMAK.",
            )
        )
    return beda
