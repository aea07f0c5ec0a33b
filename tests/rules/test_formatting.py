from datetime import date
from decimal import Decimal

import pytest

from sikap.rules import RuleError
from sikap.rules.formatting import (
    angka,
    angka_ringkas,
    nama_lengkap,
    persen,
    rupiah,
    tanggal,
    tanggal_pendek,
    terbilang,
    terbilang_rupiah,
    ukuran_berkas,
)


def test_dates_use_indonesian_month_names():
    assert tanggal(date(1966, 7, 10)) == "10 Juli 1966"
    assert tanggal(date(2024, 2, 1)) == "1 Februari 2024"
    assert tanggal_pendek(date(1966, 7, 10)) == "10-07-1966"


@pytest.mark.parametrize(
    ("amount", "sen", "expected"),
    [
        (7182204967, True, "Rp7.182.204.967,00"),
        (7182204967, False, "Rp7.182.204.967"),
        (Decimal("-1000"), True, "-Rp1.000,00"),
        (Decimal("2785700.505"), True, "Rp2.785.700,51"),
        (Decimal("999.5"), False, "Rp1.000"),
        (0, True, "Rp0,00"),
    ],
)
def test_rupiah_uses_dot_thousands_and_comma_cents(amount, sen, expected):
    assert rupiah(amount, sen=sen) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (5508, {}, "5.508"),
        (Decimal("12.3804"), {}, "12,38"),
        (Decimal("24.0959"), {}, "24,10"),  # half-up, not the seed's truncated 24,09
        (Decimal("2.345"), {}, "2,35"),
        (1234.5, {"desimal": 0}, "1.235"),
        (Decimal("-0.001"), {}, "0,00"),
    ],
)
def test_angka_rounds_half_up_with_indonesian_separators(value, kwargs, expected):
    assert angka(value, **kwargs) == expected


def test_persen_appends_a_spaced_percent_sign():
    assert persen(Decimal("98.714")) == "98,71 %"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (
            7182204967,
            "tujuh miliar seratus delapan puluh dua juta dua ratus empat ribu "
            "sembilan ratus enam puluh tujuh",
        ),
        (1000, "seribu"),
        (100, "seratus"),
        (1001000, "satu juta seribu"),  # num2words says "satu juta satu ribu"
        (2001001000, "dua miliar satu juta seribu"),
        (21000, "dua puluh satu ribu"),
        (101000, "seratus satu ribu"),
        (Decimal("2785700"), "dua juta tujuh ratus delapan puluh lima ribu tujuh ratus"),
        (0, "nol"),
        (-5, "minus lima"),
    ],
)
def test_terbilang_writes_indonesian_words(n, expected):
    assert terbilang(n) == expected


def test_terbilang_refuses_fractions():
    with pytest.raises(RuleError, match="bilangan bulat, bukan 1,50"):
        terbilang(Decimal("1.5"))


def test_terbilang_rupiah_adds_currency_and_cents():
    assert terbilang_rupiah(1500) == "seribu lima ratus rupiah"
    assert terbilang_rupiah(Decimal("2000.50")) == "dua ribu rupiah lima puluh sen"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("AKHMAD TAUFIK HIDAYAT", "Dr.", "S.H., M.Hum."),
            "Dr. AKHMAD TAUFIK HIDAYAT, S.H., M.Hum.",
        ),
        (("SITI AMINAH", "", "S.Pd."), "SITI AMINAH, S.Pd."),
        (("SITI AMINAH", "dr.", None), "dr. SITI AMINAH"),
        ((" BUDI  SANTOSO ", " ", " , "), "BUDI SANTOSO"),
        (("BUDI", None, ", S.E.,"), "BUDI, S.E."),
    ],
)
def test_nama_lengkap_has_no_stray_commas_or_spaces(parts, expected):
    assert nama_lengkap(*parts) == expected


@pytest.mark.parametrize(
    "value, desimal, expected",
    [
        (5508, None, "5.508"),
        (Decimal("22.5"), None, "22,5"),
        (Decimal("5.5400"), None, "5,54"),
        (Decimal("94.0000"), None, "94"),
        (Decimal("95.7833"), 2, "95,78"),
        (Decimal("99.996"), 2, "100"),
    ],
)
def test_angka_ringkas_drops_trailing_zeros_after_rounding(value, desimal, expected):
    assert angka_ringkas(value, desimal) == expected


@pytest.mark.parametrize(
    "size, text",
    [(1, "1 KB"), (2048, "2 KB"), (65536, "64 KB"), (1024 * 1024, "1,0 MB"),
     (int(4.8 * 1024 * 1024), "4,8 MB"), (51 * 1024 * 1024, "51,0 MB")],
)  # fmt: skip
def test_file_sizes_read_as_people_say_them(size, text):
    assert ukuran_berkas(size) == text
