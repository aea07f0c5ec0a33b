"""Check a pegawai's and their family's data against the population registry.

`cek_pegawai(user, pegawai)` is what "Cek data kependudukan" and the pension file call: it
authorises, logs the read of personal data (`documents.AksesBerkas`), asks `registry()` and
compares (`rules.kependudukan`). It never raises for the registry's sake: a NIK not found or a
registry that cannot be reached comes back as a `HasilCek` that says a manual check (KK/KTP
scans) is needed, so the case goes on.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from sikap.accounts import access
from sikap.documents.access_log import record_registry_lookup
from sikap.dukcapil.client import registry as registry_terpasang
from sikap.dukcapil.contract import (
    JawabanTidakSah,
    NikTidakDitemukan,
    Penduduk,
    Registry,
    RegistryTidakTersedia,
)
from sikap.people.models import AnggotaKeluarga, Pegawai
from sikap.rules import kependudukan
from sikap.rules.kependudukan import Orang, Perbedaan

# Registry relations SIMAK records (relative to the pegawai); parents and in-laws are not.
_PASANGAN_KK = ("kepala", "suami", "istri")


@dataclass(frozen=True)
class HasilCek:
    """`status`: cocok · berbeda · tanpa_nik · tidak_ditemukan · tidak_tersedia · tidak_sah."""

    pegawai: Pegawai
    status: str
    pesan: str = ""  # why a manual check is needed, for the reader
    penduduk: Penduduk | None = None
    perbedaan: list[Perbedaan] = field(default_factory=list)

    @property
    def perlu_cek_manual(self) -> bool:
        return self.status not in ("cocok", "berbeda")

    @property
    def meninggal(self) -> bool:
        return self.penduduk is not None and self.penduduk.meninggal


def _orang(x, **more) -> Orang:
    """A person as `rules.kependudukan` compares them, from a SIMAK or a registry record."""
    return Orang(
        nik=x.nik,
        nama=x.nama,
        tanggal_lahir=x.tanggal_lahir,
        jenis_kelamin=x.jenis_kelamin,
        **more,
    )


def orang_simak(pegawai: Pegawai) -> tuple[Orang, list[Orang]]:
    """The pegawai and their spouse and children as SIMAK records them."""
    diri = _orang(pegawai, status_kawin=pegawai.status_kawin)
    anak = AnggotaKeluarga.Hubungan.ANAK
    keluarga = [
        _orang(a, hubungan=kependudukan.ANAK if a.hubungan == anak else kependudukan.PASANGAN)
        for a in AnggotaKeluarga.objects.filter(pegawai=pegawai).order_by("tanggal_lahir", "pk")
    ]
    return diri, keluarga


def orang_registry(penduduk: Penduduk) -> tuple[Orang, list[Orang]]:
    """The resident and the members of their family card SIMAK would record."""
    diri = _orang(
        penduduk, status_kawin=penduduk.status_kawin, tanggal_kematian=penduduk.tanggal_kematian
    )
    keluarga = [
        _orang(a, hubungan=kependudukan.ANAK if a.hubungan == "anak" else kependudukan.PASANGAN)
        for a in penduduk.anggota_kk
        if a.nik != penduduk.nik and a.hubungan in (*_PASANGAN_KK, "anak")
    ]
    return diri, keluarga


def bandingkan(pegawai: Pegawai, penduduk: Penduduk) -> list[Perbedaan]:
    """SIMAK against an answer already in hand (the pension file keeps the answer it got)."""
    return kependudukan.bandingkan(*orang_simak(pegawai), *orang_registry(penduduk))


def cek_pegawai(
    user, pegawai: Pegawai, *, request=None, registry: Registry | None = None, segar=False
) -> HasilCek:
    """Look the pegawai up and compare. Raises PermissionDenied only; the registry's failures
    come back in the result. `segar`: ask the registry even if an answer is cached."""
    if not access.may_check_kependudukan(user):
        raise PermissionDenied(access.KEPENDUDUKAN_REFUSAL)
    if not access.may_check_kependudukan(user, pegawai):
        raise PermissionDenied(access.KEPENDUDUKAN_OWN_REFUSAL)
    if not pegawai.nik:
        return HasilCek(
            pegawai,
            "tanpa_nik",
            "NIK pegawai belum tercatat di SIMAK: lengkapi NIK atau periksa dengan pindaian "
            "KK/KTP.",
        )
    record_registry_lookup(user, pegawai, request=request)
    try:
        penduduk = (registry or registry_terpasang(segar=segar)).cari_nik(pegawai.nik)
    except NikTidakDitemukan as e:
        return HasilCek(pegawai, "tidak_ditemukan", f"{e.message} Periksa dengan pindaian KK/KTP.")
    except RegistryTidakTersedia as e:
        return HasilCek(pegawai, "tidak_tersedia", f"{e.message} Periksa dengan pindaian KK/KTP.")
    except JawabanTidakSah as e:
        return HasilCek(pegawai, "tidak_sah", f"{e.message} Periksa dengan pindaian KK/KTP.")
    perbedaan = bandingkan(pegawai, penduduk)
    return HasilCek(pegawai, "berbeda" if perbedaan else "cocok", "", penduduk, perbedaan)
