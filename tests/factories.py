"""Small builders for test data. Each returns a saved object with valid, consistent fields."""

import itertools
from datetime import date

from sikap.accounts.models import Peran, User
from sikap.org.models import Jabatan, JenisJabatan, Opd, UnitKerja
from sikap.people.models import Pegawai, StatusPegawai

_seq = itertools.count(1)


def make_opd(nama: str = "Dinas Pendidikan", kode: str | None = None) -> Opd:
    n = next(_seq)
    opd = Opd.objects.create(kode=kode or f"OPD{n:03d}", nama=nama)
    UnitKerja.objects.create(opd=opd, nama=nama)
    return opd


def root_unit(opd: Opd) -> UnitKerja:
    return opd.units.get(induk=None)


def make_jabatan(
    unit: UnitKerja,
    nama: str = "Pelaksana",
    *,
    kepala: bool = False,
    jenis: str = JenisJabatan.PELAKSANA,
    eselon: str = "",
) -> Jabatan:
    return Jabatan.objects.create(unit=unit, nama=nama, kepala=kepala, jenis=jenis, eselon=eselon)


def nip_for(tanggal_lahir: date, tmt_cpns: date, jenis_kelamin: str = "L", urut: int | None = None):
    """A valid NIP; the sequence cycles through 001–999 (000 is not a valid sequence)."""
    sex = "1" if jenis_kelamin == "L" else "2"
    sequence = ((urut or next(_seq)) - 1) % 999 + 1
    return f"{tanggal_lahir:%Y%m%d}{tmt_cpns:%Y%m}{sex}{sequence:03d}"


def make_pegawai(
    opd: Opd,
    *,
    nama: str = "Budi Santoso",
    jabatan: Jabatan | None = None,
    unit: UnitKerja | None = None,
    jenis_kelamin: str = "L",
    tanggal_lahir: date = date(1980, 5, 17),
    tmt_cpns: date = date(2005, 3, 1),
    status: str = StatusPegawai.PNS,
    **fields,
) -> Pegawai:
    unit = unit or (jabatan.unit if jabatan else root_unit(opd))
    return Pegawai.objects.create(
        nip=fields.pop("nip", None) or nip_for(tanggal_lahir, tmt_cpns, jenis_kelamin),
        nama=nama,
        tanggal_lahir=tanggal_lahir,
        jenis_kelamin=jenis_kelamin,
        status=status,
        tmt_cpns=tmt_cpns,
        opd=opd,
        unit=unit,
        jabatan=jabatan,
        jenis_jabatan=jabatan.jenis if jabatan else "",
        golongan=fields.pop("golongan", "III/a"),
        **fields,
    )


def make_user(
    username: str,
    peran: str = Peran.PEGAWAI,
    *,
    pegawai: Pegawai | None = None,
    opds=(),
    password: str = "rahasia-sikap-123",
) -> User:
    user = User.objects.create_user(
        username=username, password=password, peran=peran, pegawai=pegawai
    )
    if opds:
        user.opd_scope.set(opds)
    return user
