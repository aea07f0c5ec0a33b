"""The indicator formula language: what it accepts, what it refuses and how it says so."""

from decimal import Decimal

import pytest

from sikap.rules import RuleError, formula
from sikap.rules.formula import check_names, evaluate, parse, substitute

D = Decimal


def test_percentage_of_pns_with_s2_or_s3():
    formula = parse("(jumlah_s2_s3 / jumlah_pns) * 100")
    assert formula.names == ("jumlah_s2_s3", "jumlah_pns")
    value = evaluate(formula, {"jumlah_s2_s3": 235, "jumlah_pns": 5508})
    assert value == D(235) / D(5508) * 100
    assert substitute(formula, {"jumlah_s2_s3": 235, "jumlah_pns": 5508}) == ("(235 / 5.508) * 100")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("-a + 10", "7"),
        ("--a", "3"),
        ("a / 4", "0.75"),
        ("2.5 * a", "7.5"),
        ("1 / 3 * 3", "0.9999999999999999999999999999"),
        ("a-b", "-1"),
    ],
)
def test_arithmetic_follows_the_usual_precedence_in_decimal(text, expected):
    assert evaluate(parse(text), {"a": 3, "b": 4}) == D(expected)


def test_unknown_name_is_named():
    formula = parse("jumlah_s4 / jumlah_pns")
    with pytest.raises(RuleError, match="Hitungan 'jumlah_s4' tidak dikenal"):
        evaluate(formula, {"jumlah_pns": 10})
    with pytest.raises(RuleError, match="Hitungan 'jumlah_s4' tidak dikenal"):
        check_names(formula, {"jumlah_pns"})


def test_division_by_zero_names_the_divisor_and_its_column():
    message = "Pembagian dengan nol pada kolom 10: 'jumlah_pns' bernilai 0"
    with pytest.raises(RuleError, match=message):
        evaluate(parse("jumlah / jumlah_pns * 100"), {"jumlah": 1, "jumlah_pns": 0})
    with pytest.raises(RuleError, match="kolom 6: 'a - a' bernilai 0"):
        evaluate(parse("1 / (a - a)"), {"a": 5})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Rumus kosong"),
        ("(a + b", "tidak lengkap atau tidak valid pada kolom"),
        ("a +", "tidak lengkap atau tidak valid pada kolom"),
        ("a b", "tidak lengkap atau tidak valid pada kolom"),
        ("a ** 2", r"'a \*\* 2' pada kolom 1 tidak diizinkan"),
        ("a // 2", "tidak diizinkan"),
        ("abs(a)", "'abs\\(a\\)' pada kolom 1 tidak diizinkan"),
        ("a.real", "'a.real' pada kolom 1 tidak diizinkan"),
        ("True + 1", "'True' pada kolom 1 tidak diizinkan"),
        ("a and b", "tidak diizinkan"),
        ("__import__('os')", "Karakter ''' tidak diizinkan pada kolom 12"),
        ("a × 100", "Karakter '×' tidak diizinkan pada kolom 3: gunakan \\* untuk perkalian"),
        ("a ÷ b", "gunakan / untuk pembagian"),
        ("a * 2,5", "gunakan titik untuk desimal"),
        ("a; b", "Karakter ';' tidak diizinkan"),
        ("1e999 * a", "terlalu besar"),
        ("a + " * 200 + "a", "terlalu panjang"),
    ],
)
def test_everything_outside_the_whitelist_is_refused_with_a_position(text, message):
    with pytest.raises(RuleError, match=message):
        parse(text)


def test_spacing_and_line_breaks_are_normalised_before_positions_are_counted():
    formula = parse("(a\n  / b)  * 100")
    assert formula.text == "(a / b) * 100"
    assert substitute(formula, {"a": 1, "b": 2000}) == "(1 / 2.000) * 100"


@pytest.mark.parametrize(
    "text", ["99999999999999999999999999999 * jumlah_pns", "1000000000001", "1e300 / a"]
)
def test_a_literal_beyond_a_trillion_is_refused_when_saved(text):
    with pytest.raises(RuleError, match="terlalu besar"):
        formula.parse(text)


def test_a_result_beyond_what_can_be_rounded_is_an_error_not_a_crash():
    parsed = formula.parse("a * 1000000 * 1000000 * 1000000")
    with pytest.raises(RuleError, match="Hasil rumus terlalu besar pada kolom"):
        formula.evaluate(parsed, {"a": 5508})
    assert formula.evaluate(formula.parse("a * 1000000"), {"a": 5508}) == 5508000000
