"""The one rounding rule: half up (the default everywhere) or truncation towards zero (how the
seed printed its Indeks Kompetensi, 24.0959 → 24.09). Every computed figure goes through it."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from sikap.rules import RuleError


class Rounding(StrEnum):
    HALF_UP = "half_up"
    TRUNCATE = "truncate"


def bulatkan(value: Decimal | int, decimals: int = 0, mode: str = Rounding.HALF_UP) -> Decimal:
    if mode not in tuple(Rounding):
        choices = ", ".join(Rounding)
        raise RuleError(f"Cara pembulatan '{mode}' tidak dikenal; pilihan: {choices}")
    step = Decimal(1).scaleb(-decimals)
    return Decimal(value).quantize(
        step, rounding=ROUND_DOWN if mode == "truncate" else ROUND_HALF_UP
    )
