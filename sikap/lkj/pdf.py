"""The LKj as PDF: the report data printed through one HTML template by WeasyPrint, on A4 or
F4 (215 × 330 mm, the folio Indonesian offices file). The wide quarterly table gets landscape
pages of the same paper."""

import base64
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from sikap.lkj.builder import TRIWULAN, Lkj
from sikap.reports.pdf import render_pdf
from sikap.reports.qr import qr_data_uri
from sikap.rules.formatting import tanggal


@dataclass(frozen=True)
class Paper:
    code: str
    label: str
    width_mm: int
    height_mm: int

    @property
    def css(self) -> str:
        return f"{self.width_mm}mm {self.height_mm}mm"

    @property
    def css_landscape(self) -> str:
        return f"{self.height_mm}mm {self.width_mm}mm"


PAPERS = {
    "a4": Paper("a4", "A4 (210 × 297 mm)", 210, 297),
    "f4": Paper("f4", "F4 (215 × 330 mm)", 215, 330),
}

# (level, anchor, title) of the table of contents; page numbers come from the PDF itself.
TOC = (
    (1, "kata-pengantar", "Kata Pengantar"),
    (1, "ikhtisar", "Ikhtisar Eksekutif"),
    (1, "bab1", "BAB I Pendahuluan"),
    (2, "bab1a", "A. Latar Belakang"),
    (2, "bab1b", "B. Maksud dan Tujuan"),
    (2, "bab1c", "C. Gambaran Umum"),
    (2, "bab1d", "D. Dasar Hukum"),
    (2, "bab1e", "E. Sistematika Penulisan"),
    (1, "bab2", "BAB II Perencanaan Kinerja"),
    (2, "bab2a", "A. Rencana Strategis"),
    (2, "bab2b", "B. Rencana Kinerja Tahunan"),
    (2, "bab2c", "C. Perjanjian Kinerja"),
    (1, "bab3", "BAB III Akuntabilitas Kinerja"),
    (2, "bab3a", "A. Capaian Kinerja Organisasi"),
    (2, "bab3b", "B. Realisasi Anggaran"),
    (2, "bab3c", "Capaian Kinerja dan Realisasi Anggaran per Triwulan"),
    (2, "bab3d", "C. Catatan Konsistensi Data"),
    (1, "bab4", "BAB IV Penutup"),
    (2, "bab4a", "A. Simpulan"),
    (2, "bab4b", "B. Usulan dan Saran"),
    (1, "lampiran", "Lampiran: Perjanjian Kinerja"),
)


def paper(code: str) -> Paper:
    try:
        return PAPERS[code.lower()]
    except KeyError:
        raise ValueError(f"Ukuran kertas '{code}' tidak dikenal; pilih: a4, f4.") from None


def _svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def lkj_pdf(lkj: Lkj, paper_code: str = "a4", *, terbit=None, versi: int | None = None) -> bytes:
    """The report; with `terbit` (a numbered `DokumenTerbit`, saved or not) the cover carries
    its number, version and the QR code of its verification URL, and every footer the number."""
    report = render_pdf("lkj/lkj.html", _context(lkj, paper_code, terbit, versi))
    if lkj.pindaian is None or lkj.pindaian.gambar:
        return report  # an image scan is a page of the HTML itself
    return _with_pages(report, lkj.pindaian.record.read())


def _with_pages(report: bytes, scan: bytes) -> bytes:
    """The report with the scanned PDF's pages after its last page, as they are (vector and
    image content untouched)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    writer.append(PdfReader(io.BytesIO(scan)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lkj_html(lkj: Lkj, paper_code: str = "a4") -> str:
    """The HTML the PDF is printed from (its words, without WeasyPrint's layout)."""
    return render_to_string("lkj/lkj.html", _context(lkj, paper_code, None, None))


def _context(lkj: Lkj, paper_code: str, terbit, versi) -> dict:
    capaian, anggaran = lkj.charts
    return {
        "lkj": lkj,
        "year": str(lkj.tahun),
        "paper": paper(paper_code),
        "toc": [{"level": lv, "anchor": a, "title": t} for lv, a, t in TOC],
        "triwulan": TRIWULAN,
        "kolom_kr": range(6),
        "chart_capaian": _svg_uri(capaian.svg) if capaian else "",
        "chart_anggaran": _svg_uri(anggaran.svg) if anggaran else "",
        "terbit": terbit,
        "versi": versi,
        "qr": qr_data_uri(terbit.verification_url) if terbit else "",
        "diterbitkan": tanggal(timezone.localtime(terbit.issued_at).date()) if terbit else "",
        "pindaian_gambar": _scan_uri(lkj),
    }


def _scan_uri(lkj: Lkj) -> str:
    """An image scan as a data URI for its own page (WeasyPrint fetches nothing else)."""
    if lkj.pindaian is None or not lkj.pindaian.gambar:
        return ""
    record = lkj.pindaian.record
    return f"data:{record.mime};base64," + base64.b64encode(record.read()).decode()
