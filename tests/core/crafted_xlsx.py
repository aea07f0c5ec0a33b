"""Workbooks written byte by byte, for junk that openpyxl would not write (or not quickly)."""

import io
import zipfile
from xml.sax.saxutils import escape

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/>{shared}</Types>'
)
_SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/>{shared}</Relationships>'
)
_SHARED_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
)


def _row(number: int, cells) -> str:
    inline = "".join(
        f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>' for value in cells
    )
    return f'<row r="{number}">{inline}</row>'


def workbook(rows, *, shared_strings: bytes | None = None) -> bytes:
    """An XLSX of inline-string rows; `shared_strings` adds that sharedStrings.xml as is."""
    sheet = io.StringIO()
    sheet.write(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    for number, cells in enumerate(rows, 1):
        sheet.write(_row(number, cells))
    sheet.write("</sheetData></worksheet>")
    shared = shared_strings is not None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _TYPES.format(shared=_SHARED_TYPE if shared else ""))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(shared=_SHARED_REL if shared else ""),
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
        if shared:
            z.writestr("xl/sharedStrings.xml", shared_strings)
    return out.getvalue()


def shared_strings_bomb(megabytes: int) -> bytes:
    """A sharedStrings.xml of `megabytes` MB of one repeated string: deflates to almost nothing."""
    item = "<si><t>" + "A" * 1000 + "</t></si>"
    count = megabytes * 1024 * 1024 // len(item)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">'
    )
    return (head + item * count + "</sst>").encode()
