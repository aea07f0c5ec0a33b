"""Files for document tests, made here from real libraries (pypdf, Pillow), and an isolated
storage folder per test so that "nothing was stored" can be checked on disk."""

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def pdf_bytes(pages: int = 1, *, padding: int = 0) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        # Incompressible metadata makes a PDF of a chosen size (an attached file would be
        # active content, which uploads refuse).
        writer.add_metadata({"/Subject": _noise(padding).hex()[:padding]})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _noise(n: int) -> bytes:
    return random.Random(n).randbytes(n)


def encrypted_pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="rahasia", owner_password="rahasia")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(fmt: str = "PNG", size=(120, 80), color=(11, 93, 59)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A real small PNG whose IHDR is patched to claim other dimensions (CRC recomputed):
    what a decompression bomb looks like to a decoder reading the header."""
    data = bytearray(image_bytes("PNG", size=(8, 8)))
    # signature (8) + length (4) + b"IHDR" (4) → width, height at 16..24, CRC after 13 bytes
    data[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
