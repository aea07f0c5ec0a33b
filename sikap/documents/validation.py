"""Checking an uploaded file by its content, never by its name or declared type.

`inspect` reads the first bytes to recognise the kind (PDF, JPEG, PNG), refuses a kind the
document type does not accept, then proves the file is what it claims: a PDF must parse, be
unencrypted, end properly and have pages; an image must decode completely within bounded
dimensions. Every refusal is a `SikapError(Kode.BERKAS_TIDAK_VALID)` in Indonesian.
"""

import io
import os
import re
import unicodedata
import warnings
import zlib
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader

from sikap.core.errors import Kode, SikapError
from sikap.documents.models import FORMATS
from sikap.rules.formatting import angka, ukuran_berkas

MAX_SIDE_PX = 10_000
MAX_PIXELS = 40_000_000
NAMA_ASLI_MAX = 150

_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)
# What people most often upload by mistake, to name it in the refusal.
_KNOWN_OTHERS = (
    (b"MZ", "program Windows (EXE/DLL)"),
    (b"\x7fELF", "program Linux"),
    (b"PK\x03\x04", "arsip ZIP atau dokumen Office (DOCX/XLSX)"),
    (b"\xd0\xcf\x11\xe0", "dokumen Office lama (DOC/XLS)"),
    (b"GIF8", "gambar GIF"),
    (b"RIFF", "gambar WEBP atau berkas media"),
    (b"Rar!", "arsip RAR"),
)
# A complete PDF ends with %%EOF; writers may add a little padding after it.
_PDF_TAIL = 1024


@dataclass(frozen=True)
class Inspection:
    format: str
    mime: str
    detail: str  # "3 halaman" or "1200 × 800 piksel", for the audit note


def refuse(message: str) -> SikapError:
    return SikapError(Kode.BERKAS_TIDAK_VALID, message, {"file": [message]})


def detect_format(head: bytes) -> str | None:
    for magic, code in _MAGIC:
        if head.startswith(magic):
            return code
    return None


def _describe_unknown(head: bytes) -> str:
    for magic, name in _KNOWN_OTHERS:
        if head.startswith(magic):
            return f"Isi berkas ini adalah {name}, bukan PDF atau gambar"
    return "Isi berkas tidak dikenali sebagai PDF, JPEG, atau PNG"


def inspect(
    data: bytes, *, allowed: tuple[str, ...], max_bytes: int, jenis_nama: str
) -> Inspection:
    """The checked kind of `data`, or a refusal naming the problem."""
    if not data:
        raise refuse("Berkas kosong (0 bita).")
    if len(data) > max_bytes:
        raise refuse(
            f"Ukuran berkas {ukuran_berkas(len(data))} melebihi batas {ukuran_berkas(max_bytes)} "
            f"untuk {jenis_nama}."
        )
    kind = detect_format(data[:16])
    accepted = ", ".join(FORMATS[c].label for c in allowed)
    if kind is None:
        raise refuse(f"{_describe_unknown(data[:16])}. {jenis_nama} menerima: {accepted}.")
    if kind not in allowed:
        raise refuse(
            f"Berkas ini berisi {FORMATS[kind].label}, sedangkan {jenis_nama} hanya menerima "
            f"{accepted}."
        )
    detail = _check_pdf(data) if kind == "pdf" else _check_image(data, kind)
    return Inspection(format=kind, mime=FORMATS[kind].mime, detail=detail)


def _check_pdf(data: bytes) -> str:
    if b"%%EOF" not in data[-_PDF_TAIL:]:
        raise refuse("PDF tidak utuh (terpotong atau rusak). Unggah ulang berkas aslinya.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise refuse(
                "PDF ini dikunci dengan kata sandi atau enkripsi. "
                "Simpan ulang tanpa kata sandi, lalu unggah kembali."
            )
        pages = len(reader.pages)
        for page in reader.pages:
            # Resolving each page's box and content proves its objects are really there.
            page.mediabox  # noqa: B018
            page.get_contents()
    except SikapError:
        raise
    except Exception as e:  # a malformed file can fail anywhere inside the parser
        raise refuse("PDF rusak dan tidak dapat dibaca. Unggah ulang berkas aslinya.") from e
    if pages < 1:
        raise refuse("PDF tidak memiliki halaman.")
    return f"{pages} halaman"


def _check_image(data: bytes, kind: str) -> str:
    pil_format = kind.upper()
    label = FORMATS[kind].label
    # Pillow cannot be trusted to notice a cut-off image here: WeasyPrint sets the global
    # ImageFile.LOAD_TRUNCATED_IMAGES when imported, and then Pillow pads missing data silently.
    complete = _jpeg_complete if kind == "jpeg" else _png_complete
    if not complete(data):
        raise refuse(f"Gambar {label} tidak utuh (terpotong). Unggah ulang berkas aslinya.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                width, height = image.size  # from the header: checked before any decoding
                _check_dimensions(width, height)
                image.verify()
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                image.load()
    except SikapError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise refuse(_too_large_message()) from e
    except Exception as e:  # truncated or corrupt data surfaces as many exception types
        raise refuse(f"Gambar {label} rusak atau tidak utuh. Unggah ulang berkas aslinya.") from e
    return f"{width} × {height} piksel"


def _jpeg_complete(data: bytes) -> bool:
    """Whether the markers lead from SOI to an EOI. Bytes after the EOI are allowed: phones
    append motion-photo and maker data there."""
    i, n = 2, len(data)
    while i + 2 <= n:
        if data[i] != 0xFF:
            return False
        marker = data[i + 1]
        if marker == 0xD9:  # EOI
            return True
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # RSTn, TEM: no length
            i += 2
            continue
        if i + 4 > n:
            return False
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if length < 2:
            return False
        i += 2 + length
        if marker == 0xDA:  # SOS: entropy-coded data runs to the next real marker
            while True:
                j = data.find(b"\xff", i)
                if j < 0 or j + 1 >= n:
                    return False
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffing, restart
                    i = j + 2
                    continue
                i = j
                break
    return False


def _png_complete(data: bytes) -> bool:
    """Whether the chunks, each with a correct CRC, run to IEND."""
    i, n = 8, len(data)
    while i + 12 <= n:
        length = int.from_bytes(data[i : i + 4], "big")
        end = i + 12 + length
        if end > n:
            return False
        crc = int.from_bytes(data[end - 4 : end], "big")
        if zlib.crc32(data[i + 4 : end - 4]) != crc:
            return False
        if data[i + 4 : i + 8] == b"IEND":
            return True
        i = end
    return False


def _check_dimensions(width: int, height: int) -> None:
    if width < 1 or height < 1 or max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        raise refuse(
            f"Ukuran gambar {width} × {height} piksel tidak wajar. " + _too_large_message()
        )


def _too_large_message() -> str:
    return (
        f"Gambar paling besar {angka(MAX_SIDE_PX)} piksel per sisi dan "
        f"{MAX_PIXELS // 1_000_000} megapiksel; perkecil lalu unggah kembali."
    )


_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


def clean_original_name(name: str | None) -> str:
    """The user's file name as harmless metadata: last path component only, no control or
    reserved characters, at most 150 characters with the extension kept. Never used as a path."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("", name).strip().strip(".").strip()
    if not name:
        return "berkas"
    if len(name) > NAMA_ASLI_MAX:
        stem, ext = os.path.splitext(name)
        ext = ext[:10]
        name = stem[: NAMA_ASLI_MAX - len(ext)] + ext
    return name
