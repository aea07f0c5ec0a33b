"""NIK (Dukcapil, 16 digits): PP KK CC DD MM YY NNNN, women's day + 40 (RULES.md §1)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from sikap.rules import RuleError
from sikap.rules.formatting import tanggal
from sikap.rules.nip import JENIS_KELAMIN, jenis_kelamin_label

_FEMALE_DAY_OFFSET = 40


@dataclass(frozen=True)
class Nik:
    nomor: str
    kode_wilayah: str  # province, kabupaten/kota, kecamatan of first registration
    hari: int  # real birth day 1–31 (the +40 for women already removed)
    bulan: int
    tahun_2digit: int  # the century is not in the NIK
    jenis_kelamin: str  # 'L' or 'P'
    urut: int


def parse_nik(nik: str, *, century_hint: int | None = None) -> Nik:
    """Split and validate a NIK; with century_hint (1900, 2000) the birth date must exist."""
    nomor = re.sub(r"\s", "", nik)
    if not re.fullmatch(r"[0-9]{16}", nomor):
        raise RuleError(f"NIK harus 16 digit angka, bukan '{nik}'", field="nik")
    hari_kode, bulan, tahun_2digit, urut = (
        int(nomor[6:8]), int(nomor[8:10]), int(nomor[10:12]), int(nomor[12:])
    )  # fmt: skip
    if 1 <= hari_kode <= 31:
        hari, jenis_kelamin = hari_kode, "L"
    elif 41 <= hari_kode <= 71:
        hari, jenis_kelamin = hari_kode - _FEMALE_DAY_OFFSET, "P"
    else:
        raise RuleError(
            f"Tanggal lahir pada NIK ({nomor[6:8]}) harus 01–31 (laki-laki) atau 41–71 (perempuan)",
            field="nik",
        )
    if not 1 <= bulan <= 12:
        raise RuleError(f"Bulan lahir pada NIK ({nomor[8:10]}) harus 01–12", field="nik")
    # Without a century, 29 Feb must stay possible (2000 is a leap year, 1900 is not).
    year = 2000 if century_hint is None else century_hint + tahun_2digit
    if hari > calendar.monthrange(year, bulan)[1]:
        raise RuleError(
            f"Tanggal lahir pada NIK ({nomor[6:12]}) bukan tanggal yang valid", field="nik"
        )
    if urut == 0:
        raise RuleError("Nomor urut NIK (4 digit terakhir) tidak boleh 0000", field="nik")
    return Nik(nomor, nomor[:6], hari, bulan, tahun_2digit, jenis_kelamin, urut)


def encode_nik_date(tanggal_lahir: date, jenis_kelamin: str) -> str:
    """The DDMMYY part of a NIK for this birth date and sex."""
    jenis_kelamin_label(jenis_kelamin)  # validates 'L'/'P'
    hari = tanggal_lahir.day + (_FEMALE_DAY_OFFSET if jenis_kelamin == "P" else 0)
    return f"{hari:02d}{tanggal_lahir:%m%y}"


def nik_mismatches(nik: Nik, *, tanggal_lahir: date | None, jenis_kelamin: str | None) -> list[str]:
    """Where the known birth date or sex disagrees with the NIK.

    The century comes from the known birth date (take it from the NIP when cross-checking);
    None or "" means unknown.
    """
    problems = []
    if tanggal_lahir and (nik.hari, nik.bulan, nik.tahun_2digit) != (
        tanggal_lahir.day,
        tanggal_lahir.month,
        tanggal_lahir.year % 100,
    ):
        problems.append(
            f"Tanggal lahir pada NIK ({nik.hari:02d}-{nik.bulan:02d}-{nik.tahun_2digit:02d}) "
            f"tidak sesuai dengan tanggal lahir {tanggal(tanggal_lahir)}"
        )
    if jenis_kelamin and jenis_kelamin != nik.jenis_kelamin:
        problems.append(
            f"Jenis kelamin pada NIK ({JENIS_KELAMIN[nik.jenis_kelamin]}) tidak sesuai dengan "
            f"jenis kelamin {jenis_kelamin_label(jenis_kelamin)}"
        )
    return problems
