"""NIP PNS (Perka BKN 22/2007) and NI PPPK: layout, validation, cross-checks (RULES.md §1)."""

import re
from dataclasses import dataclass
from datetime import date

from sikap.rules import RuleError
from sikap.rules.dates import usia
from sikap.rules.formatting import tanggal

JENIS_KELAMIN = {"L": "laki-laki", "P": "perempuan"}
_SEX_DIGIT = {"1": "L", "2": "P"}
_USIA_MINIMUM_CPNS = 18


@dataclass(frozen=True)
class Nip:
    nomor: str  # 18 digits, no spaces
    tanggal_lahir: date
    tmt_cpns: date | None  # None for NI PPPK: its digits 9–14 are not a TMT CPNS
    jenis_kelamin: str  # 'L' or 'P'
    urut: int


def _digits(nip: str) -> str:
    nomor = re.sub(r"\s", "", nip)
    if not re.fullmatch(r"[0-9]{18}", nomor):
        raise RuleError(f"NIP harus 18 digit angka, bukan '{nip}'", field="nip")
    return nomor


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_nip(nip: str, *, pppk: bool = False) -> Nip:
    """Split and validate a NIP; accepts the spaced display form.

    NI PPPK (pppk=True): only the length, birth date and sex digit are checked, because the
    layout of digits 9–14 is unconfirmed (RULES.md §1 [U]).
    """
    nomor = _digits(nip)
    tanggal_lahir = _date(nomor[0:4], nomor[4:6], nomor[6:8])
    if tanggal_lahir is None:
        raise RuleError(
            f"Tanggal lahir pada NIP ({nomor[:8]}) bukan tanggal yang valid", field="nip"
        )
    tmt_cpns = None
    if not pppk:
        tmt_cpns = _date(nomor[8:12], nomor[12:14], "1")
        if tmt_cpns is None:
            raise RuleError(
                f"TMT CPNS pada NIP ({nomor[8:14]}) tidak valid: bulan harus 01–12", field="nip"
            )
        if tmt_cpns <= tanggal_lahir:
            raise RuleError(
                f"TMT CPNS pada NIP ({nomor[8:14]}) harus setelah tanggal lahir "
                f"({tanggal(tanggal_lahir)})",
                field="nip",
            )
    if nomor[14] not in _SEX_DIGIT:
        raise RuleError(
            "Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), "
            f"bukan '{nomor[14]}'",
            field="nip",
        )
    urut = int(nomor[15:])
    if urut == 0 and not pppk:
        raise RuleError("Nomor urut NIP (digit 16–18) tidak boleh 000", field="nip")
    return Nip(nomor, tanggal_lahir, tmt_cpns, _SEX_DIGIT[nomor[14]], urut)


def format_nip(nip: Nip | str) -> str:
    """Display form '19660710 199203 1 007'."""
    nomor = nip.nomor if isinstance(nip, Nip) else _digits(nip)
    return f"{nomor[:8]} {nomor[8:14]} {nomor[14]} {nomor[15:]}"


def jenis_kelamin_label(jenis_kelamin: str) -> str:
    try:
        return JENIS_KELAMIN[jenis_kelamin]
    except KeyError:
        raise RuleError(
            f"Jenis kelamin harus 'L' atau 'P', bukan '{jenis_kelamin}'", field="jenis_kelamin"
        ) from None


def nip_mismatches(nip: Nip, *, tanggal_lahir: date | None, jenis_kelamin: str | None) -> list[str]:
    """Where the stored birth date or sex disagrees with the NIP; None or "" means unknown."""
    problems = []
    if tanggal_lahir and tanggal_lahir != nip.tanggal_lahir:
        problems.append(
            f"Tanggal lahir {tanggal(tanggal_lahir)} tidak sesuai dengan NIP "
            f"({tanggal(nip.tanggal_lahir)})"
        )
    if jenis_kelamin and jenis_kelamin != nip.jenis_kelamin:
        problems.append(
            f"Jenis kelamin {jenis_kelamin_label(jenis_kelamin)} tidak sesuai dengan NIP "
            f"({JENIS_KELAMIN[nip.jenis_kelamin]})"
        )
    return problems


def cpns_age_warning(nip: Nip) -> str | None:
    """Warn (not reject) when the NIP implies a CPNS younger than 18 (RULES.md §1 [U])."""
    if nip.tmt_cpns is None:
        return None
    age = usia(nip.tanggal_lahir, nip.tmt_cpns)
    if age >= _USIA_MINIMUM_CPNS:
        return None
    return (
        f"Usia pada TMT CPNS menurut NIP hanya {age} tahun (kurang dari "
        f"{_USIA_MINIMUM_CPNS}); periksa kembali NIP"
    )
