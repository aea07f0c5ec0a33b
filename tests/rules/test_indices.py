"""IP ASN rule: the seed's published figures, rounding, bands, criteria and per-person scores."""

from datetime import date
from decimal import Decimal

import pytest

from sikap.rules import RuleError
from sikap.rules.indices import (
    Band,
    Category,
    Criterion,
    DiklatTest,
    Dimension,
    IndexConfig,
    PersonFacts,
    Window,
    criterion_from_spec,
    formula_text,
    ip_asn,
    kategori,
    matches,
    person_score,
    round_index,
    sub_index,
    weighted_sum,
)

D = Decimal

# The seed's counts and weights (data/lumajang-2023/iku_inputs_2023.csv).
KUALIFIKASI = (
    {"s3": 0, "s2": 235, "s1": 3363, "d4": 141, "d3": 666, "d2": 55, "d1": 8, "sma": 729,
     "smp": 241, "sd": 70},
    {"s3": D(25), "s2": D(20), "s1": D(15), "d4": D(15), "d3": D(10), "d2": D(5), "d1": D(5),
     "sma": D(5), "smp": D(1), "sd": D(1)},
    5508,
)  # fmt: skip
KINERJA = (
    {"sb": 546, "b": 5290, "bp": 5, "k": 2, "sk": 2},
    {"sb": D(30), "b": D(25), "bp": D(15), "k": D(5), "sk": D(1)},
    5845,
)
DISIPLIN = (
    {"tidak_ada": 5494, "ringan": 5, "sedang": 2, "berat": 7},
    {"tidak_ada": D(5), "ringan": D(3), "sedang": D(2), "berat": D(1)},
    5508,
)
KOMPETENSI = (
    {"pim": 298, "fungsional": 9, "teknis": 3060, "teknis_pl": 894, "seminar": 4229,
     "seminar_pl": 1132},
    {"pim": D(15), "fungsional": D(15), "teknis": D(15), "teknis_pl": D("22.5"),
     "seminar": D(10), "seminar_pl": D("17.5")},
    5508,
)  # fmt: skip
SEED = {
    "kualifikasi": KUALIFIKASI,
    "kinerja": KINERJA,
    "disiplin": DISIPLIN,
    "kompetensi": KOMPETENSI,
}


@pytest.mark.parametrize(
    ("name", "weighted", "half_up", "truncate"),
    [
        ("kualifikasi", 68191, "12.38", "12.38"),
        ("kinerja", 148717, "25.44", "25.44"),
        ("disiplin", 27496, "4.99", "4.99"),
        ("kompetensi", 132720, "24.10", "24.09"),
    ],
)
def test_seed_sub_indices_from_their_counts(name, weighted, half_up, truncate):
    counts, weights, population = SEED[name]
    assert weighted_sum(counts, weights) == weighted
    value = sub_index(counts, weights, population)
    assert value == D(weighted) / population
    assert round_index(value, "half_up", 2) == D(half_up)
    assert round_index(value, "truncate", 2) == D(truncate)


@pytest.mark.parametrize(("mode", "total"), [("half_up", "66.91"), ("truncate", "66.90")])
def test_ip_asn_is_the_sum_of_the_rounded_sub_indices_as_published(mode, total):
    rounded = [round_index(sub_index(*SEED[name]), mode, 2) for name in SEED]
    assert ip_asn(rounded) == D(total)


def test_sub_index_refuses_an_empty_population():
    with pytest.raises(RuleError, match="Populasi kosong"):
        sub_index({"a": 0}, {"a": D(5)}, 0)


def test_counts_of_an_unknown_category_or_negative_counts_are_refused():
    with pytest.raises(RuleError, match="Kategori 'x' tidak ada"):
        sub_index({"x": 1}, {"a": D(5)}, 1)
    with pytest.raises(RuleError, match="negatif"):
        sub_index({"a": -1}, {"a": D(5)}, 1)


