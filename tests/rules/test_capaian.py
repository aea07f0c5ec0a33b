"""Capaian, aggregation and rating bands, with the seed's own published figures (LKj 2023)."""

from decimal import Decimal as D

import pytest

from sikap.rules import RuleError
from sikap.rules.capaian import (
    Aggregation,
    Band,
    CapaianRule,
    Direction,
    LowerConvention,
    Rounding,
    aggregate,
    band,
    capaian,
    percentage,
    plain,
    precision_of,
    round_to,
)

# (target, realisasi, published capaian) from the IKU table, BAB III.A (L489-L493).
SEED_IKU = [
    ("66.75", "66.90", "100.22"),  # Indeks Profesionalitas ASN
    ("13.00", "12.38", "95.23"),  # kualifikasi pendidikan
    ("26.00", "25.44", "97.85"),  # kinerja (97.846… printed 97.85)
    ("4.99", "4.99", "100.00"),  # disiplin (printed 100)
    ("22.76", "24.09", "105.84"),  # kompetensi
]


@pytest.mark.parametrize(("target", "realisasi", "published"), SEED_IKU)
def test_seed_iku_capaian_is_realisasi_over_target(target, realisasi, published):
    assert capaian(D(target), D(realisasi)) == D(published)


# (anggaran, realisasi, published %) from the budget table, BAB III.B (L572-L576).
SEED_BUDGET = [
    (551096760, 532945599, "96.71"),
    (704749750, 658141086, "93.39"),
    (5926358457, 5898679150, "99.53"),
    (7182204967, 7089765835, "98.71"),
]


@pytest.mark.parametrize(("anggaran", "realisasi", "published"), SEED_BUDGET)
def test_seed_budget_absorption_percentages(anggaran, realisasi, published):
    assert percentage(D(realisasi), D(anggaran)) == D(published)


def test_realisation_rounded_as_published_or_not_changes_the_kompetensi_capaian():
    unrounded = D(132720) / D(5508)  # 24.0959…
    target = D("22.76")
    truncated = CapaianRule(realisation_decimals=2, rounding=Rounding.TRUNCATE)
    assert capaian(target, unrounded, rule=truncated) == D("105.84")  # the seed's reading
    assert capaian(target, unrounded, rule=CapaianRule(realisation_decimals=2)) == D("105.89")
    assert capaian(target, unrounded) == D("105.87")


@pytest.mark.parametrize(
    ("convention", "target", "realisasi", "expected"),
    [
        (LowerConvention.PERMENPANRB, "10", "8", "120.00"),  # (20 − 8) / 10
        (LowerConvention.INVERSE, "10", "8", "125.00"),  # 10 / 8
        (LowerConvention.PERMENPANRB, "10", "10", "100.00"),
        (LowerConvention.INVERSE, "10", "10", "100.00"),
        (LowerConvention.PERMENPANRB, "10", "12", "80.00"),
        (LowerConvention.INVERSE, "10", "12", "83.33"),
        (LowerConvention.PERMENPANRB, "10", "25", "-50.00"),  # far worse than target
    ],
)
def test_lower_is_better_under_both_conventions(convention, target, realisasi, expected):
    rule = CapaianRule(lower_convention=convention)
    got = capaian(D(target), D(realisasi), direction=Direction.LOWER, rule=rule)
    assert got == D(expected)


@pytest.mark.parametrize(
    ("rounding", "decimals", "expected"),
    [
        (Rounding.HALF_UP, 2, "66.67"),
        (Rounding.TRUNCATE, 2, "66.66"),
        (Rounding.HALF_UP, 0, "67"),
        (Rounding.TRUNCATE, 1, "66.6"),
    ],
)
def test_rounding_mode_and_decimals_are_configurable(rounding, decimals, expected):
    rule = CapaianRule(rounding=rounding, decimals=decimals)
    assert capaian(D(3), D(2), rule=rule) == D(expected)


def test_truncation_goes_towards_zero_for_negative_values():
    assert round_to(D("-1.239"), 2, Rounding.TRUNCATE) == D("-1.23")
    assert round_to(D("2.345"), 2) == D("2.35")


