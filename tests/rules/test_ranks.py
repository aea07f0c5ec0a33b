import pytest

from sikap.rules import RuleError
from sikap.rules.ranks import (
    GOLONGAN,
    PPPK_GOLONGAN,
    golongan_from_bkn,
    golongan_label,
    golongan_order,
    golongan_to_bkn,
    pangkat,
    parse_golongan,
    parse_golongan_pppk,
    ruang_group,
)


def test_there_are_17_golongan_from_i_a_to_iv_e():
    assert len(GOLONGAN) == 17
    assert (GOLONGAN[0], GOLONGAN[8], GOLONGAN[-1]) == ("I/a", "III/a", "IV/e")
    assert golongan_order("II/d") < golongan_order("III/a") < golongan_order("IV/e") == 16


@pytest.mark.parametrize(
    ("golongan", "expected"),
    [
        ("I/a", "Juru Muda"),
        ("I/d", "Juru Tingkat I"),
        ("II/b", "Pengatur Muda Tingkat I"),
        ("III/a", "Penata Muda"),
        ("III/d", "Penata Tingkat I"),
        ("IV/c", "Pembina Utama Muda"),
        ("IV/d", "Pembina Utama Madya"),
        ("IV/e", "Pembina Utama"),
    ],
)
def test_pangkat_follows_pp_99_2000(golongan, expected):
    assert pangkat(golongan) == expected


@pytest.mark.parametrize("text", ["III/a", "III a", "IIIa", "3a", "III/A", " iii / a "])
def test_golongan_is_parsed_from_common_spellings(text):
    assert parse_golongan(text) == "III/a"


@pytest.mark.parametrize("text", ["I/e", "V/a", "III", "3", "III/f", ""])
def test_golongan_parser_rejects_unknown_golongan(text):
    with pytest.raises(RuleError, match="tidak dikenal; gunakan bentuk seperti III/a"):
        parse_golongan(text)


def test_canonical_form_is_required_after_parsing():
    with pytest.raises(RuleError, match="Golongan 'III A' tidak dikenal"):
        pangkat("III A")


@pytest.mark.parametrize(
    ("code", "golongan"),
    [("11", "I/a"), (14, "I/d"), ("21", "II/a"), ("31", "III/a"), (31, "III/a"), (45, "IV/e")],
)
def test_bkn_golongan_codes_round_trip(code, golongan):
    assert golongan_from_bkn(code) == golongan
    assert golongan_to_bkn(golongan) == str(code)


@pytest.mark.parametrize("code", ["15", 35, "46", "3a", ""])
def test_unknown_bkn_golongan_code_is_rejected(code):
    with pytest.raises(RuleError, match="Kode golongan BKN .* tidak dikenal"):
        golongan_from_bkn(code)


@pytest.mark.parametrize(
    ("golongan", "group"), [("I/d", 1), ("II/a", 2), ("III/c", 3), ("IV/e", 4)]
)
def test_ruang_group_is_the_roman_part(golongan, group):
    assert ruang_group(golongan) == group


@pytest.mark.parametrize(
    ("text", "expected"), [("IX", "IX"), ("9", "IX"), ("09", "IX"), ("xvii", "XVII"), ("1", "I")]
)
def test_pppk_golongan_accepts_roman_or_number(text, expected):
    assert parse_golongan_pppk(text) == expected


@pytest.mark.parametrize("text", ["0", "18", "XVIII", "III/a", ""])
def test_pppk_golongan_outside_i_to_xvii_is_rejected(text):
    with pytest.raises(RuleError, match="Golongan PPPK .* tidak dikenal"):
        parse_golongan_pppk(text)


def test_pppk_has_17_golongan():
    assert len(PPPK_GOLONGAN) == 17


@pytest.mark.parametrize(
    ("golongan", "shown"),
    [("III/a", "III/a"), ("IX", "PPPK IX"), ("XVII", "PPPK XVII"), ("I", "PPPK I")],
)
def test_a_pppk_golongan_is_always_shown_with_pppk(golongan, shown):
    assert golongan_label(golongan) == shown