def test_unknown_rounding_mode_is_refused():
    with pytest.raises(RuleError, match="Cara pembulatan 'ceil' tidak dikenal"):
        round_index(D("1.234"), "ceil", 2)


BANDS = (
    Band("Sangat Rendah", D(60)),
    Band("Rendah", D(70)),
    Band("Sedang", D(80)),
    Band("Tinggi", D(90)),
    Band("Sangat Tinggi", D(100)),
)


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("0", "Sangat Rendah"),
        ("60", "Sangat Rendah"),
        ("60.01", "Rendah"),
        ("66.90", "Rendah"),
        ("70", "Rendah"),
        ("80.5", "Tinggi"),
        ("90", "Tinggi"),
        ("90.01", "Sangat Tinggi"),
        ("100", "Sangat Tinggi"),
    ],
)
def test_every_value_falls_in_exactly_one_half_open_band(total, expected):
    assert kategori(D(total), BANDS) == expected
    assert kategori(D(total), tuple(reversed(BANDS))) == expected


def test_a_value_above_the_highest_band_is_refused():
    with pytest.raises(RuleError, match="di atas batas kategori tertinggi"):
        kategori(D("100.01"), BANDS)


def test_formula_text_substitutes_the_numbers_in_indonesian_form():
    terms = [(0, D(25)), (235, D(20)), (894, D("22.5"))]
    assert formula_text(terms, 5508, D("12.38"), 2) == (
        "{(0 × 25) + (235 × 20) + (894 × 22,5)} / 5.508 = 12,38"
    )


# --- criteria ------------------------------------------------------------------------------


def test_a_spec_is_read_into_a_criterion_and_written_back():
    spec = {
        "status": ["pppk", "pns"],
        "jenjang": ["S3", "S2"],
        "diklat": {"kategori": "teknis", "min_jp": 20},
    }
    criterion = criterion_from_spec(spec)
    assert criterion == Criterion(
        status=frozenset({"pns", "pppk"}),
        jenjang=frozenset({"S2", "S3"}),
        diklat=DiklatTest("teknis", 20),
    )
    assert criterion.spec() == {
        "status": ["pns", "pppk"],
        "jenjang": ["S2", "S3"],
        "diklat": {"kategori": "teknis", "min_jp": 20},
    }


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ([], "objek JSON"),
        ({"golongan": ["III/a"]}, "Syarat 'golongan' tidak dikenal"),
        ({"jenjang": ["S4"]}, "Nilai 'S4' tidak dikenal untuk 'jenjang'"),
        ({"status": []}, "daftar yang tidak kosong"),
        ({"status": "pns"}, "daftar yang tidak kosong"),
        ({"diklat": {"kategori": "olahraga"}}, "Kategori diklat 'olahraga' tidak dikenal"),
        ({"diklat": {"kategori": "teknis", "min_jp": "20"}}, "min_jp"),
        ({"diklat": {"kategori": "teknis", "jam": 20}}, "harus berbentuk"),
    ],
)
def test_invalid_specs_are_refused_in_indonesian(spec, message):
    with pytest.raises(RuleError, match=message):
        criterion_from_spec(spec)


def test_window_years_and_ranges():
    seed = Window()
    assert seed.skp_year(2023) == 2023
    assert seed.hukdis_range(2023) == (date(2023, 1, 1), date(2023, 12, 31))
    bkn = Window(skp_year_offset=-1, hukdis_years=5, diklat_years=2)
    assert bkn.skp_year(2023) == 2022
    assert bkn.hukdis_range(2023) == (date(2019, 1, 1), date(2023, 12, 31))
    assert bkn.diklat_range(2023) == (date(2022, 1, 1), date(2023, 12, 31))
    with pytest.raises(RuleError):
        Window(hukdis_years=0)


