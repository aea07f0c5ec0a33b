"""What a population-registry lookup returns and how it fails, whatever answers it.

Callers (the pension file, the death-record check) depend on `Registry` only; which
implementation answers is configuration (`registry()` in this package's client module).
"""

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sikap.core.errors import Kode, SikapError


@dataclass(frozen=True)
class AnggotaKK:
    """One member of a family card (kartu keluarga) as the registry lists them."""

    nik: str
    nama: str
    hubungan: str  # as SIKAP names it: kepala, suami, istri, anak, lainnya
    tanggal_lahir: date | None
    jenis_kelamin: str  # "L" / "P"


@dataclass(frozen=True)
class Penduduk:
    """A resident's record, already mapped from the agreement's field names to SIKAP's."""

    nik: str
    nama: str
    tempat_lahir: str
    tanggal_lahir: date | None
    jenis_kelamin: str  # "L" / "P"
    status_kawin: str  # people.StatusKawin values: belum_kawin, kawin, janda, duda
    alamat: str
    no_kk: str
    anggota_kk: tuple[AnggotaKK, ...] = ()
    tanggal_kematian: date | None = None

    @property
    def meninggal(self) -> bool:
        return self.tanggal_kematian is not None


class RegistryError(SikapError):
    """Any failed lookup; subclasses say which kind so a caller can choose what to do next."""


class NikTidakDitemukan(RegistryError):
    # The message is stored on cases and written by batch commands: it names the NIK by its
    # last four digits only, like the client's log lines, never in full.
    def __init__(self, nik: str):
        super().__init__(
            Kode.TIDAK_DITEMUKAN,
            f"NIK berakhiran {nik[-4:]} tidak ditemukan di data kependudukan.",
        )


class RegistryTidakTersedia(RegistryError):
    """Unreachable, timed out, refused our credentials, or its circuit is open: a manual check
    (KK/KTP scans) takes over and the case goes on."""

    def __init__(self, detail: str = ""):
        message = "Layanan data kependudukan (Dukcapil) sedang tidak dapat dihubungi."
        if detail:
            message = f"{message} {detail}"
        super().__init__(Kode.LAYANAN_TIDAK_TERSEDIA, message)


class JawabanTidakSah(RegistryError):
    """The registry answered, but not in the agreed contract (missing or malformed fields)."""

    def __init__(self, detail: str):
        super().__init__(
            Kode.LAYANAN_TIDAK_TERSEDIA,
            f"Jawaban layanan data kependudukan tidak sesuai format yang disepakati: {detail}",
        )


class Registry(Protocol):
    def cari_nik(self, nik: str) -> Penduduk:
        """The resident with this NIK; raises NikTidakDitemukan, RegistryTidakTersedia or
        JawabanTidakSah — never anything else."""
        ...


class NikTidakSah(NikTidakDitemukan):
    """A NIK that cannot exist (not 16 digits, an impossible date): refused before any call.
    A `NikTidakDitemukan`, so a caller handling "not found" handles this too."""

    def __init__(self, nik: str, alasan: str):
        RegistryError.__init__(self, Kode.DATA_TIDAK_VALID, f"NIK tidak sah: {alasan}.")
        self.nik = nik
