"""One reader for the CSV and XLSX tables users upload (SIASN, SAKIP and the imports to come).

`read_table(data, columns)` recognises the format by content, decodes text without ever
replacing a character, finds the delimiter, matches the header row to the import's columns by
name and streams the data rows numbered as a spreadsheet shows them (the header is row 1 in the
usual file). A file that cannot be read raises `SikapError` with an Indonesian message before
any row reaches the importer; the importer validates cells and decides what to write.

Resource limits (`Limits`, from settings; docs/configuration.md) are checked in two places:
the sizes a workbook's zip directory declares, before openpyxl opens it (`_check_zip`: a
shared-strings bomb is refused without being inflated), and the row, cell and error caps in
`Table.rows()`, the one loop every row of every import passes through. An importer that
collects problems passes its list to `rows(errors=…)`: reading stops once the list holds
`Limits.errors` problems and `Table.stopped` says so (`stopped_message` for the user).
"""

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings

from sikap.core.errors import Kode, SikapError
from sikap.rules.formatting import angka, ukuran_berkas

DELIMITERS = (",", ";", "\t", "|")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # XLS, and XLSX with a password (encrypted)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode Text"
_NOT_WORD = re.compile(r"[\W_]+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# Floats hold integers exactly only up to 2**53: an 18-digit NIP typed as a number lost digits.
_EXACT_FLOAT = 2**53
# What openpyxl raises on a damaged workbook, while opening or while streaming rows.
_XLSX_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError,
                IndexError, TypeError, SyntaxError)  # fmt: skip

Cell = str | Decimal | date | datetime | time | bool


@dataclass(frozen=True)
class Limits:
    """What one import may cost. Each is a setting (`SIKAP_IMPORT_MAX_*`)."""

    rows: int
    cells: int
    errors: int
    uncompressed: int  # all entries of an XLSX, inflated
    shared_strings: int  # xl/sharedStrings.xml, inflated: openpyxl holds all of it in memory

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            rows=settings.SIKAP_IMPORT_MAX_ROWS,
            cells=settings.SIKAP_IMPORT_MAX_CELLS,
            errors=settings.SIKAP_IMPORT_MAX_ERRORS,
            uncompressed=settings.SIKAP_IMPORT_MAX_UNCOMPRESSED_BYTES,
            shared_strings=settings.SIKAP_IMPORT_MAX_SHARED_STRINGS_BYTES,
        )


@dataclass(frozen=True)
class Column:
    """A column an import reads: its name in the import's code and the other headers seen
    in the field for it. Headers match ignoring case, spaces and punctuation."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its number as the spreadsheet shows it and its cells in file order."""

    number: int
    cells: Sequence[Cell]
    table: "Table"

    def value(self, name: str) -> Cell:
        """The cell of a column ("" when the column or the cell is absent)."""
        index = self.table.index.get(name)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    def text(self, name: str) -> str:
        return as_text(self.value(name))

    @property
    def too_wide(self) -> str | None:
        """Why the row cannot be read when it holds more filled cells than the header has
        columns (a stray delimiter or quote shifts every cell after it), else None."""
        width = len(self.table.header)
        if len(self.cells) > width and any(c != "" for c in self.cells[width:]):
            return (
                f"Baris berisi {len(self.cells)} kolom, sedangkan baris judul {width} kolom; "
                "periksa pemisah kolom atau tanda kutip pada baris ini."
            )
        return None


class Table:
    """The header of a file, how it matched the import's columns, and its data rows."""

    def __init__(
        self,
        header: list[str],
        columns: Sequence[Column],
        rows: Iterator,
        limits: Limits | None = None,
    ):
        self.header = header
        self.index, self.missing, self.unknown = match_header(header, columns)
        self._rows = rows
        self.limits = limits or Limits.from_settings()
        self.stopped = False  # reading ended at the error cap; later rows were not read

    def rows(self, errors: Sized | None = None) -> Iterator[Row]:
        """The data rows, once. A file with a header and no data row is refused at the end;
        one over the row or cell cap as soon as the cap is passed. With `errors`, reading
        stops (and `stopped` is set) once it holds the error cap's number of problems."""
        limits = self.limits
        count = cells = 0
        for number, row_cells in self._rows:
            if errors is not None and len(errors) >= limits.errors:
                self.stopped = True
                return
            count += 1
            cells += len(row_cells)
            if count > limits.rows:
                raise SikapError(
                    Kode.BERKAS_TIDAK_VALID,
                    f"Berkas berisi lebih dari {angka(limits.rows)} baris data, batas satu kali "
                    "impor. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.",
                )
            if cells > limits.cells:
                raise SikapError(
                    Kode.BERKAS_TIDAK_VALID,
                    f"Berkas berisi lebih dari {angka(limits.cells)} sel, batas satu kali "
                    "impor. Hapus kolom yang tidak diperlukan atau bagi berkasnya.",
                )
            yield Row(number, row_cells, self)
        if count == 0:
            raise SikapError(
                Kode.BERKAS_TIDAK_VALID,
                "Berkas hanya berisi baris judul; tidak ada data untuk diimpor.",
            )

    @property
    def stopped_message(self) -> str:
        return stopped_message(self.limits.errors)


