"""Write rows to an XLSX workbook with openpyxl's write-only mode.

Write-only keeps one row in memory at a time, so an export of every pegawai of a regency (or a
province) costs the memory of the file, not of a worksheet model. The file is spooled to disk
past a few megabytes and streamed to the client from there.

Every export goes through here, so every export is safe from formula injection: a text cell
that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) is stored as
text with Excel's quote prefix, never as a formula, whatever a user typed into SIKAP.
"""

import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from sikap.core.validators import starts_like_formula

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SPOOL_BYTES = 8 * 1024 * 1024
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="0B5D3B")
_PROGRESS_EVERY = 1000


def write_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    title: str = "Data",
    widths: Sequence[int] | None = None,
    progress: Callable[[int], None] | None = None,
):
    """The workbook as a file object positioned at its start. Dates are real Excel dates.
    `progress(rows written)` is called every thousand rows (a long export's progress page)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths or (), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, text) for text in headers])
    for done, row in enumerate(rows, start=1):
        sheet.append([_cell(sheet, value) for value in row])
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done)
    output = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)
    workbook.save(output)
    output.seek(0)
    return output


def xlsx_response(filename: str, headers, rows, **options) -> FileResponse:
    return FileResponse(
        write_xlsx(headers, rows, **options),
        as_attachment=True,
        filename=filename,
        content_type=XLSX_MIME,
    )


def _header_cell(sheet, text: str) -> WriteOnlyCell:
    cell = _text_cell(sheet, text)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    return cell


def _cell(sheet, value):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD-MM-YYYY"
        return cell
    if isinstance(value, str) and starts_like_formula(value):
        return _text_cell(sheet, value)
    return value


def _text_cell(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    if starts_like_formula(text):
        cell.data_type = "s"  # openpyxl made it a formula ("f"); keep the text as typed
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell
