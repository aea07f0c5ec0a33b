"""Content checks of uploaded files: the kind comes from the bytes, and each kind must prove
itself (PDF parses, unencrypted, complete; images decode within bounded dimensions)."""

import io
import random
import zipfile

import pytest
from PIL import Image, ImageFile

from sikap.core.errors import Kode, SikapError
from sikap.documents.public import mask_name
from sikap.documents.validation import clean_original_name, inspect
from tests.documents.conftest import (
    encrypted_pdf_bytes,
    image_bytes,
    pdf_bytes,
    png_claiming,
)

ALL = ("pdf", "jpeg", "png")


def noisy_image_bytes(fmt: str, **options) -> bytes:
    """A photo-like image: noise does not compress, so cutting it loses real data."""
    pixels = random.Random(7).randbytes(400 * 300 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (400, 300), pixels).save(out, format=fmt, **options)
    return out.getvalue()


MB = 1024 * 1024


def check(data: bytes, allowed=ALL, max_bytes=5 * MB):
    return inspect(data, allowed=allowed, max_bytes=max_bytes, jenis_nama="KTP")


def refusal(data: bytes, **kwargs) -> str:
    with pytest.raises(SikapError) as exc:
        check(data, **kwargs)
    assert exc.value.code == Kode.BERKAS_TIDAK_VALID
    return exc.value.message


def test_a_real_pdf_passes_and_reports_its_pages():
    found = check(pdf_bytes(pages=3))
    assert (found.format, found.mime, found.detail) == ("pdf", "application/pdf", "3 halaman")


@pytest.mark.parametrize(("fmt", "kind"), [("PNG", "png"), ("JPEG", "jpeg")])
def test_real_images_pass(fmt, kind):
    found = check(image_bytes(fmt, size=(640, 480)))
    assert found.format == kind
    assert found.detail == "640 × 480 piksel"


def test_a_renamed_executable_is_named_for_what_it_is():
    message = refusal(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 500)
    assert "program Windows" in message and "KTP menerima: PDF, JPEG, PNG" in message


def test_unknown_content_is_refused():
    assert "tidak dikenali" in refusal(b"Hello, this is plain text pretending to be a PDF")


def test_a_kind_the_type_does_not_accept_is_refused():
    message = refusal(image_bytes("PNG"), allowed=("pdf",))
    assert message == "Berkas ini berisi PNG, sedangkan KTP hanya menerima PDF."


