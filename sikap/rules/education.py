"""Tingkat pendidikan (BKN codes, SIASN.md) and the diploma's entry and ceiling golongan.

Entry/ceiling per RULES.md §2 (KP reguler). Every function accepts a code in any form
tingkat_from_bkn accepts (5, "5", "05").
"""

from types import MappingProxyType

from sikap.rules import RuleError
from sikap.rules.ranks import golongan_order

# code: (label, IP ASN jenjang, entry golongan, highest golongan by KP reguler), lowest first
_TINGKAT = {
    "05": ("SD", "SD", "I/a", "II/a"),
    "10": ("SMP", "SMP", "I/c", "II/c"),
    "12": ("SMP Kejuruan", "SMP", "I/c", "II/d"),
    "15": ("SMA", "SMA", "II/a", "III/b"),
    # RULES.md has one row "SLTA/SMK/D-I"; Kejuruan and Keguruan follow it. Labels use the
    # jenjang names SIKAP shows everywhere (SD, SMP, SMA, D1 … S3), not the older SLTP/SLTA.
    "17": ("SMK", "SMA", "II/a", "III/b"),
    "18": ("SMA Keguruan", "SMA", "II/a", "III/b"),
    "20": ("D1", "D1", "II/a", "III/b"),
    "25": ("D2", "D2", "II/b", "III/b"),
    "30": ("D3/Sarjana Muda", "D3", "II/c", "III/c"),
    "35": ("D4", "D4", "III/a", "III/d"),
    "40": ("S1", "S1", "III/a", "III/d"),
    # The "Dokter/Apoteker/S2" row; a dokter or apoteker is coded by BKN as S-1 or S-2.
    "45": ("S2", "S2", "III/b", "IV/a"),
    "50": ("S3", "S3", "III/c", "IV/b"),
}

TINGKAT = MappingProxyType({code: row[0] for code, row in _TINGKAT.items()})
_ORDER = tuple(_TINGKAT)


def tingkat_from_bkn(code: str | int) -> str:
    """Canonical two-digit BKN tingkat pendidikan code."""
    text = str(code).strip()
    normalised = f"{int(text):02d}" if text.isdecimal() else text
    if normalised not in _TINGKAT:
        raise RuleError(
            f"Kode tingkat pendidikan BKN '{code}' tidak dikenal", field="tingkat_pendidikan"
        )
    return normalised


def tingkat_label(code: str | int) -> str:
    return _TINGKAT[tingkat_from_bkn(code)][0]


def tingkat_order(code: str | int) -> int:
    """0 for SD … 12 for S-3, in BKN code order."""
    return _ORDER.index(tingkat_from_bkn(code))


def jenjang(code: str | int) -> str:
    """Short level used by the IP ASN kualifikasi score: SD, SMP, SMA, D1 … D4, S1 … S3."""
    return _TINGKAT[tingkat_from_bkn(code)][1]


def golongan_awal(tingkat: str | int) -> str:
    """Entry golongan for a CPNS with this diploma."""
    return _TINGKAT[tingkat_from_bkn(tingkat)][2]


def golongan_maksimum(tingkat: str | int) -> str:
    """Highest golongan reachable by KP reguler with this diploma (KP pilihan may go above)."""
    return _TINGKAT[tingkat_from_bkn(tingkat)][3]


def melebihi_plafon(golongan: str, tingkat: str | int) -> bool:
    return golongan_order(golongan) > golongan_order(golongan_maksimum(tingkat))
