"""Plain records the generator produces and the loader writes; no Django here.

Records refer to each other by key (OPD kode, unit and jabatan numbers) so the generator never
needs a database id. History rows are dicts of model field values.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass
class OpdData:
    kode: str
    nama: str
    singkatan: str
    alamat: str
    latitude: Decimal
    longitude: Decimal
    radius_m: int = 100


@dataclass
class UnitData:
    key: int
    opd_kode: str
    induk_key: int | None
    nama: str


@dataclass
class JabatanData:
    key: int
    unit_key: int
    nama: str
    jenis: str
    eselon: str = ""
    kelas: int | None = None
    bup: int = 58
    kepala: bool = False


@dataclass(eq=False)
class PersonData:
    """One pegawai: Pegawai field values plus its history rows.

    `riwayat_jabatan` rows carry `jabatan_key`/`unit_key` instead of foreign keys.
    """

    fields: dict
    unit_key: int
    jabatan_key: int
    riwayat_pangkat: list[dict] = field(default_factory=list)
    riwayat_jabatan: list[dict] = field(default_factory=list)
    riwayat_pendidikan: list[dict] = field(default_factory=list)
    riwayat_diklat: list[dict] = field(default_factory=list)
    riwayat_skp: list[dict] = field(default_factory=list)
    riwayat_hukdis: list[dict] = field(default_factory=list)
    riwayat_gaji: list[dict] = field(default_factory=list)
    keluarga: list[dict] = field(default_factory=list)


@dataclass
class TugasTambahanData:
    """A teacher or health worker who leads a unit without a structural head of its own."""

    person: PersonData
    unit_key: int
    jenis: str
    tmt_mulai: date
    sk_nomor: str
    sk_tanggal: date


@dataclass
class StaffAccount:
    username: str
    peran: str
    nama: str
    opd_kode: str | None = None


@dataclass
class DemoData:
    opds: list[OpdData]
    units: list[UnitData]
    jabatan: list[JabatanData]
    people: list[PersonData]
    staff: list[StaffAccount]
    tugas_tambahan: list[TugasTambahanData] = field(default_factory=list)
