from datetime import date

import pytest

from sikap.rules import RuleError
from sikap.rules.nik import encode_nik_date, nik_mismatches, parse_nik
from sikap.rules.nip import parse_nip


def test_nik_splits_region_birth_date_and_sequence():
    nik = parse_nik("3508011007660001")
    assert (nik.kode_wilayah, nik.hari, nik.bulan, nik.tahun_2digit) == ("350801", 10, 7, 66)
    assert (nik.jenis_kelamin, nik.urut) == ("L", 1)


def test_nik_female_day_is_birth_day_plus_40():
    nik = parse_nik("3508 0150 1280 0012")
    assert (nik.hari, nik.bulan, nik.jenis_kelamin, nik.urut) == (10, 12, "P", 12)


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("350801100766001", "NIK harus 16 digit angka"),
        ("35080110076600X1", "NIK harus 16 digit angka"),
        ("3508013207660001", r"Tanggal lahir pada NIK \(32\) harus 01–31"),
        ("3508017207660001", r"Tanggal lahir pada NIK \(72\) harus 01–31"),
        ("3508011013660001", r"Bulan lahir pada NIK \(13\) harus 01–12"),
        ("3508013104660001", r"Tanggal lahir pada NIK \(310466\) bukan tanggal yang valid"),
        ("3508011007660000", "Nomor urut NIK .* tidak boleh 0000"),
    ],
    ids=["15_digits", "letter", "day_32", "day_72", "month_13", "31_april", "sequence_0000"],
)
def test_nik_rejects_invalid_numbers(nik, message):
    with pytest.raises(RuleError, match=message):
        parse_nik(nik)


def test_nik_29_february_needs_a_leap_year_only_when_the_century_is_known():
    assert parse_nik("3508012902000001").hari == 29
    assert parse_nik("3508012902000001", century_hint=2000).hari == 29
    with pytest.raises(RuleError, match="bukan tanggal yang valid"):
        parse_nik("3508012902000001", century_hint=1900)


def test_nik_is_cross_checked_with_the_nip_birth_date_and_sex():
    nip = parse_nip("196607101992031007")
    known = {"tanggal_lahir": nip.tanggal_lahir, "jenis_kelamin": nip.jenis_kelamin}
    assert nik_mismatches(parse_nik("3508011007660001"), **known) == []
    assert nik_mismatches(parse_nik("3508015007670001"), **known) == [
        "Tanggal lahir pada NIK (10-07-67) tidak sesuai dengan tanggal lahir 10 Juli 1966",
        "Jenis kelamin pada NIK (perempuan) tidak sesuai dengan jenis kelamin laki-laki",
    ]


@pytest.mark.parametrize(
    ("tanggal_lahir", "jenis_kelamin", "expected"),
    [(date(1966, 7, 10), "L", "100766"), (date(2001, 3, 5), "P", "450301")],
)
def test_nik_date_part_is_encoded_with_female_offset(tanggal_lahir, jenis_kelamin, expected):
    assert encode_nik_date(tanggal_lahir, jenis_kelamin) == expected
    nik = parse_nik(f"350801{expected}0001", century_hint=tanggal_lahir.year // 100 * 100)
    assert nik_mismatches(nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin) == []
