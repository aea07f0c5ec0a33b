"""Golongan/ruang and pangkat of PNS (PP 99/2000 jo. 12/2002), BKN codes, PPPK golongan.

RULES.md §2; BKN codes from SIASN.md. Functions other than the parsers take the canonical
form ("III/a") — parse at the boundary.
"""

import re

from sikap.rules import RuleError

_ROMAN = ("I", "II", "III", "IV")
_PANGKAT_PER_GROUP = {
    "I": ("Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I"),
    "II": ("Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I"),
    "III": ("Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I"),
    "IV": (
        "Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya",
        "Pembina Utama",
    ),
}  # fmt: skip
_PANGKAT = {
    f"{group}/{'abcde'[i]}": name
    for group, names in _PANGKAT_PER_GROUP.items()
    for i, name in enumerate(names)
}
GOLONGAN: tuple[str, ...] = tuple(_PANGKAT)  # I/a … IV/e, lowest first
# BKN golongan ID: group digit + ruang digit (III/a = 31)
_TO_BKN = {g: f"{_ROMAN.index(g.split('/')[0]) + 1}{'abcde'.index(g[-1]) + 1}" for g in GOLONGAN}
_FROM_BKN = {code: g for g, code in _TO_BKN.items()}
_GOLONGAN_TEXT = re.compile(r"(IV|III|II|I|[1-4])\s*[/.\- ]?\s*([a-e])", re.IGNORECASE)

# PPPK golongan I–XVII (RULES.md §2 [S]); several SIMPEG seeds code them 01–17.
PPPK_GOLONGAN: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def golongan_label(golongan: str) -> str:
    """How a golongan is shown everywhere: 'III/a' as is, a PPPK golongan as 'PPPK IX' (a bare
    Roman numeral reads like a PNS group)."""
    return f"PPPK {golongan}" if golongan in PPPK_GOLONGAN else golongan


def _require(golongan: str) -> str:
    if golongan not in _PANGKAT:
        raise RuleError(f"Golongan '{golongan}' tidak dikenal", field="golongan")
    return golongan


def parse_golongan(text: str) -> str:
    """Canonical golongan from 'III/a', 'III a', 'IIIa', '3a', 'III/A'."""
    m = _GOLONGAN_TEXT.fullmatch(text.strip())
    if m:
        group = m[1].upper()
        group = _ROMAN[int(group) - 1] if group.isdigit() else group
        golongan = f"{group}/{m[2].lower()}"
        if golongan in _PANGKAT:
            return golongan
    raise RuleError(
        f"Golongan '{text}' tidak dikenal; gunakan bentuk seperti III/a", field="golongan"
    )


def pangkat(golongan: str) -> str:
    return _PANGKAT[_require(golongan)]


def golongan_order(golongan: str) -> int:
    """0 for I/a … 16 for IV/e."""
    return GOLONGAN.index(_require(golongan))


def ruang_group(golongan: str) -> int:
    """1–4: the golongan without its ruang letter."""
    return _ROMAN.index(_require(golongan).split("/")[0]) + 1


def golongan_from_bkn(code: str | int) -> str:
    """SIASN golongan ID (11 … 45) to 'I/a' … 'IV/e'."""
    try:
        return _FROM_BKN[str(code).strip()]
    except KeyError:
        raise RuleError(f"Kode golongan BKN '{code}' tidak dikenal", field="golongan") from None


def golongan_to_bkn(golongan: str) -> str:
    return _TO_BKN[_require(golongan)]


def parse_golongan_pppk(text: str) -> str:
    """Roman PPPK golongan from 'IX', 'ix', '9' or '09'."""
    cleaned = text.strip().upper()
    if cleaned.isdecimal() and 1 <= int(cleaned) <= len(PPPK_GOLONGAN):
        return PPPK_GOLONGAN[int(cleaned) - 1]
    if cleaned in PPPK_GOLONGAN:
        return cleaned
    raise RuleError(
        f"Golongan PPPK '{text}' tidak dikenal; gunakan I–XVII atau 1–17", field="golongan"
    )
