"""The LKj as DOCX: the committed Word template (docx_template.py) filled by docxtpl from the
same `Lkj` object as the PDF. Texts go through the template's tags; each table is built here
as a sub-document (its column count differs per table and per year), and the charts are the
PNG renderings."""

import io

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate, InlineImage

from sikap.lkj.builder import TRIWULAN, Lkj, Table
from sikap.lkj.docx_template import TEMPLATE
from sikap.lkj.pdf import paper

SHADE = {"program": "F3F3F3", "jumlah": "FAFAFA", "total": "E6E6E6"}


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _write(cell, text: str, *, size: float, bold=False, italic=False, right=False) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic


def _table(tpl, table: Table, numeric_from: int, *, size=8.0, widths=None, headers=None):
    sub = tpl.new_subdoc()
    header_rows = headers or [list(table.headers)]
    t = sub.add_table(rows=len(header_rows), cols=len(table.headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, labels in enumerate(header_rows):
        for c, label in enumerate(labels):
            cell = t.rows[r].cells[c]
            _write(cell, label, size=size, bold=True)
            _shade(cell, "E6E6E6")
    for row in table.rows:
        cells = t.add_row().cells
        for c, text in enumerate(row.cells):
            _write(
                cells[c],
                text,
                size=size,
                bold=row.kind in ("program", "kegiatan", "total"),
                italic=row.kind == "jumlah",
                right=c >= numeric_from,
            )
            if row.kind in SHADE:
                _shade(cells[c], SHADE[row.kind])
    if widths:
        for row in t.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
    for r in range(len(header_rows)):  # repeat the header on every page
        tr_pr = t.rows[r]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    return sub


def _quarterly(tpl, lkj: Lkj):
    top = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", f"Target {lkj.tahun}", ""]
    for r in TRIWULAN:
        top += [f"TW {r}", ""]
    top += [f"Realisasi {lkj.tahun}", "", "Capaian"]
    second = ["", "", "", *["K", "Rp"] * 6, ""]
    # Rupiah columns wide enough for 13-digit amounts at 5.5 pt: a number never wraps.
    widths = [9, 27, 30, *[11, 18] * 6, 12]
    return _table(tpl, lkj.triwulan, 3, size=5.5, widths=widths, headers=[top, second])


def _set_paper(document, code: str) -> None:
    size = paper(code)
    for section in document.sections:
        landscape = section.orientation == WD_ORIENT.LANDSCAPE
        w, h = (size.height_mm, size.width_mm) if landscape else (size.width_mm, size.height_mm)
        section.page_width, section.page_height = Mm(w), Mm(h)


SCAN_DPI = 110  # a PDF scan's pages as pictures: legible, a few hundred KB a page
SCAN_WIDTH_MM = 160


def _scan_images(record) -> list[bytes]:
    """The scan as pictures: an image as it is, a PDF's pages rendered (Word cannot hold PDF
    pages), one PNG each."""
    data = record.read()
    if record.format != "pdf":
        return [data]
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        images = []
        for page in document:
            out = io.BytesIO()
            page.render(scale=SCAN_DPI / 72).to_pil().save(out, format="PNG")
            images.append(out.getvalue())
        return images
    finally:
        document.close()


def _pindaian(tpl, lkj: Lkj):
    """The sentence that the signed agreement follows, then each of its pages on its own."""
    sub = tpl.new_subdoc()
    sub.add_paragraph(lkj.pindaian_teks)
    for image in _scan_images(lkj.pindaian.record):
        sub.add_page_break()
        p = sub.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(io.BytesIO(image), width=Mm(SCAN_WIDTH_MM))
    return sub


def lkj_docx(lkj: Lkj, paper_code: str = "a4") -> bytes:
    tpl = DocxTemplate(TEMPLATE)
    capaian, anggaran = lkj.charts
    tables = {
        "rencana_tahunan": _table(tpl, lkj.rencana_tahunan, 3)
        if lkj.rencana_tahunan.rows
        else None,
        "renja": _table(tpl, lkj.renja, 3, size=7.5),
        "program_anggaran": (
            _table(tpl, lkj.program_anggaran, 2) if lkj.program_anggaran else None
        ),
        "pk_sasaran": _table(tpl, lkj.pk_sasaran, 3) if lkj.pk_sasaran.rows else None,
        "pk_program": _table(tpl, lkj.pk_program, 1) if lkj.pk_program else None,
        "capaian": _table(tpl, lkj.capaian, 5) if lkj.capaian else None,
        "multi_tahun": _table(tpl, lkj.multi_tahun, 1) if lkj.multi_tahun else None,
        "anggaran": _table(tpl, lkj.anggaran, 2) if lkj.anggaran else None,
        "triwulan": _quarterly(tpl, lkj),
        "ip_status": _table(tpl, lkj.ip_status, 1) if lkj.ip_status else None,
        "efisiensi": _table(tpl, lkj.efisiensi, 2) if lkj.efisiensi else None,
        "konsistensi": _table(tpl, lkj.konsistensi, 99, size=7.5) if lkj.konsistensi else None,
    }
    context = {
        "lkj": lkj,
        "pindaian": _pindaian(tpl, lkj) if lkj.pindaian else None,
        "tabel": tables,
        "grafik": {
            name: InlineImage(tpl, io.BytesIO(chart.png), width=Mm(150))
            for name, chart in (("capaian", capaian), ("anggaran", anggaran))
            if chart is not None
        },
    }
    tpl.render(context, autoescape=True)
    _set_paper(tpl.docx, paper_code)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
