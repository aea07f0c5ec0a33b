from datetime import date
from decimal import Decimal

import pytest

from sikap.rules import RuleError
from sikap.rules.ranks import GOLONGAN
from sikap.rules.salary import (
    DiBawahLangkahPertama,
    TabelGaji,
    below_first_step,
    gaji_pokok,
    in_force,
    load_table,
    next_step_mkg,
)
from sikap.salary.tables import pp5_2024_table

TABLE = pp5_2024_table()


def test_pp5_2024_table_has_272_steps_for_all_17_golongan():
    # RULES.md says "273 rows": that counts the CSV header line.
    assert sum(len(steps) for steps in TABLE.values()) == 272
    assert set(TABLE) == set(GOLONGAN)


@pytest.mark.parametrize(
    ("golongan", "mkg", "expected"),
    [
        ("III/a", 0, 2_785_700),
        ("IV/e", 32, 6_373_200),
        ("I/a", 0, 1_685_700),
        ("II/a", 33, 3_643_400),  # Bisnis prints 3,633,400 (typo, RULES.md §3)
        ("II/d", 3, 2_591_100),  # Bisnis prints 2,591,000
        ("III/a", 3, 2_873_500),  # between steps: the MKG 2 step
        ("IV/e", 40, 6_373_200),  # above the last step: the cap
        ("II/a", 1, 2_218_400),
        ("II/b", 33, 3_797_500),
    ],
)
def test_gaji_pokok_spot_checks(golongan, mkg, expected):
    assert gaji_pokok(TABLE, golongan, mkg) == Decimal(expected)


def test_cpns_get_80_percent():
    assert gaji_pokok(TABLE, "III/a", 0, cpns=True) == Decimal(2_228_560)


def test_cpns_pay_rounds_half_up_to_whole_rupiah():
    table = load_table([("III/a", 0, Decimal("1000000.625"))])  # 80 % = 800000.5
    assert gaji_pokok(table, "III/a", 0, cpns=True) == Decimal(800_001)


def test_below_the_first_listed_step_the_configured_convention_pays_the_first_step():
    assert below_first_step(TABLE, "I/b", 1)
    assert not below_first_step(TABLE, "I/b", 3)
    paid = gaji_pokok(TABLE, "I/b", 1, di_bawah=DiBawahLangkahPertama.LANGKAH_PERTAMA)
    assert paid == Decimal(1_840_800)


def test_the_table_in_force_is_the_latest_started_by_that_date():
    old = TabelGaji("pp15-2019", "PP 15/2019", date(2019, 1, 1), TABLE)
    new = TabelGaji("pp5-2024", "PP 5/2024", date(2024, 1, 1), TABLE)
    assert in_force([new, old], date(2025, 3, 1)) is new
    assert in_force([new, old], date(2023, 12, 31)) is old
    with pytest.raises(RuleError, match="Tidak ada tabel gaji yang berlaku pada 31-12-2018"):
        in_force([new, old], date(2018, 12, 31))


def test_below_the_first_listed_step_there_is_no_pay_by_default():
    with pytest.raises(
        RuleError,
        match="Tidak ada gaji pokok untuk golongan I/b dengan masa kerja 1 tahun dalam tabel",
    ):
        gaji_pokok(TABLE, "I/b", 1)


@pytest.mark.parametrize(
    ("golongan", "mkg", "expected"),
    [("III/a", 3, 4), ("III/a", 0, 2), ("II/a", 0, 1), ("I/b", 0, 3), ("IV/e", 32, None)],
)
def test_next_step_is_the_next_listed_mkg(golongan, mkg, expected):
    assert next_step_mkg(TABLE, golongan, mkg) == expected


def test_table_rejects_duplicate_and_unknown_rows():
    with pytest.raises(RuleError, match="MKG 0 tercantum dua kali"):
        load_table([("I/a", 0, 1), ("I/a", 0, 2)])
    with pytest.raises(RuleError, match="golongan 'V/a' tidak dikenal"):
        load_table([("V/a", 0, 1)])


def test_negative_mkg_is_rejected():
    with pytest.raises(RuleError, match="tidak boleh negatif"):
        gaji_pokok(TABLE, "III/a", -1)
