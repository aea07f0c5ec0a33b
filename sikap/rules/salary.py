"""Gaji pokok PNS from the PP 5/2024 table (RULES.md §3)."""

import csv
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from sikap.rules import RuleError
from sikap.rules.ranks import GOLONGAN
from sikap.rules.rounding import bulatkan

PP5_2024_CSV = Path(__file__).resolve().parent.parent / "data" / "gaji_pokok_pns_pp5_2024.csv"
CPNS_PERSEN = Decimal("0.80")  # PP 7/1977 Pasal 5

# golongan -> ((mkg_tahun, gaji_pokok), …) sorted by MKG; only the listed steps
GajiTable = Mapping[str, tuple[tuple[int, Decimal], ...]]


def round_rupiah(amount: Decimal) -> Decimal:
    """Whole rupiah, half up: the one rounding rule for computed pay."""
    return bulatkan(amount)


def load_table(rows: Iterable[tuple[str, int, int | Decimal]]) -> GajiTable:
    """Build an immutable table from (golongan, mkg_tahun, gaji_pokok) rows."""
    steps: dict[str, dict[int, Decimal]] = {}
    for golongan, mkg_tahun, amount in rows:
        if golongan not in GOLONGAN:
            raise RuleError(f"Tabel gaji: golongan '{golongan}' tidak dikenal")
        if mkg_tahun < 0 or amount <= 0:
            raise RuleError(
                f"Tabel gaji: baris {golongan} MKG {mkg_tahun} berisi nilai yang tidak valid"
            )
        if mkg_tahun in steps.setdefault(golongan, {}):
            raise RuleError(f"Tabel gaji: golongan {golongan} MKG {mkg_tahun} tercantum dua kali")
        steps[golongan][mkg_tahun] = Decimal(amount)
    return MappingProxyType({g: tuple(sorted(by_mkg.items())) for g, by_mkg in steps.items()})


def load_pp5_2024(path: Path | str = PP5_2024_CSV) -> GajiTable:
    """Read the CSV (golongan_ruang, mkg_tahun, gaji_pokok_rp)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        try:
            rows = [
                (r["golongan_ruang"].strip(), int(r["mkg_tahun"]), int(r["gaji_pokok_rp"]))
                for r in reader
            ]
        except (KeyError, TypeError, ValueError):
            raise RuleError(
                f"Berkas tabel gaji {path}: baris {reader.line_num} tidak terbaca; kolom yang "
                "diharapkan golongan_ruang, mkg_tahun, gaji_pokok_rp (angka bulat)"
            ) from None
    return load_table(rows)


def _steps(table: GajiTable, golongan: str, mkg_tahun: int) -> tuple[tuple[int, Decimal], ...]:
    if mkg_tahun < 0:
        raise RuleError(f"Masa kerja golongan tidak boleh negatif ({mkg_tahun} tahun)")
    if golongan not in table:
        raise RuleError(f"Golongan '{golongan}' tidak ada dalam tabel gaji", field="golongan")
    return table[golongan]


def gaji_pokok(table: GajiTable, golongan: str, mkg_tahun: int, *, cpns: bool = False) -> Decimal:
    """Pay of the highest listed step ≤ MKG; above the last step pay stays at the cap.

    Below the first listed step the table has no cell and how it is paid is unconfirmed
    (RULES.md §3 [U]), so this refuses rather than guesses.
    """
    steps = _steps(table, golongan, mkg_tahun)
    i = bisect_right([mkg for mkg, _ in steps], mkg_tahun)
    if i == 0:
        raise RuleError(
            f"Tidak ada gaji pokok untuk golongan {golongan} dengan masa kerja {mkg_tahun} "
            "tahun dalam tabel"
        )
    amount = steps[i - 1][1]
    return round_rupiah(amount * CPNS_PERSEN) if cpns else amount


def next_step_mkg(table: GajiTable, golongan: str, mkg_tahun: int) -> int | None:
    """The next listed MKG above `mkg_tahun` (when the next KGB is due), None at the cap."""
    steps = _steps(table, golongan, mkg_tahun)
    return next((mkg for mkg, _ in steps if mkg > mkg_tahun), None)
