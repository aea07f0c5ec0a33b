"""Where an IP ASN category sits on its scale decides its colour: the top is green (0), the
bottom red (4), whatever the number of categories."""

from decimal import Decimal

import pytest

from sikap.ipasn.display import band_rank
from sikap.rules.indices import Band

FIVE = tuple(
    Band(label, Decimal(upper))
    for label, upper in (
        ("Sangat Rendah", 60), ("Rendah", 70), ("Sedang", 80), ("Tinggi", 90),
        ("Sangat Tinggi", 100),
    )
)  # fmt: skip
THREE = (Band("Kurang", Decimal(60)), Band("Cukup", Decimal(80)), Band("Baik", Decimal(100)))


@pytest.mark.parametrize(
    ("label", "bands", "rank"),
    [
        ("Sangat Tinggi", FIVE, 0),
        ("Tinggi", FIVE, 1),
        ("Sedang", FIVE, 2),
        ("Rendah", FIVE, 3),
        ("Sangat Rendah", FIVE, 4),
        ("Baik", THREE, 0),
        ("Cukup", THREE, 2),
        ("Kurang", THREE, 4),
        ("Tidak ada", FIVE, None),
        (None, FIVE, None),
    ],
)
def test_a_category_ranks_by_its_place_on_the_scale(label, bands, rank):
    assert band_rank(label, bands) == rank
