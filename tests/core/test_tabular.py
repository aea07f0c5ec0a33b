"""The one CSV/XLSX reader: encodings, delimiters, header matching, row numbers, cell values and
every kind of file it refuses, each built here as a small file."""

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from sikap.core.errors import Kode, SikapError
from sikap.core.tabular import Column, as_text, detect_delimiter, missing_columns, read_table

COLUMNS = (
    Column("NIP BARU", required=True),
    Column("NAMA", required=True),
    Column("TEMPAT LAHIR NAMA", aliases=("TEMPAT LAHIR",)),
)


def rows_of(data: bytes, columns=COLUMNS) -> list[tuple[int, dict[str, object]]]:
    table = read_table(data, columns)
    return [(row.number, {c.name: row.value(c.name) for c in columns}) for row in table.rows()]


def xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for n, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(n, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(SikapError) as exc:
        table = read_table(data, COLUMNS)
        list(table.rows())
    assert exc.value.code == Kode.BERKAS_TIDAK_VALID
    return exc.value.message


# Encodings

TEXT = "NIP BARU,NAMA,TEMPAT LAHIR\r\n199001012015031001,SRI RAHAYU Ñ DÉWI,Lumajang\r\n"
EXPECTED = [
    (2, {"NIP BARU": "199001012015031001", "NAMA": "SRI RAHAYU Ñ DÉWI",
         "TEMPAT LAHIR NAMA": "Lumajang"}),
]  # fmt: skip


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16"),  # Excel's "Unicode Text", with its BOM
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252", "utf-16-bom"],
)
def test_every_encoding_excel_writes_is_read_without_replacing_a_character(data):
    assert rows_of(data) == EXPECTED


def test_bytes_neither_utf8_nor_windows_1252_are_refused_not_replaced():
    # 0x81 and 0x9d are undefined in Windows-1252: decoding them would need a replacement.
    message = refusal(b"NIP BARU,NAMA\r\n1,SRI \x81\x9d\r\n")
    assert "bukan UTF-8 dan bukan Windows-1252" in message


def test_windows_1252_quotes_and_currency_are_their_characters():
    data = "NIP BARU,NAMA\r\n1,“Rp” – €\r\n".encode("cp1252")
    assert rows_of(data)[0][1]["NAMA"] == "“Rp” – €"


# Delimiters


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_found_on_the_header_row(delimiter):
    data = TEXT.replace(",", delimiter).encode()
    assert rows_of(data) == EXPECTED


def test_a_delimiter_inside_a_quoted_header_does_not_count():
    assert detect_delimiter('"NAMA; GELAR";NIP BARU;"A;B"') == ";"
    assert detect_delimiter('"NIP, BARU"|"NAMA, LENGKAP"|X') == "|"
    assert detect_delimiter("NAMA") == ","


# Header matching


def test_headers_match_ignoring_case_spaces_punctuation_and_by_alias():
    data = b" nip_baru ;Nama.;Tempat-Lahir\r\n1;Budi;Jember\r\n"
    table = read_table(data, COLUMNS)
    assert (table.missing, table.unknown) == ([], [])
    assert table.header[table.index["NIP BARU"]] == "nip_baru"
    assert [row.text("TEMPAT LAHIR NAMA") for row in table.rows()] == ["Jember"]


def test_missing_required_columns_are_all_named_with_the_unknown_headers():
    table = read_table(b"NIP,NAMA LENGKAP,TEMPAT LAHIR\r\n1,Budi,Jember\r\n", COLUMNS)
    assert table.missing == ["NIP BARU", "NAMA"]
    error = missing_columns(table.missing, table.unknown, "Gunakan unduhan SIASN.")
    message = error.message
    assert "Kolom wajib tidak ditemukan pada baris judul: NIP BARU, NAMA." in message
    assert "Judul kolom lain pada berkas: NIP, NAMA LENGKAP" in message
    assert message.endswith("Gunakan unduhan SIASN.")
    assert (error.code, error.errors) == (Kode.BERKAS_TIDAK_VALID, {"kolom": ["NIP BARU", "NAMA"]})


def test_the_first_of_two_columns_with_the_same_header_counts():
    [(_, values)] = rows_of(b"NIP BARU,NAMA,NAMA\r\n1,Pertama,Kedua\r\n")
    assert values["NAMA"] == "Pertama"


