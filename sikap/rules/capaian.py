"""Capaian (achievement) of a performance indicator, quarterly aggregation and rating bands.

SAKIP (PermenPANRB 53/2014; docs/RULES.md §10): higher is better → realisasi ÷ target × 100;
lower is better → (2T − R) ÷ T × 100 (PermenPANRB 8/2021, LKjIP practice) or, where a region
uses it, T ÷ R × 100. How a figure is rounded, whether the realisation is first rounded to the
precision it is published with, and the rating bands all differ between regions, so they are
parameters (`CapaianRule`), stored as data by the caller.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from sikap.rules import RuleError
from sikap.rules.formatting import angka
from sikap.rules.rounding import Rounding, bulatkan

HUNDRED = Decimal(100)
Choice = TypeVar("Choice", bound=StrEnum)


class Direction(StrEnum):
    HIGHER = "higher"  # semakin tinggi semakin baik
    LOWER = "lower"  # semakin rendah semakin baik


class LowerConvention(StrEnum):
    PERMENPANRB = "permenpanrb"  # (2T − R) / T × 100
    INVERSE = "inverse"  # T / R × 100


class Aggregation(StrEnum):
    """How four quarterly K values make the annual one."""

    SUM = "sum"  # a count or a cumulative percentage: the quarters add up
    LAST = "last"  # a level (stock) read at the end of the year: the last reported quarter
    AVERAGE = "average"  # a level averaged over the reported quarters
    MAXIMUM = "maximum"  # the best level reached in any quarter


@dataclass(frozen=True)
class Band:
    """A rating band: capaian ≥ `minimum` (None: everything below the other bands)."""

    minimum: Decimal | None
    label: str


# Kab. Sampang's bands (RULES.md §10), the example the regulation leaves to each region.
DEFAULT_BANDS = (
    Band(Decimal(91), "Sangat Baik"),
    Band(Decimal(76), "Baik"),
    Band(Decimal(66), "Cukup"),
    Band(Decimal(51), "Kurang"),
    Band(None, "Sangat Kurang"),
)


def check_bands(bands: Sequence[Band]) -> None:
    """Bands must be in descending order of their minimum and end with an open bottom band,
    so that every capaian falls in exactly one band."""
    if not bands or bands[-1].minimum is not None:
        raise RuleError("Predikat terakhir harus tanpa batas bawah (menampung nilai terendah).")
    minimums = [b.minimum for b in bands[:-1] if b.minimum is not None]
    if len(minimums) < len(bands) - 1:
        raise RuleError("Hanya predikat terakhir yang boleh tanpa batas bawah.")
    if any(a <= b for a, b in zip(minimums, minimums[1:], strict=False)):
        raise RuleError("Batas bawah predikat harus berurutan dari yang tertinggi.")


@dataclass(frozen=True)
class CapaianRule:
    lower_convention: LowerConvention = LowerConvention.PERMENPANRB
    decimals: int = 2
    rounding: Rounding = Rounding.HALF_UP
    # Round the realisation to this many decimals first (None: use it unrounded). The seed
    # divides its printed, already rounded index values: 24.09 / 22.76, not 24.0959 / 22.76.
    realisation_decimals: int | None = None
    bands: tuple[Band, ...] = DEFAULT_BANDS

    def __post_init__(self) -> None:
        check_bands(self.bands)
        if self.decimals < 0 or (self.realisation_decimals or 0) < 0:
            raise RuleError("Jumlah desimal tidak boleh negatif.")


DEFAULT_RULE = CapaianRule()


def round_to(value: Decimal, decimals: int, rounding: Rounding = Rounding.HALF_UP) -> Decimal:
    return bulatkan(value, decimals, rounding)


def precision_of(value: Decimal) -> int:
    """Decimals a published figure is written with: 94 → 0, 94.63 → 2, 13.00 → 2."""
    exponent = Decimal(value).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def plain(value: Decimal) -> Decimal:
    """Without the trailing zeros a database column adds: 67.0000 → 67, 5.5400 → 5.54."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def aggregate(values: Sequence[Decimal | None], method: Aggregation) -> Decimal | None:
    """The annual value of quarterly values; None marks a quarter with nothing reported, and
    the result is None when no quarter reported anything."""
    reported = [Decimal(v) for v in values if v is not None]
    if not reported:
        return None
    match parse_choice(Aggregation, method, "agregasi"):
        case Aggregation.SUM:
            return sum(reported, Decimal(0))
        case Aggregation.LAST:
            return reported[-1]
        case Aggregation.AVERAGE:
            return sum(reported, Decimal(0)) / len(reported)
        case Aggregation.MAXIMUM:
            return max(reported)


