"""Previews of stored PDFs as page images, rendered on the server with PDFium.

A verifier looks at an uploaded PDF without any PDF viewer in the browser: what reaches the
page is a PNG of each page, so nothing in the file (scripts, forms, links, embedded files) can
act, whatever the browser. Only the first `MAX_PAGES` pages are shown; the rest is a download.
"""

import io

import pypdfium2

from sikap.core.errors import Kode, SikapError

MAX_PAGES = 10
WIDTH_PX = 1000  # wide enough to read an A4 scan on a desktop, small enough for a phone


def _open(fieldfile) -> pypdfium2.PdfDocument:
    with fieldfile.open("rb") as handle:
        data = handle.read()
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        raise SikapError(Kode.DATA_TIDAK_VALID, "Berkas PDF ini tidak dapat ditampilkan.") from e


def page_count(fieldfile) -> int:
    pdf = _open(fieldfile)
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_png(fieldfile, number: int) -> bytes:
    """Page `number` (1-based, at most MAX_PAGES) as a PNG WIDTH_PX wide."""
    pdf = _open(fieldfile)
    try:
        if not 1 <= number <= min(len(pdf), MAX_PAGES):
            raise SikapError(Kode.DATA_TIDAK_VALID, f"Halaman {number} tidak ada di pratinjau.")
        page = pdf[number - 1]
        scale = WIDTH_PX / max(page.get_width(), 1)
        image = page.render(scale=min(scale, 4)).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    finally:
        pdf.close()


def pages_shown(dokumen) -> range:
    """The PDF pages the preview shows: none for an image, or for a file that cannot be read."""
    if dokumen.format != "pdf":
        return range(0)
    try:
        return range(1, min(page_count(dokumen.file), MAX_PAGES) + 1)
    except (SikapError, OSError):
        return range(0)