# Row numbers


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them():
    data = b'\r\nNIP BARU,NAMA\r\n1,A\r\n\r\n,\r\n2,"B\r\nbaris kedua"\r\n3,C\r\n'
    numbers = [(n, v["NAMA"]) for n, v in rows_of(data)]
    assert numbers == [(3, "A"), (6, "B\r\nbaris kedua"), (7, "C")]


def test_xlsx_rows_keep_the_sheets_own_numbers_when_empty_rows_are_skipped():
    data = xlsx(["NIP BARU", "NAMA"], ["1", "A"], [None, None], ["", "  "], ["2", "B"])
    assert [(n, v["NAMA"]) for n, v in rows_of(data)] == [(2, "A"), (5, "B")]


def test_xlsx_is_read_to_its_end_when_the_file_states_a_wrong_size():
    data = xlsx(["NIP BARU", "NAMA"], ["1", "A"], ["2", "B"])
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:B3"/>' in content
                content = content.replace(b'<dimension ref="A1:B3"/>', b'<dimension ref="A1"/>')
            target.writestr(item, content)
    assert [n for n, _ in rows_of(out.getvalue())] == [2, 3]


# Cell values


def test_xlsx_cells_keep_dates_give_decimals_and_strip_text():
    data = xlsx(
        ["NIP BARU", "NAMA", "TEMPAT LAHIR"],
        [198506152010031001.0, "  Budi  ", datetime(1985, 6, 15)],
        [42, 5.54, datetime(2024, 1, 2, 7, 30)],
    )
    first, second = (values for _, values in rows_of(data))
    assert first["NAMA"] == "Budi"
    assert first["TEMPAT LAHIR NAMA"] == date(1985, 6, 15)
    assert (second["NIP BARU"], second["NAMA"]) == (Decimal(42), Decimal("5.54"))
    assert second["TEMPAT LAHIR NAMA"] == datetime(2024, 1, 2, 7, 30)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  Budi ", "Budi"),
        (date(1985, 6, 15), "15-06-1985"),
        (datetime(1985, 6, 15), "15-06-1985"),
        (Decimal(42), "42"),
        (42.0, "42"),
        (5.54, "5.54"),
        # An 18-digit NIP Excel stored as a float lost its last digits: it must not read as one.
        (198506152010031001.0, "1.98506152010031e+17"),
    ],
)
def test_cells_read_as_the_text_a_user_would_type(value, text):
    assert as_text(value).lower() == text.lower()


def test_a_row_wider_than_the_header_says_so():
    table = read_table(b"NIP BARU,NAMA\r\n1,A,,\r\n2,B,C\r\n", COLUMNS)
    first, second = table.rows()
    assert first.too_wide is None
    assert "Baris berisi 3 kolom, sedangkan baris judul 2 kolom" in second.too_wide


# Files that are refused


def _workbook_with_broken_sheet() -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(xlsx(["NIP BARU", "NAMA"], ["1", "A"]))), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    return out.getvalue()


def _zip_of(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(name, content)
    return out.getvalue()


# An OLE compound file: how Office stores an XLS, and an XLSX locked with a password.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "Berkas kosong"),
        (b" \r\n\r\n\t", "Berkas kosong"),
        (b",,,\r\n,,\r\n", "Berkas kosong"),
        (b"NIP BARU,NAMA\r\n", "hanya berisi baris judul"),
        (b"NIP BARU,NAMA\r\n,\r\n", "hanya berisi baris judul"),
        (xlsx([None], [None]), "Berkas kosong"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "data biner"),
        (b"%PDF-1.7\n" + bytes(range(1, 32)) * 20, "bukan CSV atau XLSX"),
        (b"PK\x03\x04 not really a workbook", "XLSX tidak dapat dibaca"),
        (_zip_of("readme.txt", b"bukan buku kerja"), "XLSX tidak dapat dibaca"),
        (_workbook_with_broken_sheet(), "XLSX tidak dapat dibaca"),
        (OLE + "EncryptedPackage".encode("utf-16-le") + bytes(64), "dilindungi kata sandi"),
        (OLE + "Workbook".encode("utf-16-le") + bytes(64), "XLS (Excel 97–2003)"),
    ],
    ids=[
        "empty", "blank-lines", "only-delimiters", "header-only", "header-and-blank-row",
        "empty-xlsx", "png", "pdf-like", "corrupt-zip", "zip-not-xlsx", "truncated-sheet",
        "password-xlsx", "xls",
    ],
)  # fmt: skip
def test_files_that_cannot_be_read_are_refused_in_indonesian(data, words):
    assert words in refusal(data)
