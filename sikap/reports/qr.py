"""QR codes for printed documents (segno): SVG for letters rendered to PDF, PNG for elsewhere.

Error correction level M survives a stamp or a fold over part of the code; segno raises it for
free when the data leaves room at the chosen size.
"""

import io

import segno


def _qr(data: str) -> segno.QRCode:
    return segno.make(data, error="m", micro=False)


def qr_svg(data: str, *, scale: int = 4, border: int = 2) -> bytes:
    """A standalone SVG (no XML declaration, so it can be inlined in HTML); size it with CSS."""
    out = io.BytesIO()
    _qr(data).save(out, kind="svg", scale=scale, border=border, xmldecl=False)
    return out.getvalue()


def qr_png(data: str, *, scale: int = 8, border: int = 2) -> bytes:
    out = io.BytesIO()
    _qr(data).save(out, kind="png", scale=scale, border=border)
    return out.getvalue()


def qr_data_uri(data: str, *, scale: int = 4, border: int = 2) -> str:
    """The SVG as a data: URI, the only kind of image the PDF renderer may load."""
    return _qr(data).svg_data_uri(scale=scale, border=border)
