"""Importing a year's SAKIP tables: the seed in CSV and XLSX, re-import, defaults, and every kind
of bad input refused with file, row, column and an Indonesian message, nothing half-imported."""

import csv
import io
from decimal import Decimal as D

import pytest
from openpyxl import Workbook

from sikap.accounts.system import system_actor
from sikap.core.models import AuditEntry
from sikap.performance.importer import (
    IKU,
    REALISASI,
    RENJA,
    ImportRefused,
    default_aggregation,
    parse_bundle,
)
from sikap.performance.models import (
    IndikatorRenja,
    IndikatorTarget,
    LaporanTotal,
    PerjanjianKinerja,
    RealisasiTriwulan,
    Renja,
    Renstra,
    Status,
)
from sikap.performance.services import import_sakip, save_realisasi
from tests.performance.conftest import seed_files


def edited(kind: str, change, files=None) -> dict:
    """The seed's files with `change(rows, header)` applied to one of them (rows are dicts)."""
    files = dict(files or seed_files())
    name, data = files[kind]
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    header, rows = list(reader.fieldnames), list(reader)
    header = change(rows, header) or header
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    files[kind] = (name, out.getvalue().encode())
    return files


def row_of(rows, code, indicator_start=""):
    return next(r for r in rows if r["code"] == code and r["indicator"].startswith(indicator_start))


def refused(files, year=2023) -> list:
    with pytest.raises(ImportRefused) as exc:
        import_sakip(parse_bundle(files, year), actor=system_actor())
    assert "tidak ada data yang disimpan" in exc.value.message
    return exc.value.issues


def test_the_seed_imports_whole(seed):
    renja = Renja.objects.get(tahun=2023)
    assert renja.indikator.count() == 65
    assert RealisasiTriwulan.objects.filter(state=Status.TERVERIFIKASI).count() == 212
    assert RealisasiTriwulan.objects.count() == 65 * 4
    assert LaporanTotal.objects.count() == 4
    assert IndikatorTarget.objects.filter(tahun=2023).count() == 5
    assert renja.renstra == Renstra.objects.get(tahun_awal=2018, tahun_akhir=2023)
    pk = PerjanjianKinerja.objects.get(tahun=2023)
    assert (pk.nomor_versi, pk.targets.count(), pk.anggaran.count()) == (1, 5, 3)
    assert seed.counts["indikator Renja"] == 65 and seed.replaced is None
    entry = AuditEntry.objects.get(action=AuditEntry.Aksi.IMPORT)
    assert entry.object_repr == "Renja 2023" and "65 indikator Renja" in entry.note


def test_a_published_quarter_is_locked_and_an_empty_one_stays_open(seed):
    a1a = IndikatorRenja.objects.get(kode="A.1.a")
    states = dict(a1a.realisasi.values_list("triwulan", "state"))
    assert states == {1: "draf", 2: "terverifikasi", 3: "draf", 4: "draf"}


def test_reimporting_a_year_replaces_it_and_says_so(seed, perencana):
    quarter = RealisasiTriwulan.objects.get(indikator__kode="A.1.a", triwulan=1)
    save_realisasi(quarter, k=D(1), rp=None, actor=perencana)
    again = import_sakip(parse_bundle(seed_files(), 2023), actor=system_actor())
    assert again.replaced == {
        "indikator Renja": 65,
        "realisasi triwulan": 213,
        "versi Perjanjian Kinerja": 1,
        "target IKU": 5,
    }
    assert "diganti seluruhnya" in again.summary
    assert Renja.objects.count() == 1 and IndikatorRenja.objects.count() == 65
    assert RealisasiTriwulan.objects.count() == 260 and IndikatorTarget.objects.count() == 5
    assert not RealisasiTriwulan.objects.filter(indikator__kode="A.1.a", triwulan=1).exclude(k=None)