def test_a_truncated_pdf_is_refused():
    data = pdf_bytes(pages=2)
    assert "tidak utuh" in refusal(data[: len(data) // 2])


def test_a_pdf_with_a_damaged_body_is_refused():
    data = pdf_bytes(pages=2)
    cut = data.index(b"/Type /Pages")
    damaged = data[:cut] + b"\x00garbage\x00" * 20 + data[cut + 200 :]
    assert "rusak" in refusal(damaged)


def test_an_encrypted_pdf_is_refused():
    assert "kata sandi" in refusal(encrypted_pdf_bytes())


def test_a_decompression_bomb_header_is_refused_before_decoding():
    # Pillow itself stops at twice its own pixel limit; either way the refusal says why.
    assert "10.000 piksel per sisi" in refusal(png_claiming(100_000, 100_000))


def test_an_image_over_the_side_bound_is_refused_by_its_header():
    message = refusal(png_claiming(12_000, 100))
    assert message.startswith("Ukuran gambar 12000 × 100 piksel tidak wajar.")


def test_an_image_over_the_megapixel_bound_is_refused():
    # 8000 × 6000 = 48 MP: each side is allowed, the area is not.
    assert "40 megapiksel" in refusal(png_claiming(8000, 6000))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_a_truncated_image_is_refused_even_when_pillow_would_pad_it(monkeypatch, fmt, keep):
    # WeasyPrint switches this Pillow global on at import; the check must not depend on it.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = noisy_image_bytes(fmt)
    assert "tidak utuh" in refusal(data[: int(len(data) * keep)])


def test_a_progressive_jpeg_and_bytes_after_its_end_are_accepted():
    # Phones append motion-photo or maker data after the image's end marker.
    data = noisy_image_bytes("JPEG", progressive=True) + b"MotionPhoto_Data" + b"\x00" * 64
    assert check(data).format == "jpeg"


def test_a_png_with_a_corrupted_chunk_is_refused():
    data = bytearray(noisy_image_bytes("PNG"))
    data[len(data) // 2] ^= 0xFF  # the IDAT checksum no longer matches
    assert "tidak utuh" in refusal(bytes(data))


def test_an_oversized_file_is_refused_with_both_sizes():
    message = refusal(pdf_bytes(), max_bytes=100)
    assert "melebihi batas 100 B" not in message  # sizes are shown in KB/MB, not bytes
    assert "melebihi batas 1 KB untuk KTP" in message


def test_an_empty_file_is_refused():
    assert refusal(b"") == "Berkas kosong (0 bita)."


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\budi\\Desktop\\sk cpns.pdf", "sk cpns.pdf"),
        ("sk\x00<script>.pdf", "skscript.pdf"),
        ("..", "berkas"),
        ("", "berkas"),
        ("a" * 400 + ".pdf", "a" * 146 + ".pdf"),
    ],
)
def test_original_names_are_kept_only_as_harmless_metadata(given, kept):
    assert clean_original_name(given) == kept


@pytest.mark.parametrize(
    ("nama", "masked"),
    [
        ("Budi Santoso", "Bu** Sa*****"),
        ("Siti Nur Rahayu", "Si** N** Ra****"),
        ("Ali", "A**"),
        ("Moh. Al Amin", "Mo** A* Am**"),
    ],
)
def test_public_names_show_only_the_first_letters(nama, masked):
    assert mask_name(nama) == masked


# Active content and Office files (finding 10)


def _pdf_with(change) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _open_action(writer):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    action = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert(1)"),
    })  # fmt: skip
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def _document_javascript(writer):
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    script = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert(1)"),
    })  # fmt: skip
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("a"), script])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


def _launch_on_page(writer):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    launch = DictionaryObject({
        NameObject("/S"): NameObject("/Launch"),
        NameObject("/F"): TextStringObject("cmd.exe"),
    })  # fmt: skip
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): launch})


@pytest.mark.parametrize(
    "change, named",
    [
        (_document_javascript, "JavaScript"),
        (_open_action, "OpenAction"),
        (_launch_on_page, "AA"),
        (lambda w: w.add_attachment("virus.exe", b"MZ"), "EmbeddedFile"),
    ],
    ids=["document-javascript", "open-action", "page-action-launch", "embedded-file"],
)
def test_a_pdf_with_active_content_is_refused(change, named):
    message = refusal(_pdf_with(change))
    assert "konten aktif" in message and named in message


def test_an_active_name_written_with_hex_escapes_is_still_found():
    data = _pdf_with(_document_javascript).replace(b"/JavaScript", b"/J#61vaScript")
    assert "konten aktif" in refusal(data)


def _office(kind: str, *, macro: bool = False, big: int = 0) -> bytes:
    main = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(main, "<x/>")
        if macro:
            z.writestr("xl/vbaProject.bin", b"\x00" * 10)
        if big:
            z.writestr("word/media/big.xml", b"\x00" * big)
    return out.getvalue()


OFFICE = ("pdf", "jpeg", "png", "xlsx", "docx")


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_office_files_pass_where_they_are_accepted_by_content_not_name(kind):
    assert check(_office(kind), allowed=OFFICE).format == kind


def test_office_files_are_refused_where_only_documents_are_accepted():
    assert "ZIP atau dokumen Office" in refusal(_office("docx"))


def test_an_office_file_with_macros_is_refused():
    assert "makro" in refusal(_office("xlsx", macro=True), allowed=OFFICE)


def test_an_office_file_inflating_past_the_bound_is_refused(monkeypatch):
    monkeypatch.setattr("sikap.documents.validation.OFFICE_MAX_INFLATED", 1024 * 1024)
    assert "terlalu besar setelah dibuka" in refusal(_office("docx", big=2 * MB), allowed=OFFICE)


def test_a_plain_zip_is_not_taken_for_an_office_file():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "x")
    assert "ZIP" in refusal(out.getvalue(), allowed=OFFICE)
