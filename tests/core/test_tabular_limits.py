"""Import resource limits (finding 4): junk is refused early and cheaply, with a clear message."""

import pytest

from sikap.accounts.system import system_actor
from sikap.core.errors import SikapError
from sikap.core.tabular import Column, Limits, read_table
from sikap.people.import_service import import_siasn
from sikap.people.siasn import EXPORT_COLUMNS
from tests.core.crafted_xlsx import shared_strings_bomb, workbook

MB = 1024 * 1024
COLUMNS = [Column("nama", required=True), Column("nilai")]


def _limits(**changes) -> Limits:
    values = dict(rows=100, cells=1000, errors=5, uncompressed=64 * MB, shared_strings=4 * MB)
    values.update(changes)
    return Limits(**values)


def _csv(rows: int, width: int = 2) -> bytes:
    header = ",".join(["nama", "nilai", *(f"x{i}" for i in range(width - 2))])
    line = ",".join(["a"] * width)
    return (header + "\n" + "\n".join([line] * rows)).encode()


@pytest.fixture
def openpyxl_must_not_open(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl opened a workbook that should have been refused")

    monkeypatch.setattr("openpyxl.load_workbook", refuse)


def test_a_shared_strings_bomb_is_refused_before_openpyxl_inflates_it(openpyxl_must_not_open):
    data = workbook([["nama"], ["a"]], shared_strings=shared_strings_bomb(8))
    assert len(data) < 100_000
    with pytest.raises(SikapError, match="terlalu besar setelah dibuka"):
        read_table(data, COLUMNS, _limits())


def test_a_workbook_inflating_past_the_total_cap_is_refused(openpyxl_must_not_open):
    data = workbook([["nama"]] + [["a" * 100]] * 20_000)
    with pytest.raises(SikapError, match="terlalu besar setelah dibuka") as refused:
        read_table(data, COLUMNS, _limits(uncompressed=1 * MB))
    assert "CSV" in refused.value.message


def test_the_default_caps_accept_an_ordinary_workbook():
    table = read_table(workbook([["nama", "nilai"], ["Budi", "1"]]), COLUMNS)
    assert [row.text("nama") for row in table.rows()] == ["Budi"]


def test_rows_past_the_row_cap_are_refused_with_the_cap_named():
    table = read_table(_csv(101), COLUMNS, _limits(rows=100))
    with pytest.raises(SikapError, match="lebih dari 100 baris data"):
        list(table.rows())
    assert len(list(read_table(_csv(100), COLUMNS, _limits(rows=100)).rows())) == 100


def test_cells_past_the_cell_cap_are_refused():
    table = read_table(_csv(10, width=20), COLUMNS, _limits(cells=150))
    with pytest.raises(SikapError, match="lebih dari 150 sel"):
        list(table.rows())


def test_reading_stops_once_the_error_list_is_full():
    table = read_table(_csv(50), COLUMNS, _limits(errors=5))
    errors, seen = [], 0
    for _row in table.rows(errors=errors):
        seen += 1
        errors.append("masalah")
    assert (seen, len(errors), table.stopped) == (5, 5, True)
    assert "setelah 5 kesalahan pertama" in table.stopped_message


@pytest.mark.django_db
def test_a_100000_row_junk_workbook_stops_at_the_error_cap_and_writes_nothing(settings):
    settings.SIKAP_IMPORT_MAX_ERRORS = 1000
    junk = workbook([list(EXPORT_COLUMNS)] + [["zz"] * 8] * 100_000)
    report = import_siasn(junk, actor=system_actor())
    assert report.stopped
    assert len(report.errors) == 1000
    assert max(e.row for e in report.errors) < 1000  # the rest of the file was never read
    assert (report.created, report.updated) == (0, 0)
