"""Small sample files for the demo's digital personnel files: a one-page PDF per document type
(a few hundred bytes, written directly, so building needs neither WeasyPrint nor time) and a
plain pas-foto PNG. Every file says it is a demo sample, so none can pass for a real document.
"""

import struct
import zlib

WIDTH, HEIGHT = 595, 842  # A4 in points


def _escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def sample_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF 1.4: a border, the title in bold and the lines below it."""
    ops = [b"0.6 w 36 36 523 770 re S", b"BT /F2 16 Tf 56 770 Td (" + _escape(title) + b") Tj ET"]
    y = 740
    for line in lines:
        ops.append(b"BT /F1 11 Tf 56 %d Td (" % y + _escape(line) + b") Tj ET")
        y -= 18
    ops.append(
        b"BT /F1 9 Tf 56 60 Td (" + _escape("CONTOH DEMO SIKAP - BUKAN DOKUMEN RESMI") + b") Tj ET"
    )
    content = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (WIDTH, HEIGHT)
        + b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sample_png(width: int = 90, height: int = 120) -> bytes:
    """A pas-foto placeholder: a grey head and shoulders on the customary red background."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter: none
        for x in range(width):
            head = (x - width / 2) ** 2 + (y - height * 0.38) ** 2 < (width * 0.2) ** 2
            body = y > height * 0.62 and abs(x - width / 2) < width * 0.38
            row += b"\x9a\x9a\x9a" if head or body else b"\xc8\x1e\x1e"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
