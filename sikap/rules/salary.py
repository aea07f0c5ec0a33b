"""Gaji pokok from a salary table handed in as a value (RULES.md §3).

The tables themselves (PP 5/2024, earlier ones, PPPK) are data: `sikap.salary` keeps them with
their effective date and regulation and passes them here as `TabelGaji` values.
"""

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from sikap.rules import RuleError
from sikap.rules.ranks import GOLONGAN
from sikap.rules.rounding import bulatkan

CPNS_PERSEN = Decimal("0.80")  # PP 7/1977 Pasal 5

# golongan -> ((mkg_tahun, gaji_pokok), …) sorted by MKG; only the listed steps
GajiTable = Mapping[str, tuple[tuple[int, Decimal], ...]]


class DiBawahLangkahPertama(StrEnum):
    """What to pay below a ruang's first listed MKG (I/b–I/d, II/b–II/d start at 3): the table
    has no cell and the regulation text we hold does not say (RULES.md §3 [U])."""

    LANGKAH_PERTAMA = "langkah_pertama"  # pay the first listed step, flag for the verifier
    TOLAK = "tolak"  # refuse: a person must decide


@dataclass(frozen=True)
class TabelGaji:
    """One salary table in force from `berlaku_mulai` under `regulasi` (cited on letters)."""

    kode: str
    regulasi: str
    berlaku_mulai: date
    table: GajiTable


def in_force(tables: Sequence[TabelGaji], on: date) -> TabelGaji:
    """The table in force on `on`: the latest whose effective date is not after it."""
    candidates = [t for t in tables if t.berlaku_mulai <= on]
    if not candidates:
        raise RuleError(f"Tidak ada tabel gaji yang berlaku pada {on:%d-%m-%Y}")
    return max(candidates, key=lambda t: t.berlaku_mulai)


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


def _steps(table: GajiTable, golongan: str, mkg_tahun: int) -> tuple[tuple[int, Decimal], ...]:
    if mkg_tahun < 0:
        raise RuleError(f"Masa kerja golongan tidak boleh negatif ({mkg_tahun} tahun)")
    if golongan not in table:
        raise RuleError(f"Golongan '{golongan}' tidak ada dalam tabel gaji", field="golongan")
    return table[golongan]


def below_first_step(table: GajiTable, golongan: str, mkg_tahun: int) -> bool:
    """True when the MKG is below the ruang's first listed step (no cell in the table)."""
    return mkg_tahun < _steps(table, golongan, mkg_tahun)[0][0]


def gaji_pokok(
    table: GajiTable,
    golongan: str,
    mkg_tahun: int,
    *,
    cpns: bool = False,
    di_bawah: DiBawahLangkahPertama = DiBawahLangkahPertama.TOLAK,
) -> Decimal:
    """Pay of the highest listed step ≤ MKG; above the last step pay stays at the cap.

    Below the first listed step the table has no cell: `di_bawah` says whether to pay the first
    step (the caller flags it, `below_first_step`) or refuse. CPNS receive 80 % (Pasal 5).
    """
    steps = _steps(table, golongan, mkg_tahun)
    i = bisect_right([mkg for mkg, _ in steps], mkg_tahun)
    if i == 0 and di_bawah == DiBawahLangkahPertama.TOLAK:
        raise RuleError(
            f"Tidak ada gaji pokok untuk golongan {golongan} dengan masa kerja {mkg_tahun} "
            "tahun dalam tabel"
        )
    amount = steps[max(i - 1, 0)][1]
    return round_rupiah(amount * CPNS_PERSEN) if cpns else amount


def next_step_mkg(table: GajiTable, golongan: str, mkg_tahun: int) -> int | None:
    """The next listed MKG above `mkg_tahun` (when the next KGB is due), None at the cap."""
    steps = _steps(table, golongan, mkg_tahun)
    return next((mkg for mkg, _ in steps if mkg > mkg_tahun), None)