def test_heaviest_punishment_in_the_window_decides_the_disiplin_level():
    facts = PersonFacts(
        status="pns",
        hukdis=(
            (date(2023, 3, 1), "ringan"),
            (date(2023, 9, 1), "sedang"),
            (date(2021, 1, 1), "berat"),
        ),
    )
    terberat = lambda *levels: Criterion(hukdis_terberat=frozenset(levels))  # noqa: E731
    assert matches(terberat("sedang"), facts, 2023, Window())
    assert not matches(terberat("berat"), facts, 2023, Window())
    assert matches(terberat("berat"), facts, 2023, Window(hukdis_years=5))
    assert matches(terberat("tidak_ada"), facts, 2020, Window())


def test_diklat_counts_only_inside_the_window_and_above_the_jp_minimum():
    facts = PersonFacts(status="pns", diklat=((date(2023, 5, 2), "teknis", 19),))
    teknis20 = Criterion(diklat=DiklatTest("teknis", 20))
    assert not matches(teknis20, facts, 2023, Window())
    assert matches(Criterion(diklat=DiklatTest("teknis", 19)), facts, 2023, Window())
    assert not matches(Criterion(diklat=DiklatTest("teknis")), facts, 2024, Window())
    assert matches(Criterion(diklat=DiklatTest("teknis")), facts, 2024, Window(diklat_years=2))


def test_predikat_reads_the_skp_of_the_window_year():
    facts = PersonFacts(status="pns", skp={2022: "baik", 2023: "sangat_baik"})
    baik = Criterion(predikat=frozenset({"baik"}))
    assert not matches(baik, facts, 2023, Window())
    assert matches(baik, facts, 2023, Window(skp_year_offset=-1))


# --- per-person scores ---------------------------------------------------------------------

PNS = Criterion(status=frozenset({"pns"}), kedudukan=frozenset({"aktif"}))
KOMPETENSI_DIM = Dimension(
    "kompetensi",
    "Kompetensi",
    PNS,
    (
        Category("pim", "PIM", D(15), Criterion(
            diklat=DiklatTest("kepemimpinan"), jenis_jabatan=frozenset({"jpt", "ja", "jp"}))),
        Category("teknis_pl", "Teknis pelaksana", D("22.5"), Criterion(
            diklat=DiklatTest("teknis", 20), jenis_jabatan=frozenset({"pelaksana"}))),
        Category("seminar_pl", "Seminar pelaksana", D("17.5"), Criterion(
            diklat=DiklatTest("seminar"), jenis_jabatan=frozenset({"pelaksana"}))),
    ),
)  # fmt: skip
KINERJA_DIM = Dimension(
    "kinerja",
    "Kinerja",
    Criterion(status=frozenset({"pns", "pppk"}), predikat=frozenset({"sangat_baik", "baik"})),
    (
        Category("sb", "Sangat baik", D(30), Criterion(predikat=frozenset({"sangat_baik"}))),
        Category("b", "Baik", D(25), Criterion(predikat=frozenset({"baik"}))),
    ),
)
CONFIG = IndexConfig(dimensions=(KOMPETENSI_DIM, KINERJA_DIM), bands=BANDS)


def test_a_pelaksana_with_technical_training_and_two_seminars_scores_40_once_per_category():
    facts = PersonFacts(
        status="pns",
        jenis_jabatan="pelaksana",
        skp={2023: "baik"},
        diklat=(
            (date(2023, 2, 1), "teknis", 24),
            (date(2023, 6, 1), "seminar", 4),
            (date(2023, 8, 1), "seminar", 8),
            (date(2023, 9, 1), "kepemimpinan", 40),  # PIM only scores for structural positions
        ),
    )
    assert person_score(facts, CONFIG, 2023) == {"kompetensi": D(40), "kinerja": D(25)}


def test_a_person_outside_a_population_has_no_score_there():
    pppk = PersonFacts(status="pppk", skp={2023: "sangat_baik"})
    assert person_score(pppk, CONFIG, 2023) == {"kompetensi": None, "kinerja": D(30)}
    retired = PersonFacts(status="pns", kedudukan="pensiun", skp={2022: "baik"})
    assert person_score(retired, CONFIG, 2023) == {"kompetensi": None, "kinerja": None}
