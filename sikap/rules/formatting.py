"""Indonesian display forms: dates, rupiah, numbers, terbilang, names with academic titles."""

import re
from datetime import date
from decimal import Decimal

from num2words import num2words

from sikap.rules import RuleError
from sikap.rules.rounding import bulatkan

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

# num2words writes 1,001,000 as "satu juta satu ribu"; Indonesian says "satu juta seribu".
# Only a thousands group of exactly one follows a scale word ("dua puluh satu ribu" is right).
_SATU_RIBU = re.compile(r"\b(juta|miliar|\w+liun) satu ribu\b")


def tanggal(d: date) -> str:
    """'10 Juli 1966' — the form used in SKs and letters."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def tanggal_pendek(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def _decimal(value: int | Decimal | float) -> Decimal:
    # str() keeps a float's shortest form (0.1, not 0.1000000000000000055…)
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def _number(value: Decimal, desimal: int) -> str:
    q = bulatkan(value, desimal)
    sign = "-" if q < 0 else ""  # no "-0,00" after rounding
    us = f"{abs(q):,.{desimal}f}"  # 7,182,204,967.00
    return sign + us.translate(str.maketrans(",.", ".,"))


def rupiah(amount: int | Decimal, *, sen: bool = True) -> str:
    """'Rp7.182.204.967,00'; negative as '-Rp1.000,00'; sen=False drops the cents."""
    text = _number(_decimal(amount), 2 if sen else 0)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def angka(value: int | Decimal | float, desimal: int = 2) -> str:
    """'5.508' for integers, '12,38' otherwise (half-up)."""
    if isinstance(value, int):
        desimal = 0
    return _number(_decimal(value), desimal)


def ukuran_berkas(n: int) -> str:
    """A size in bytes as people read it: '4,8 MB' from one megabyte up, else '12 KB'."""
    if n >= 1024 * 1024:
        return f"{angka(n / (1024 * 1024), 1)} MB"
    return f"{angka(max(1, round(n / 1024)))} KB"


def angka_ringkas(value: int | Decimal, desimal: int | None = None) -> str:
    """A figure without trailing zeros, rounded (half-up) to `desimal` places first when given:
    '5.508', '22,5', '94', '95,78'."""
    q = _decimal(value) if desimal is None else bulatkan(_decimal(value), desimal)
    if q == q.to_integral_value():
        return _number(q, 0)
    exponent = q.normalize().as_tuple().exponent
    return _number(q, -exponent if isinstance(exponent, int) else 0)


def persen(value: int | Decimal | float, desimal: int = 2) -> str:
    """`value` is already a percentage: persen(98.714) -> '98,71 %'."""
    return f"{_number(_decimal(value), desimal)} %"


def terbilang(n: int | Decimal) -> str:
    """Whole number in Indonesian words, lower case: 1500 -> 'seribu lima ratus'."""
    value = _decimal(n)
    if value != value.to_integral_value():
        raise RuleError(f"Terbilang hanya untuk bilangan bulat, bukan {angka(value)}")
    if value < 0:
        return "minus " + terbilang(-value)
    return _SATU_RIBU.sub(r"\1 seribu", num2words(int(value), lang="id"))


def terbilang_rupiah(amount: int | Decimal) -> str:
    """'dua juta … rupiah', with '… sen' only when there are cents."""
    value = bulatkan(_decimal(amount), 2)
    if value < 0:
        return "minus " + terbilang_rupiah(-value)
    whole, cents = divmod(value, 1)
    words = f"{terbilang(whole)} rupiah"
    return f"{words} {terbilang(cents * 100)} sen" if cents else words


def nama_lengkap(
    nama: str, gelar_depan: str | None = None, gelar_belakang: str | None = None
) -> str:
    """'Dr. AKHMAD TAUFIK HIDAYAT, S.H., M.Hum.' — empty parts leave no stray comma or space."""
    depan = " ".join((gelar_depan or "").split())
    belakang = " ".join((gelar_belakang or "").split()).strip(", ")
    result = " ".join(nama.split())
    if depan:
        result = f"{depan} {result}"
    if belakang:
        result = f"{result}, {belakang}"
    return result
