"""Checking an uploaded file by its content, never by its name or declared type.

`inspect` reads the first bytes to recognise the kind (PDF, JPEG, PNG, and for the uploads
that take them XLSX and DOCX), refuses a kind the upload does not accept, then proves the file
is what it claims: a PDF must parse, be unencrypted, end properly, have pages and carry no
active content (scripts, actions run on opening, launched programs, embedded files); an image
must decode completely within bounded dimensions; an Office file must be a whole workbook or
document without macros that does not inflate past a bound. Every refusal is a
`SikapError(Kode.BERKAS_TIDAK_VALID)` in Indonesian.

It is the one content check of every upload: documents, issued letters, SAKIP evidence, and
the modules to come (`inspect(data, allowed=("jpeg", "png"), …)` for a photo).
"""

import io
import os
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader

from sikap.core.errors import Kode, SikapError
from sikap.documents.models import FORMATS, Format
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
# PDF names that run something or carry a file: refused in every upload (finding 10).
_ACTIVE_KEYS = frozenset({"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile",
                          "/EmbeddedFiles", "/RichMedia", "/XFA"})  # fmt: skip
_ACTIVE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
)
# More objects than this and a PDF is not a scanned letter: refused rather than walked for ever.
_PDF_MAX_OBJECTS = 200_000
# Office files (OOXML: a zip): which part proves the kind, and how far they may inflate.
_OFFICE_MAIN = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
OFFICE_MAX_INFLATED = 200 * 1024 * 1024
# Every kind an upload may accept: the document kinds, and Office files for SAKIP evidence.
KINDS = {
    **FORMATS,
    "xlsx": Format(
        "XLSX",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
    ),
    "docx": Format(
        "DOCX",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
}


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
    if kind is None and data.startswith(b"PK\x03\x04") and set(allowed) & set(_OFFICE_MAIN):
        kind = _office_kind(data)
    accepted = ", ".join(KINDS[c].label for c in allowed)
    if kind is None:
        raise refuse(f"{_describe_unknown(data[:16])}. {jenis_nama} menerima: {accepted}.")
    if kind not in allowed:
        raise refuse(
            f"Berkas ini berisi {KINDS[kind].label}, sedangkan {jenis_nama} hanya menerima "
            f"{accepted}."
        )
    if kind == "pdf":
        detail = _check_pdf(data)
    elif kind in _OFFICE_MAIN:
        detail = _check_office(data, kind)
    else:
        detail = _check_image(data, kind)
    return Inspection(format=kind, mime=KINDS[kind].mime, detail=detail)


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
        active = _active_content(reader)
    except SikapError:
        raise
    except Exception as e:  # a malformed file can fail anywhere inside the parser
        raise refuse("PDF rusak dan tidak dapat dibaca. Unggah ulang berkas aslinya.") from e
    if pages < 1:
        raise refuse("PDF tidak memiliki halaman.")
    if active:
        raise refuse(
            f"PDF ini berisi konten aktif ({active}) yang dapat menjalankan perintah saat "
            "dibuka. Cetak ulang ke PDF (Print › Save as PDF) atau pindai ulang dokumennya, "
            "lalu unggah kembali."
        )
    return f"{pages} halaman"


def _active_content(reader) -> str | None:
    """The first active-content name found anywhere in the PDF's object graph, from its
    trailer (names as pypdf decodes them, so `/J#61vaScript` is `/JavaScript`); None if none.
    Every object is visited once, including those packed in object streams."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > _PDF_MAX_OBJECTS:
                return "objek terlalu banyak"
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for name, value in obj.items():
                if name in _ACTIVE_KEYS:
                    return name.lstrip("/")
                if name == "/S" and isinstance(value, str) and value in _ACTIVE_ACTIONS:
                    return str(value).lstrip("/")
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return None


def _office_kind(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for kind, part in _OFFICE_MAIN.items() if part in names), None)


def _check_office(data: bytes, kind: str) -> str:
    label = KINDS[kind].label
    archive = zipfile.ZipFile(io.BytesIO(data))
    entries = archive.infolist()
    if any(e.filename.lower().endswith((".bin", ".exe", ".dll")) for e in entries):
        raise refuse(
            f"Berkas {label} ini berisi makro atau program tersemat. Simpan ulang sebagai "
            f"{label} biasa (tanpa makro), lalu unggah kembali."
        )
    inflated = sum(e.file_size for e in entries)
    if inflated > OFFICE_MAX_INFLATED:
        raise refuse(
            f"Isi berkas {label} terlalu besar setelah dibuka ({ukuran_berkas(inflated)}). "
            "Hapus bagian yang tidak diperlukan, lalu unggah kembali."
        )
    try:
        damaged = archive.testzip()  # every entry inflated once: CRCs prove it is whole
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        damaged = "?"
    if damaged is not None:
        raise refuse(f"Berkas {label} rusak atau tidak utuh. Unggah ulang berkas aslinya.")
    return f"{label}, {len(entries)} bagian"


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
