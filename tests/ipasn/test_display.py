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


def test_sakip_predikat_and_ip_asn_categories_share_one_colour_lookup():
    from sikap.core.bands import rank
    from sikap.performance.templatetags.sakip import predikat_rank

    sakip = [Band(label, Decimal(0)) for label in ("AA", "A", "BB", "B", "CC")]  # best first
    assert [predikat_rank(b.label, sakip) for b in sakip] == [0, 1, 2, 3, 4]
    assert [band_rank(b.label, FIVE) for b in reversed(FIVE)] == [0, 1, 2, 3, 4]
    assert rank("Cukup", ["Baik", "Cukup", "Kurang"]) == 2 and rank(None, ["Baik"]) is None