# The Indonesian words agencies write in their own files, for the codes above.
ALIASES: dict[type, dict[str, str]] = {
    Direction: {
        "naik": Direction.HIGHER,
        "tinggi": Direction.HIGHER,
        "semakin tinggi": Direction.HIGHER,
        "semakin tinggi semakin baik": Direction.HIGHER,
        "makin tinggi makin baik": Direction.HIGHER,
        "positif": Direction.HIGHER,
        "turun": Direction.LOWER,
        "rendah": Direction.LOWER,
        "semakin rendah": Direction.LOWER,
        "semakin rendah semakin baik": Direction.LOWER,
        "makin rendah makin baik": Direction.LOWER,
        "negatif": Direction.LOWER,
    },
    Aggregation: {
        "jumlah": Aggregation.SUM,
        "kumulatif": Aggregation.SUM,
        "terakhir": Aggregation.LAST,
        "triwulan terakhir": Aggregation.LAST,
        "rata-rata": Aggregation.AVERAGE,
        "rata rata": Aggregation.AVERAGE,
        "tertinggi": Aggregation.MAXIMUM,
        "maksimum": Aggregation.MAXIMUM,
    },
}


def parse_choice(kind: type[Choice], value: str, what: str) -> Choice:
    """`kind(value)` or one of its Indonesian words (`ALIASES`), refusing an unknown value with
    the allowed ones listed."""
    words = " ".join(str(value).replace("_", " ").split()).casefold()
    alias = ALIASES.get(kind, {}).get(words)
    try:
        return kind(alias if alias is not None else value)
    except ValueError:
        allowed = ", ".join(
            [member.value for member in kind] + sorted(set(ALIASES.get(kind, {})) - {""})
        )
        raise RuleError(
            f"Nilai {what} '{value}' tidak dikenal; pilih salah satu: {allowed}."
        ) from None


def capaian(
    target: Decimal | None,
    realisasi: Decimal,
    *,
    direction: Direction = Direction.HIGHER,
    rule: CapaianRule = DEFAULT_RULE,
) -> Decimal:
    """Capaian in percent, rounded as `rule` says."""
    if target is None:
        raise RuleError("Target belum diisi: capaian tidak dapat dihitung.", field="target")
    target, realisasi = Decimal(target), Decimal(realisasi)
    if target == 0:
        raise RuleError(
            "Target 0: capaian (realisasi ÷ target) tidak dapat dihitung.", field="target"
        )
    if rule.realisation_decimals is not None:
        realisasi = round_to(realisasi, rule.realisation_decimals, rule.rounding)
    if parse_choice(Direction, direction, "arah") == Direction.HIGHER:
        value = realisasi / target * HUNDRED
    elif rule.lower_convention == LowerConvention.PERMENPANRB:
        value = (2 * target - realisasi) / target * HUNDRED
    else:
        if realisasi == 0:
            raise RuleError(
                "Realisasi 0 pada indikator 'semakin rendah semakin baik' dengan rumus "
                "target ÷ realisasi: capaian tidak dapat dihitung.",
                field="realisasi",
            )
        value = target / realisasi * HUNDRED
    return round_to(value, rule.decimals, rule.rounding)


def percentage(
    part: Decimal, whole: Decimal, *, decimals: int = 2, rounding: Rounding = Rounding.HALF_UP
) -> Decimal:
    """part ÷ whole × 100, e.g. budget absorption: 532.945.599 ÷ 551.096.760 → 96,71."""
    if Decimal(whole) == 0:
        raise RuleError(
            f"Pembagi 0: persentase dari {angka(Decimal(part))} tidak dapat dihitung.",
            field="anggaran",
        )
    return round_to(Decimal(part) / Decimal(whole) * HUNDRED, decimals, rounding)


def band(value: Decimal, bands: Sequence[Band] = DEFAULT_BANDS) -> str:
    for b in bands:
        if b.minimum is None or Decimal(value) >= b.minimum:
            return b.label
    # Only bands that skipped check_bands (no open bottom band) get here.
    raise RuleError(f"Tidak ada predikat untuk capaian {angka(Decimal(value))}.")
