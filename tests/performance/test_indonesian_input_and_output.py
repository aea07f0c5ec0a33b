"""Issue 15, findings 15: an Indonesian file's direction and aggregation words are accepted, an
unknown word is refused naming the allowed ones, and `sakip capaian` prints every indicator
(IKU and Renja) in one number format."""

from io import StringIO

import pytest
from django.core.management import call_command

from sikap.accounts.system import system_actor
from sikap.performance.importer import RENJA, parse_bundle
from sikap.performance.models import IndikatorRenja
from sikap.performance.services import import_sakip
from sikap.rules import RuleError
from sikap.rules.capaian import Aggregation, Direction, parse_choice
from tests.performance.test_import import edited, refused, row_of


@pytest.mark.parametrize(
    "word, expected",
    [
        ("naik", Direction.HIGHER),
        ("Semakin tinggi semakin baik", Direction.HIGHER),
        ("semakin_rendah", Direction.LOWER),
        ("TURUN", Direction.LOWER),
        ("lower", Direction.LOWER),
    ],
)
def test_direction_words(word, expected):
    assert parse_choice(Direction, word, "arah") == expected


def test_aggregation_words_and_an_unknown_word():
    assert parse_choice(Aggregation, "rata-rata", "agregasi") == Aggregation.AVERAGE
    assert parse_choice(Aggregation, "Triwulan terakhir", "agregasi") == Aggregation.LAST
    with pytest.raises(RuleError, match="'menyamping' tidak dikenal.*higher.*naik"):
        parse_choice(Direction, "menyamping", "arah")


def test_an_indonesian_renja_file_imports(db):
    def indonesian(rows, header):
        row_of(rows, "A.1.a")["direction"] = "turun"
        row_of(rows, "A.1.a")["aggregation"] = "jumlah"
        row_of(rows, "B")["direction"] = "semakin tinggi semakin baik"

    import_sakip(parse_bundle(edited(RENJA, indonesian), 2023), actor=system_actor())
    a1a = IndikatorRenja.objects.filter(kode="A.1.a").first()
    assert (a1a.arah, a1a.agregasi) == ("lower", "sum")
    assert IndikatorRenja.objects.filter(kode="B").first().arah == "higher"


def test_an_unknown_direction_word_is_refused_with_its_row(db):
    def bad(rows, header):
        row_of(rows, "A.1.a")["direction"] = "ke samping"

    [issue] = refused(edited(RENJA, bad))
    assert issue.column == "direction" and "tidak dikenal" in issue.message


def test_capaian_text_shows_every_indicator_in_one_number_format(seed):
    out = StringIO()
    call_command("sakip", "capaian", "--year", "2023", stdout=out)
    text = out.getvalue()
    assert "Indeks kualifikasi pendidikan ASN: 12,38 / 13 → 95,23 %" in text
    assert "12.38" not in text and "66.75" not in text
    assert "Indikator program, kegiatan dan sub kegiatan:" in text
    assert "A.1.b " in text  # a Renja indicator with its capaian
    lines = [line for line in text.splitlines() if line.startswith("  A.1.b ")]
    assert lines and "→" in lines[0]
