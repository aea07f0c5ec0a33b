import re
from datetime import date

import pytest

from sikap.rules import RuleError
from sikap.rules.nip import cpns_age_warning, format_nip, nip_mismatches, parse_nip

SIGNATORY = "196607101992031007"  # the seed's signatory (RULES.md §1 layout)


def test_nip_splits_into_birth_date_tmt_sex_and_sequence():
    nip = parse_nip(SIGNATORY)
    assert nip.nomor == SIGNATORY
    assert nip.tanggal_lahir == date(1966, 7, 10)
    assert nip.tmt_cpns == date(1992, 3, 1)
    assert nip.jenis_kelamin == "L"
    assert nip.urut == 7


def test_nip_accepts_display_form_and_female_digit():
    nip = parse_nip("19801230 201001 2 005")
    assert (nip.nomor, nip.jenis_kelamin, nip.urut) == ("198012302010012005", "P", 5)


def test_nip_is_formatted_for_display():
    assert format_nip(parse_nip(SIGNATORY)) == "19660710 199203 1 007"
    assert format_nip(SIGNATORY) == "19660710 199203 1 007"


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("19660710199203100", "NIP harus 18 digit angka, bukan '19660710199203100'"),
        ("1966071019920310A7", "NIP harus 18 digit angka"),
        ("196902301992031007", "Tanggal lahir pada NIP (19690230) bukan tanggal yang valid"),
        ("196607101992131007", "TMT CPNS pada NIP (199213) tidak valid: bulan harus 01–12"),
        ("196607101966061007", "TMT CPNS pada NIP (196606) harus setelah tanggal lahir"),
        ("196607101992033007", "Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2"),
        ("196607101992031000", "Nomor urut NIP (digit 16–18) tidak boleh 000"),
    ],
    ids=[
        "17_digits",
        "letter",
        "impossible_birth_date",
        "tmt_month_13",
        "tmt_before_birth",
        "sex_digit_3",
        "sequence_000",
    ],
)
def test_nip_rejects_invalid_numbers(nip, message):
    with pytest.raises(RuleError, match=re.escape(message)) as exc:
        parse_nip(nip)
    assert exc.value.field == "nip"


def test_ni_pppk_skips_tmt_checks_but_keeps_birth_date_and_sex():
    nip = parse_nip("199001012021212001", pppk=True)  # digits 13–14 "21": not a month
    assert (nip.tanggal_lahir, nip.tmt_cpns, nip.jenis_kelamin) == (date(1990, 1, 1), None, "P")
    with pytest.raises(RuleError, match="Tanggal lahir pada NIP"):
        parse_nip("199002301992031001", pppk=True)
    with pytest.raises(RuleError, match="Digit ke-15"):
        parse_nip("199001012021213001", pppk=True)


def test_nip_mismatches_name_birth_date_and_sex():
    nip = parse_nip(SIGNATORY)
    assert nip_mismatches(nip, tanggal_lahir=date(1966, 7, 10), jenis_kelamin="L") == []
    assert nip_mismatches(nip, tanggal_lahir=None, jenis_kelamin=None) == []
    assert nip_mismatches(nip, tanggal_lahir=None, jenis_kelamin="") == []
    assert nip_mismatches(nip, tanggal_lahir=date(1966, 7, 11), jenis_kelamin="P") == [
        "Tanggal lahir 11 Juli 1966 tidak sesuai dengan NIP (10 Juli 1966)",
        "Jenis kelamin perempuan tidak sesuai dengan NIP (laki-laki)",
    ]


def test_cpns_younger_than_18_is_a_warning_not_an_error():
    assert cpns_age_warning(parse_nip(SIGNATORY)) is None
    young = parse_nip("197501152000011001")  # 15 Jan 1975, TMT Jan 2000: 24
    assert cpns_age_warning(young) is None
    teen = parse_nip("198501152002011001")  # TMT 1 Jan 2002: 16 years old
    assert cpns_age_warning(teen) == (
        "Usia pada TMT CPNS menurut NIP hanya 16 tahun (kurang dari 18); periksa kembali NIP"
    )