def test_target_zero_is_refused_in_indonesian():
    with pytest.raises(RuleError) as exc:
        capaian(D(0), D(1))
    assert "Target 0" in exc.value.message and exc.value.field == "target"


def test_missing_target_is_refused():
    with pytest.raises(RuleError, match="Target belum diisi"):
        capaian(None, D(1))


def test_inverse_convention_refuses_zero_realisation():
    rule = CapaianRule(lower_convention=LowerConvention.INVERSE)
    with pytest.raises(RuleError, match="Realisasi 0"):
        capaian(D(5), D(0), direction=Direction.LOWER, rule=rule)


def test_unknown_direction_names_the_allowed_values():
    with pytest.raises(RuleError, match="higher, lower"):
        capaian(D(5), D(5), direction="naik-turun")


def test_percentage_of_a_zero_budget_is_refused():
    with pytest.raises(RuleError, match="Pembagi 0"):
        percentage(D(10), D(0))


# Quarterly K rows of the seed's realisation table (BAB III, §3 of seed_inconsistencies.md).
@pytest.mark.parametrize(
    ("quarters", "method", "expected"),
    [
        (("1805", "527", "325", "636"), Aggregation.SUM, "3293"),  # A.3.a documents
        (("30.43", "21.74", "26.09", "21.74"), Aggregation.SUM, "100.00"),  # C.2
        ((None, "54", None, "15"), Aggregation.SUM, "69"),  # B: blank quarters skipped
        (("94.12", "94", "94", "94"), Aggregation.LAST, "94"),  # A pelayanan
        (("51", "51", "47", "47"), Aggregation.LAST, "47"),  # C.2.a orang/bulan
        ((None, "99", None, None), Aggregation.LAST, "99"),  # last *reported* quarter
        (("90.12", "100", "87", "106"), Aggregation.AVERAGE, "95.78"),  # A kinerja baik
        (("97", "96", "95", "97"), Aggregation.AVERAGE, "96.25"),  # A.2 penataan karier
        (("69", "71", "69", "69"), Aggregation.MAXIMUM, "71"),
        ((None, None, None, None), Aggregation.SUM, None),
    ],
)
def test_quarters_aggregate_by_the_indicators_method(quarters, method, expected):
    values = [None if q is None else D(q) for q in quarters]
    result = aggregate(values, method)
    if expected is None:
        assert result is None
    else:
        assert round_to(result, precision_of(D(expected))) == D(expected)


def test_unknown_aggregation_is_refused():
    with pytest.raises(RuleError, match="sum, last, average, maximum"):
        aggregate([D(1)], "median")


@pytest.mark.parametrize(
    ("value", "decimals"), [("94", 0), ("94.63", 2), ("13.00", 2), ("3.55", 2), ("1E+3", 0)]
)
def test_precision_of_a_published_figure(value, decimals):
    assert precision_of(D(value)) == decimals


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("105.84", "Sangat Baik"),
        ("91", "Sangat Baik"),
        ("90.99", "Baik"),
        ("76", "Baik"),
        ("66", "Cukup"),
        ("51", "Kurang"),
        ("50.99", "Sangat Kurang"),
        ("-50", "Sangat Kurang"),
    ],
)
def test_default_bands_put_every_value_in_exactly_one_band(value, label):
    assert band(D(value)) == label


def test_bands_are_configurable():
    bands = (Band(D(100), "Tercapai"), Band(None, "Belum tercapai"))
    assert band(D("100.22"), bands) == "Tercapai"
    assert band(D("97.85"), bands) == "Belum tercapai"


@pytest.mark.parametrize(
    "bands",
    [
        (Band(D(50), "Baik"),),  # no open bottom band
        (Band(D(50), "Baik"), Band(D(80), "Sangat Baik"), Band(None, "Kurang")),  # ascending
        (Band(None, "A"), Band(None, "B")),
    ],
)
def test_malformed_bands_are_refused(bands):
    with pytest.raises(RuleError):
        CapaianRule(bands=bands)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("67.0000", "67"), ("5.5400", "5.54"), ("100.0000", "100"), ("3293", "3293"), ("0.0000", "0")],
)
def test_plain_drops_the_zeros_a_column_pads_with_but_never_writes_an_exponent(stored, shown):
    assert str(plain(D(stored))) == shown
