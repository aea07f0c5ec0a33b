"""Validators shared by forms, `/kelola/`, the API and the importers (through model fields).

`no_formula` refuses text that a spreadsheet would run as a formula where such a start can
never be meaningful (names, titles, places). Exports are safe anyway (`reports/xlsx.py` writes
such cells as text); refusing at input keeps the data clean for every other program that reads
it (an export opened in another tool, a CSV made by hand from the screen).
"""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_MESSAGE = (
    "Tidak boleh diawali tanda =, +, - atau @ (dibaca sebagai rumus oleh Excel). "
    "Hapus tanda tersebut di awal isian."
)


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


@deconstructible(path="sikap.core.validators.NoFormula")
class NoFormula:
    """A model-field validator: ModelForms (pages, self-service, `/kelola/`) run it."""

    def __call__(self, value) -> None:
        if isinstance(value, str) and starts_like_formula(value):
            raise ValidationError(FORMULA_MESSAGE, code="rumus")

    def __eq__(self, other) -> bool:
        return isinstance(other, NoFormula)

    def __hash__(self) -> int:
        return hash(NoFormula)


no_formula = NoFormula()