def _xlsx(data: bytes) -> bytes:
    book = Workbook()
    sheet = book.active
    for n, row in enumerate(csv.reader(io.StringIO(data.decode("utf-8")))):
        # Numbers as numbers, the way a spreadsheet holds them.
        sheet.append([_number(cell) if n else cell for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(cell: str):
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell


def test_xlsx_files_import_like_csv(db):
    files = {
        kind: (name.replace(".csv", ".xlsx"), _xlsx(data))
        for kind, (name, data) in seed_files().items()
    }
    result = import_sakip(parse_bundle(files, 2023), actor=system_actor())
    assert result.counts["indikator Renja"] == 65
    assert IndikatorRenja.objects.get(kode="B.1", urutan=0).target == D("5.54")
    assert len([f for f in result.findings if f.severity == "A"]) == 22


def test_without_an_aggregation_column_counts_add_up_and_levels_take_the_last_quarter(db):
    def drop(rows, header):
        return [h for h in header if h not in ("aggregation", "direction")]

    import_sakip(parse_bundle(edited(RENJA, drop), 2023), actor=system_actor())
    by_key = {(i.kode, i.urutan): (i.agregasi, i.arah) for i in IndikatorRenja.objects.all()}
    assert by_key[("A.3.a", 0)] == ("sum", "higher")  # Dokumen
    assert by_key[("A", 0)] == ("last", "higher")  # %
    assert by_key[("C.2.a", 0)] == ("last", "higher")  # Orang/Bulan
    assert default_aggregation("Paket") == "sum" and default_aggregation("%") == "last"


# Bad input: refused with file, row, column and the problem; nothing written.


def test_target_zero_on_an_iku_is_refused(db):
    def zero(rows, header):
        rows[2]["target"] = "0"

    [issue] = refused(edited(IKU, zero))
    assert (issue.file, issue.row, issue.column) == ("iku_2023.csv", 4, "target")
    assert "Target 0" in issue.message and "Indeks Kinerja ASN" in issue.message
    assert not Renja.objects.exists()


def test_target_zero_on_a_budgeted_or_percentage_renja_row_is_refused(db):
    def zero(rows, header):
        row_of(rows, "A.1.f")["target_value"] = "0"
        row_of(rows, "B")["target_value"] = "0"

    issues = refused(edited(RENJA, zero))
    assert [(i.row, i.column) for i in issues] == [(16, "target_value"), (30, "target_value")]
    messages = " ".join(i.message for i in issues)
    assert "A.1.f (anggaran Rp20.400.000 direncanakan)" in messages
    assert "B (indikator persentase)" in messages


def test_missing_quarter_columns_are_named(db):
    def drop(rows, header):
        return [h for h in header if h not in ("q3_k", "q3_rp")]

    [issue] = refused(edited(REALISASI, drop))
    assert (issue.file, issue.row, issue.column) == ("realisasi_2023.csv", 1, "q3_k, q3_rp")
    assert "keempat triwulan" in issue.message


def test_a_negative_amount_is_refused_with_its_row(db):
    def negative(rows, header):
        row_of(rows, "C.3.b")["q2_rp"] = "-45950600"

    [issue] = refused(edited(REALISASI, negative))
    assert (issue.row, issue.column) == (59, "q2_rp")
    assert "negatif" in issue.message


def test_a_percentage_against_a_count_is_refused(db):
    def unit(rows, header):
        row_of(rows, "B.2.a")["unit"] = "%"

    [issue] = refused(edited(REALISASI, unit))
    assert (
        issue.column == "unit"
        and "'%' tidak sebanding" in issue.message
        and "B.2.a" in issue.message
    )


def test_two_count_units_are_reported_not_refused(db):
    def unit(rows, header):
        row_of(rows, "C.6.b")["unit"] = "Paket"

    result = import_sakip(parse_bundle(edited(REALISASI, unit), 2023), actor=system_actor())
    assert any(f.check == "satuan" and f.code == "C.6.b" for f in result.findings)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "data biner"),
        (b"PK\x03\x04 not really a workbook", "XLSX tidak dapat dibaca"),
        (b"", "Berkas kosong"),
        (b"kode,nama\nA,Program\n", "Kolom wajib 'code'"),
    ],
)
def test_a_malformed_file_is_refused(db, data, text):
    files = dict(seed_files())
    files[RENJA] = ("renja_2023.csv", data)
    issues = refused(files)
    assert any(text in i.message and i.file == "renja_2023.csv" for i in issues)