def stopped_message(cap: int) -> str:
    return (
        f"Pemeriksaan dihentikan setelah {angka(cap)} kesalahan pertama; baris sesudahnya "
        "belum diperiksa. Perbaiki kesalahan ini lalu unggah ulang."
    )


def read_table(data: bytes, columns: Sequence[Column], limits: Limits | None = None) -> Table:
    """Open a CSV or XLSX file (recognised by its content, not its name) on its header row."""
    limits = limits or Limits.from_settings()
    if not data.strip():
        raise _empty()
    if data.startswith(_ZIP):
        rows = _xlsx_rows(data, limits)
    elif data.startswith(_OLE):
        raise _old_or_locked(data)
    else:
        rows = _csv_rows(decode(data))
    numbered = ((n, cells) for n, cells in enumerate(rows, 1) if any(c != "" for c in cells))
    first = next(numbered, None)
    if first is None:
        raise _empty()
    header = [as_text(h) for h in first[1]]
    return Table(header, columns, numbered, limits)


def estimate_rows(data: bytes) -> int | None:
    """About how many data rows a file holds, for a progress bar: a CSV's line breaks (a
    quoted cell may hold more); None for a workbook, whose rows are known only once read."""
    if data.startswith((_ZIP, _OLE)):
        return None
    return max(0, data.count(b"\n") - (0 if data.endswith(b"\n") else -1) - 1)


def normalise_header(text: str) -> str:
    """`Nip_Baru`, ` NIP  BARU ` and `nip-baru` all become `nip baru`."""
    return " ".join(_NOT_WORD.sub(" ", str(text)).split()).casefold()


def match_header(
    header: Sequence[str], columns: Iterable[Column]
) -> tuple[dict[str, int], list[str], list[str]]:
    """({column name: index}, required names not found, headers that match no column).
    When a column appears twice, the first one counts."""
    wanted = {}
    for column in columns:
        for text in (column.name, *column.aliases):
            wanted.setdefault(normalise_header(text), column.name)
    index: dict[str, int] = {}
    unknown = []
    for i, text in enumerate(header):
        name = wanted.get(normalise_header(text))
        if name is None:
            if text.strip():
                unknown.append(text.strip())
        else:
            index.setdefault(name, i)
    missing = [c.name for c in columns if c.required and c.name not in index]
    return index, missing, unknown


def missing_columns(missing: Sequence[str], unknown: Sequence[str], hint: str = "") -> SikapError:
    """The refusal of a file without some required columns: all of them named, and the
    headers that matched nothing (often the same columns misspelt)."""
    message = "Kolom wajib tidak ditemukan pada baris judul: " + ", ".join(missing) + "."
    if unknown:
        shown = ", ".join(unknown[:10]) + (", …" if len(unknown) > 10 else "")
        message += f" Judul kolom lain pada berkas: {shown} (periksa ejaannya)."
    if hint:
        message += " " + hint
    return SikapError(Kode.BERKAS_TIDAK_VALID, message, {"kolom": list(missing)})


def as_text(value: object) -> str:
    """A cell as the text a user would type: dates as dd-mm-yyyy, numbers without a trailing
    `.0`, an inexact big number in exponent form (so a NIP check rejects it)."""
    if type(value) is str:  # nearly every cell: the quick way first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time():
            return f"{value:%d-%m-%Y}"
        return f"{value:%d-%m-%Y %H:%M:%S}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, float):
        return str(_decimal(value))
    return str(value).strip()


# Text


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252: what Excel on an
    Indonesian Windows writes. Latin-1 is not tried: the bytes cp1252 leaves undefined are C1
    control codes there, never text, so a file that needs them is refused, not garbled."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text() from None
    if _looks_binary(data[:8192]):
        raise _not_text()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SikapError(
        Kode.BERKAS_TIDAK_VALID,
        "Berkas teks tidak dapat dibaca: bukan UTF-8 dan bukan Windows-1252. Buka berkas di "
        "Excel lalu simpan ulang sebagai “CSV UTF-8”.",
    )


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) // 100


