"""What the API sends and receives. Field names follow the glossary (nip, golongan, jabatan)."""

from datetime import UTC, date, datetime
from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import AfterValidator, AwareDatetime


def _jam_wajar(value: datetime) -> datetime:
    """Stored in UTC; a year no phone clock shows is not a time."""
    if not 2000 <= value.year <= 2100:
        raise ValueError("tahun tidak wajar")
    return value.astimezone(UTC)


# A time read from the client's own clock (check-in, focus log), with its offset.
JamKlien = Annotated[AwareDatetime, AfterValidator(_jam_wajar)]


class Halaman(PageNumberPagination):
    """Page numbers with bounds, so an absurd page is an empty page, never a database error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=100)

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=100, **kwargs)


class MintaToken(Schema):
    nip: str = Field(..., min_length=1, max_length=150, description="NIP, boleh dengan spasi")
    password: str = Field(..., min_length=1, max_length=4096)
    perangkat: str = Field(..., min_length=1, max_length=100, description="nama perangkat")


class TokenOut(Schema):
    id: int
    perangkat: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime
    revoked_at: datetime | None


class TokenBaru(TokenOut):
    token: str = Field(..., description="rahasia token; hanya ditampilkan sekali")


class PegawaiRingkas(Schema):
    nip: str
    nama: str
    jabatan: str | None


class Profil(Schema):
    nip: str
    nama: str
    nama_lengkap: str
    jenis_kelamin: str
    tempat_lahir: str
    tanggal_lahir: date
    email: str
    no_hp: str
    status: str
    kedudukan: str
    tmt_cpns: date | None
    tmt_pns: date | None
    golongan: str
    tmt_golongan: date | None
    jabatan: str | None
    jenis_jabatan: str
    unit: str
    opd: str
    atasan: PegawaiRingkas | None


class DokumenOut(Schema):
    id: int
    jenis: str
    jenis_kode: str
    versi: int
    aktif: bool
    status: str
    status_label: str
    format: str
    ukuran: int
    uploaded_at: datetime

    @staticmethod
    def resolve_jenis(obj) -> str:
        return obj.jenis.nama

    @staticmethod
    def resolve_jenis_kode(obj) -> str:
        return obj.jenis.kode

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_state_display()


class SuratOut(Schema):
    id: int
    jenis: str
    nomor: str
    tahun: int
    nama_berkas: str
    issued_at: datetime
    sha256: str
    verification_url: str

    @staticmethod
    def resolve_jenis(obj) -> str:
        return obj.jenis.nama


class NotifikasiOut(Schema):
    id: int
    message: str
    url: str
    at: datetime
    read_at: datetime | None


class Jumlah(Schema):
    count: int
