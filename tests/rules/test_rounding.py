from decimal import Decimal as D

import pytest

from sikap.rules import RuleError
from sikap.rules.rounding import bulatkan


@pytest.mark.parametrize(
    "value, decimals, mode, expected",
    [
        (D("24.0959"), 2, "half_up", D("24.10")),  # the seed's kompetensi, rounded
        (D("24.0959"), 2, "truncate", D("24.09")),  # …and as the seed printed it
        (D("12.3804"), 2, "half_up", D("12.38")),
        (D("0.005"), 2, "half_up", D("0.01")),
        (D("2228800.5"), 0, "half_up", D("2228801")),  # whole rupiah
        (D("-1.005"), 2, "truncate", D("-1.00")),  # towards zero
    ],
)
def test_rounding_table(value, decimals, mode, expected):
    assert bulatkan(value, decimals, mode) == expected


def test_an_unknown_mode_is_refused_in_indonesian():
    with pytest.raises(RuleError, match="tidak dikenal"):
        bulatkan(D("1.5"), 0, "ceiling")
