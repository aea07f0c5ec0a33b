from datetime import date

import pytest

from sikap.rules import RuleError
from sikap.rules.dates import masa_kerja, parse_tanggal, usia


@pytest.mark.parametrize("text", ["10-07-1966", "10/07/1966", "1966-07-10", " 10-7-1966 "])
def test_tanggal_is_parsed_from_siasn_and_iso_forms(text):
    assert parse_tanggal(text) == date(1966, 7, 10)


@pytest.mark.parametrize("text", ["31-02-2020", "10-07/1966", "1966/07/10", "10-07-66", ""])
def test_invalid_tanggal_is_rejected_with_the_expected_format(text):
    with pytest.raises(RuleError) as exc:
        parse_tanggal(text)
    assert exc.value.message == f"Tanggal '{text}' tidak valid; gunakan format hh-bb-tttt"


@pytest.mark.parametrize(
    ("lahir", "as_of", "expected"),
    [
        (date(1966, 7, 10), date(2024, 7, 9), 57),
        (date(1966, 7, 10), date(2024, 7, 10), 58),
        (date(1968, 2, 29), date(2029, 2, 28), 60),  # 29 Feb: older only on 1 Mar
        (date(1968, 2, 29), date(2029, 3, 1), 61),
    ],
)
def test_usia_counts_whole_years(lahir, as_of, expected):
    assert usia(lahir, as_of) == expected


def test_masa_kerja_counts_completed_years_and_months():
    assert masa_kerja(date(1992, 3, 1), date(2024, 1, 1)) == (31, 10)
    assert masa_kerja(date(2008, 3, 15), date(2009, 3, 14)) == (0, 11)
    assert masa_kerja(date(2008, 3, 1), date(2009, 3, 1)).tahun == 1


def test_masa_kerja_refuses_a_reference_date_before_the_start():
    with pytest.raises(RuleError, match="sebelum tanggal mulai"):
        masa_kerja(date(2024, 1, 1), date(2023, 12, 31))


def test_latest_birth_date_agrees_with_usia_around_leap_days():
    from datetime import timedelta

    from sikap.rules.dates import lahir_paling_lambat

    for as_of in (date(2024, 2, 29), date(2023, 2, 28), date(2023, 3, 1), date(2025, 12, 31)):
        for umur in (0, 1, 20, 58, 60):
            limit = lahir_paling_lambat(as_of, umur)
            for born in (limit - timedelta(days=1), limit, limit + timedelta(days=1)):
                if born > as_of:  # not born yet: no age to compare
                    continue
                assert (usia(born, as_of) >= umur) == (born <= limit), (as_of, umur, born)