def detect_delimiter(line: str) -> str:
    """The delimiter that splits the header row into the most cells (quotes respected);
    a comma when nothing splits it."""
    best, most = ",", 1
    for delimiter in DELIMITERS:
        cells = len(next(csv.reader([line], delimiter=delimiter), []))
        if cells > most:
            best, most = delimiter, cells
    return best


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their endings (\r\n, \r or \n), as slices made one at a
    time: what io.StringIO(text, newline="") yields, without its copy of the whole text (four
    bytes per character) or a list of every line."""
    for match in _LINE.finditer(text):
        if match.group():
            yield match.group()


def _csv_rows(text: str) -> Iterator[list[str]]:
    first_line = next((line for line in _lines(text) if line.strip()), "")
    reader = csv.reader(_lines(text), delimiter=detect_delimiter(first_line.rstrip("\r\n")))
    try:
        for cells in reader:
            yield [cell.strip() for cell in cells]
    except csv.Error as e:
        raise SikapError(
            Kode.BERKAS_TIDAK_VALID,
            f"Berkas CSV rusak di baris {reader.line_num}: {e}. Periksa tanda kutip.",
        ) from None


# XLSX


def _xlsx_rows(data: bytes, limits: Limits) -> Iterator[list[Cell]]:
    """The first sheet's rows, streamed (read-only mode never holds the whole sheet), from
    row 1 so that numbering stays true when empty rows are skipped."""
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(data, limits)
    try:
        workbook = _first_sheet_workbook(data)
        sheet = workbook.worksheets[0]
        # Some exporters write a wrong size (A1:A1) into the sheet; read to its real end.
        sheet.reset_dimensions()
    except (*_XLSX_ERRORS, InvalidFileException):
        raise _bad_xlsx() from None
    return _stream(workbook, sheet)


def _first_sheet_workbook(data: bytes):
    """openpyxl's read-only workbook with only its first sheet, and without the size scan:
    read-only mode reads every sheet's whole XML once at opening when the sheet declares no
    size (junk files do not), only to learn a size `reset_dimensions` throws away."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self):
            pass

    class FirstSheetReader(ExcelReader):
        def read_worksheets(self):
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    self.wb._sheets.append(ws)
                    return

    reader = FirstSheetReader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose entries would inflate past the caps, from the sizes its zip
    directory declares (zipfile never inflates an entry past its declared size)."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _bad_xlsx() from None
    total = sum(e.file_size for e in entries)
    shared = sum(e.file_size for e in entries if e.filename.lower().endswith("sharedstrings.xml"))
    if total > limits.uncompressed or shared > limits.shared_strings:
        raise SikapError(
            Kode.BERKAS_TIDAK_VALID,
            f"Isi berkas XLSX terlalu besar setelah dibuka ({ukuran_berkas(total)}; batasnya "
            f"{ukuran_berkas(limits.uncompressed)}, teks {ukuran_berkas(limits.shared_strings)}). "
            "Simpan ulang hanya lembar data yang diperlukan, atau unggah sebagai CSV.",
        )


def _stream(workbook, sheet) -> Iterator[list[Cell]]:
    try:
        for values in sheet.iter_rows(min_row=1, values_only=True):
            yield [_xlsx_cell(v) for v in values]
    except _XLSX_ERRORS:
        raise _bad_xlsx() from None
    finally:
        workbook.close()


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.date() if value.time() == time() else value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return _decimal(value)
    return value  # date, time


def _decimal(value: float) -> Decimal:
    """The float's shortest text (5.54, not 5.5399…); a whole number beyond what a float holds
    exactly stays in exponent form, visibly not a whole number any more."""
    if value.is_integer() and abs(value) < _EXACT_FLOAT:
        return Decimal(int(value))
    return Decimal(repr(value))


# Refusals


def _empty() -> SikapError:
    return SikapError(Kode.BERKAS_TIDAK_VALID, "Berkas kosong: tidak ada data untuk diimpor.")


def _not_text() -> SikapError:
    return SikapError(
        Kode.BERKAS_TIDAK_VALID,
        "Berkas bukan CSV atau XLSX (isinya data biner, misalnya gambar atau PDF). "
        "Unggah tabel dalam format CSV atau XLSX.",
    )


def _bad_xlsx() -> SikapError:
    return SikapError(
        Kode.BERKAS_TIDAK_VALID,
        "Berkas XLSX tidak dapat dibaca: bukan XLSX yang utuh. Simpan ulang dari Excel "
        "sebagai XLSX atau CSV.",
    )


def _old_or_locked(data: bytes) -> SikapError:
    if _ENCRYPTED in data:
        return SikapError(
            Kode.BERKAS_TIDAK_VALID,
            "Berkas XLSX dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
            "(File › Info › Protect Workbook), lalu simpan dan unggah ulang.",
        )
    return SikapError(
        Kode.BERKAS_TIDAK_VALID,
        "Berkas XLS (Excel 97–2003) tidak didukung; simpan ulang sebagai XLSX atau CSV.",
    )
