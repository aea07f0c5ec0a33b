"""Competency self-test scoring (SIJI KOMANDO) and the default standard of a position
(PermenPANRB 38/2017; the method is described in docs/competency.md).

Every answered item carries a score 1–5: a situational-judgement option carries its own score,
a multiple-choice item scores 5 when the key is chosen and 1 otherwise, and an unanswered item
scores 1 (skipping never pays better than a wrong answer). Per competency, a level is *shown*
when the mean score of its items reaches the threshold; the level reached is the highest shown
level L whose items together with all tested items below it also reach the threshold on
average, so a single slip at a lower level does not erase a consistently shown higher level,
while a higher level cannot be reached on one lucky item over a weak foundation. Levels that
were not tested neither help nor hurt. The gap is the level reached minus the standard.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from sikap.rules import RuleError

LEVELS = (1, 2, 3, 4, 5)
SKOR_MIN, SKOR_MAKS = 1, 5
# Mean item score a level needs: between "good" (4) and "acceptable" (3) on the 1–5 scale.
AMBANG_BAWAAN = Decimal("3.5")


class JenisSoal(StrEnum):
    PILIHAN_GANDA = "pg"  # one key
    SITUASIONAL = "sjt"  # every option carries a score 1–5


def skor_pilihan_ganda(benar: bool) -> int:
    return SKOR_MAKS if benar else SKOR_MIN


@dataclass(frozen=True)
class Jawaban:
    """One item of an attempt as scoring sees it; `skor` None when left unanswered."""

    kompetensi: str
    level: int
    skor: int | None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise RuleError(f"Level soal harus 1–5, bukan {self.level}.")
        if self.skor is not None and not SKOR_MIN <= self.skor <= SKOR_MAKS:
            raise RuleError(f"Skor jawaban harus 1–5, bukan {self.skor}.")

    @property
    def nilai(self) -> int:
        return SKOR_MIN if self.skor is None else self.skor


@dataclass(frozen=True)
class HasilKompetensi:
    kompetensi: str
    level: int  # 0 when not even the lowest tested level is shown
    standar: int | None  # None: the position has no standard for this competency
    rata_rata: Decimal  # mean item score, 2 decimals
    persen: int  # mean score on a 0–100 scale: (mean − 1) ÷ 4
    jumlah_soal: int
    level_teruji: tuple[int, ...]

    @property
    def selisih(self) -> int | None:
        """Level reached minus the standard: negative is a gap, 0 or more meets it."""
        return None if self.standar is None else self.level - self.standar

    @property
    def memenuhi(self) -> bool | None:
        selisih = self.selisih
        return None if selisih is None else selisih >= 0


def _mean(scores: list[int]) -> Decimal:
    return Decimal(sum(scores)) / Decimal(len(scores))


def level_tercapai(jawaban: Iterable[Jawaban], ambang: Decimal = AMBANG_BAWAAN) -> int:
    """The level reached in ONE competency (see the module docstring)."""
    per_level: dict[int, list[int]] = {}
    for j in jawaban:
        per_level.setdefault(j.level, []).append(j.nilai)
    reached = 0
    below: list[int] = []
    for level in sorted(per_level):
        scores = per_level[level]
        below += scores
        if _mean(scores) >= ambang and _mean(below) >= ambang:
            reached = level
    return reached


def nilai_kompetensi(
    kompetensi: str,
    jawaban: Iterable[Jawaban],
    standar: int | None,
    ambang: Decimal = AMBANG_BAWAAN,
) -> HasilKompetensi:
    items = [j for j in jawaban if j.kompetensi == kompetensi]
    if not items:
        raise RuleError(f"Tidak ada soal untuk kompetensi {kompetensi}.")
    if standar is not None and standar not in LEVELS:
        raise RuleError(f"Standar kompetensi harus 1–5, bukan {standar}.")
    mean = _mean([j.nilai for j in items])
    persen = ((mean - SKOR_MIN) * 100 / (SKOR_MAKS - SKOR_MIN)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return HasilKompetensi(
        kompetensi=kompetensi,
        level=level_tercapai(items, ambang),
        standar=standar,
        rata_rata=mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        persen=int(persen),
        jumlah_soal=len(items),
        level_teruji=tuple(sorted({j.level for j in items})),
    )


def nilai_percobaan(
    jawaban: Iterable[Jawaban],
    standar: Mapping[str, int],
    ambang: Decimal = AMBANG_BAWAAN,
) -> list[HasilKompetensi]:
    """Every competency of an attempt in the order first seen; `standar` by competency code."""
    items = list(jawaban)
    kodes = list(dict.fromkeys(j.kompetensi for j in items))
    return [nilai_kompetensi(k, items, standar.get(k), ambang) for k in kodes]


def kekuatan(hasil: Iterable[HasilKompetensi]) -> list[HasilKompetensi]:
    """Competencies at or above the standard, furthest above first."""
    met = [h for h in hasil if h.selisih is not None and h.selisih >= 0]
    return sorted(met, key=lambda h: (-(h.selisih or 0), -h.persen, h.kompetensi))


def kesenjangan(hasil: Iterable[HasilKompetensi]) -> list[HasilKompetensi]:
    """Competencies below the standard, widest gap first."""
    gaps = [h for h in hasil if h.selisih is not None and h.selisih < 0]
    return sorted(gaps, key=lambda h: (h.selisih or 0, h.persen, h.kompetensi))


# Default standard level of the manajerial and sosial kultural competencies by position
# (docs/competency.md "Standar bawaan"): JPT by eselon, administrator, pengawas, pelaksana,
# and jabatan fungsional by jenjang.
STANDAR_JPT_UTAMA_MADYA = 5
STANDAR_BAWAAN: Mapping[str, int] = {
    "jpt": 4,  # JPT pratama (eselon II)
    "ja": 3,
    "jp": 2,
    "pelaksana": 1,
}
STANDAR_JF: Mapping[str, int] = {
    "ahli utama": 4,
    "ahli madya": 3,
    "ahli muda": 2,
    "ahli pertama": 1,
    "penyelia": 2,
    "mahir": 1,
    "terampil": 1,
    "pemula": 1,
}


def jenjang_jf(nama_jabatan: str) -> str | None:
    """The jenjang a JF position's name ends with ("Perawat Ahli Muda" → "ahli muda")."""
    nama = " ".join(nama_jabatan.lower().split())
    for jenjang in sorted(STANDAR_JF, key=len, reverse=True):
        if nama.endswith(" " + jenjang) or nama == jenjang:
            return jenjang
    return None


def standar_bawaan(jenis: str, eselon: str = "", nama: str = "") -> int:
    """The default required level for a position without its own standard."""
    if jenis == "jf":
        jenjang = jenjang_jf(nama)
        # A JF whose name carries no jenjang is held to the entry level of its category.
        return STANDAR_JF[jenjang] if jenjang else 1
    if jenis == "jpt" and eselon.upper().startswith("I."):
        return STANDAR_JPT_UTAMA_MADYA
    if jenis not in STANDAR_BAWAAN:
        raise RuleError(f"Jenis jabatan tidak dikenal: {jenis}.")
    return STANDAR_BAWAAN[jenis]