def test_bad_cells_are_listed_row_by_row(db):
    def damage(rows, header):
        row_of(rows, "A.1.a")["target_value"] = "1.234,5"
        row_of(rows, "A.2.b")["parent_code"] = "A.9"
        row_of(rows, "C.1")["aggregation"] = "median"

    issues = refused(edited(RENJA, damage))
    assert [(i.row, i.column) for i in issues] == [
        (11, "target_value"),
        (39, "aggregation"),
        (20, "parent_code"),
    ]
    assert "'1.234,5' bukan angka" in issues[0].message
    assert "sum, last, average, maximum" in issues[1].message
    assert "'A.9' tidak ada" in issues[2].message


def test_a_failed_reimport_leaves_the_year_as_it_was(seed):
    def damage(rows, header):
        rows[0]["target"] = "abc"

    refused(edited(IKU, damage))
    assert IndikatorRenja.objects.count() == 65
    assert PerjanjianKinerja.objects.count() == 1
    assert AuditEntry.objects.filter(action=AuditEntry.Aksi.IMPORT).count() == 1


def test_without_a_renstra_period_the_iku_is_refused(db):
    def drop(rows, header):
        return [h for h in header if h != "renstra"]

    [issue] = refused(edited(IKU, drop))
    assert issue.column == "renstra" and "2018-2023" in issue.message
    result = import_sakip(
        parse_bundle(edited(IKU, drop), 2023), actor=system_actor(), renstra=(2019, 2023)
    )
    assert result.counts["target IKU"] == 5
    assert Renja.objects.get().renstra.tahun_awal == 2019


def test_realisation_rows_must_match_the_renja(db):
    def extra(rows, header):
        rows.append(dict(row_of(rows, "C.6.b"), indicator="Indikator tambahan"))

    [issue] = refused(edited(REALISASI, extra))
    assert issue.column == "indicator" and "C.6.b memiliki 1 indikator" in issue.message


def test_a_windows_1252_file_keeps_its_accented_letters(db):
    def accent(rows, header):
        row_of(rows, "A.1.a")["indicator"] += " – “Café”"

    files = edited(RENJA, accent)
    name, data = files[RENJA]
    files[RENJA] = (name, data.decode("utf-8").encode("cp1252"))
    import_sakip(parse_bundle(files, 2023), actor=system_actor())
    assert IndikatorRenja.objects.get(kode="A.1.a").indikator.endswith(" – “Café”")


def test_bytes_that_are_no_known_encoding_are_refused_not_replaced(db):
    files = dict(seed_files())
    name, data = files[RENJA]
    files[RENJA] = (name, data.replace(b"KEPEGAWAIAN", b"KEPEGAWAIAN \x81\x9d", 1))
    [issue] = refused(files)
    assert (issue.file, issue.row) == ("renja_2023.csv", None)
    assert "bukan UTF-8 dan bukan Windows-1252" in issue.message


def test_headers_match_in_any_case_spacing_and_delimiter(db):
    files = dict(seed_files())
    name, data = files[RENJA]
    header, rest = data.decode("utf-8").split("\n", 1)
    header = header.upper().replace("_", " ")
    text = "\n".join([header, rest]).replace(",", ";")
    files[RENJA] = (name, text.encode("utf-8"))
    result = import_sakip(parse_bundle(files, 2023), actor=system_actor())
    assert result.counts["indikator Renja"] == 65
