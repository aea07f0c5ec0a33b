import pytest

from sikap.rules import RuleError
from sikap.rules.education import (
    TINGKAT,
    golongan_awal,
    golongan_maksimum,
    jenjang,
    melebihi_plafon,
    tingkat_from_bkn,
    tingkat_label,
    tingkat_order,
)


def test_tingkat_lists_the_13_bkn_codes_lowest_first():
    assert list(TINGKAT) == [
        "05", "10", "12", "15", "17", "18", "20", "25", "30", "35", "40", "45", "50",
    ]  # fmt: skip
    assert TINGKAT["30"] == "D3/Sarjana Muda"
    assert tingkat_order("05") == 0 < tingkat_order(40) < tingkat_order("50") == 12


@pytest.mark.parametrize("code", ["5", "05", 5, " 05 "])
def test_tingkat_code_is_normalised_to_two_digits(code):
    assert tingkat_from_bkn(code) == "05"
    assert tingkat_label(code) == "SD"


@pytest.mark.parametrize("code", ["06", 55, "S1", ""])
def test_unknown_tingkat_code_is_rejected(code):
    with pytest.raises(RuleError, match="Kode tingkat pendidikan BKN .* tidak dikenal"):
        tingkat_from_bkn(code)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("05", "SD"),
        ("10", "SMP"),
        ("12", "SMP"),
        ("15", "SMA"),
        ("17", "SMA"),
        ("18", "SMA"),
        ("20", "D1"),
        ("25", "D2"),
        ("30", "D3"),
        ("35", "D4"),
        ("40", "S1"),
        ("45", "S2"),
        ("50", "S3"),
    ],
)
def test_jenjang_maps_bkn_code_to_ip_asn_level(code, expected):
    assert jenjang(code) == expected


@pytest.mark.parametrize(
    ("code", "awal", "maksimum"),
    [
        ("05", "I/a", "II/a"),
        ("10", "I/c", "II/c"),
        ("12", "I/c", "II/d"),
        ("15", "II/a", "III/b"),
        ("17", "II/a", "III/b"),
        ("20", "II/a", "III/b"),
        ("25", "II/b", "III/b"),
        ("30", "II/c", "III/c"),
        ("35", "III/a", "III/d"),
        ("40", "III/a", "III/d"),
        ("45", "III/b", "IV/a"),
        ("50", "III/c", "IV/b"),
    ],
)
def test_entry_and_ceiling_golongan_follow_the_diploma_table(code, awal, maksimum):
    assert (golongan_awal(code), golongan_maksimum(code)) == (awal, maksimum)


@pytest.mark.parametrize(
    ("golongan", "code", "expected"),
    [("III/d", "40", False), ("IV/a", "40", True), ("II/a", "05", False), ("II/b", 5, True)],
)
def test_golongan_above_the_diploma_ceiling_is_flagged(golongan, code, expected):
    assert melebihi_plafon(golongan, code) is expected
