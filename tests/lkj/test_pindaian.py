"""The signed Perjanjian Kinerja scan: uploaded by the planners, checked by content, kept with an
audit row, and placed in the LKj appendix (PDF pages appended as they are; in DOCX each page a
picture). The report says "terlampir" only when the pages really follow."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter

from sikap.accounts.models import Peran
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.models import PindaianPk
from sikap.lkj.pdf import lkj_html, lkj_pdf
from sikap.lkj.services import upload_pk_scan
from tests.factories import make_user


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def perencana(world):
    world.users["perencana"] = make_user("perencana.pk", Peran.PERENCANA)
    return world.users["perencana"]


def scan_pdf(pages: int = 2) -> bytes:
    writer = PdfWriter()
    for i in range(pages):  # pages of slightly different widths: distinct pictures in DOCX
        writer.add_blank_page(width=595 + i, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scan_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (620, 877), "white").save(out, format="PNG")
    return out.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_without_a_scan_the_report_says_it_is_not_attached(sakip):
    lkj = build_lkj(2023)
    assert lkj.pindaian is None
    assert "belum diunggah ke SIKAP: lampirkan sebelum laporan diserahkan" in lkj.pindaian_teks
    assert "terlampir" not in lkj_html(lkj).split('id="lampiran"')[1]


def test_a_planner_uploads_the_signed_pdf_from_the_page(world, sakip, perencana):
    client = world.client("perencana")
    response = client.post("/lkj/2023/pindaian-pk/", {"berkas": upload("pk.pdf", scan_pdf())})
    assert response.status_code == 302 and response["Location"].endswith("#pindaian")
    row = PindaianPk.objects.get()
    assert (row.format, row.halaman, row.diunggah_oleh) == ("pdf", 2, perencana)
    entry = AuditEntry.objects.get(content_type__model="pindaianpk")
    assert entry.actor == perencana and "2 halaman" in entry.note
    lkj = build_lkj(2023)
    assert "ditandatangani kedua pihak terlampir pada 2 halaman berikut" in lkj.pindaian_teks
    page = client.get("/lkj/2023/").content.decode()
    assert "terlampir pada 2 halaman berikut" in page and "Ganti pindaian" in page
    download = world.client("pimpinan").get("/lkj/2023/pindaian-pk/berkas")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == row.read()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("pk.pdf", b"bukan pdf sama sekali", "tidak dikenali sebagai PDF"),
        ("pk.pdf", b"", "Berkas kosong"),
        ("pk.pdf", scan_pdf()[:-40], "PDF tidak utuh"),
        ("pk.docx", b"PK\x03\x04" + b"0" * 64, "bukan PDF atau gambar"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_kept(
    sakip, perencana, settings, name, data, message
):
    with pytest.raises(SikapError, match=message):
        upload_pk_scan(2023, upload(name, data), actor=perencana)
    assert not PindaianPk.objects.exists()
    stored = settings.MEDIA_ROOT / "lkj"
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))


def test_too_large_a_repeat_or_a_year_without_sakip_is_refused(sakip, perencana, settings):
    settings.SIKAP_LKJ_PINDAIAN_PK_MAKS_KB = 1
    with pytest.raises(SikapError, match="melebihi batas"):
        upload_pk_scan(2023, upload("pk.png", scan_png() + b"\0" * 2048), actor=perencana)
    settings.SIKAP_LKJ_PINDAIAN_PK_MAKS_KB = 10240
    upload_pk_scan(2023, upload("pk.pdf", scan_pdf()), actor=perencana)
    with pytest.raises(SikapError, match="sama persis"):
        upload_pk_scan(2023, upload("lagi.pdf", scan_pdf()), actor=perencana)
    with pytest.raises(SikapError, match="Belum ada data SAKIP"):
        upload_pk_scan(2019, upload("pk.pdf", scan_pdf(1)), actor=perencana)
    assert PindaianPk.objects.count() == 1


def test_only_planners_upload(world, sakip):
    response = world.client("pimpinan").post(
        "/lkj/2023/pindaian-pk/", {"berkas": upload("pk.pdf", scan_pdf())}
    )
    assert response.status_code == 403 and not PindaianPk.objects.exists()
    missing = world.client("admin_bkd").post("/lkj/2023/pindaian-pk/", {}, follow=True)
    assert "Pilih berkas pindaian" in missing.content.decode()


@pytest.mark.pdf
def test_the_pdf_report_ends_with_the_scans_pages(sakip, perencana):
    upload_pk_scan(2023, upload("pk.pdf", scan_pdf(3)), actor=perencana)
    pages = PdfReader(io.BytesIO(lkj_pdf(build_lkj(2023)))).pages
    scan = pages[-3:]  # the scan's blank pages, as they were
    assert [p.mediabox.width for p in scan] == [595, 596, 597]
    assert not any(p.extract_text().strip() for p in scan)
    appendix = pages[-4].extract_text().replace("\n", " ")
    assert "terlampir pada 3 halaman berikut" in appendix


def test_the_docx_carries_an_image_scan_as_a_page_and_says_so(sakip, perencana):
    upload_pk_scan(2023, upload("pk.png", scan_png()), actor=perencana)
    lkj = build_lkj(2023)
    assert lkj.pindaian.gambar and "terlampir pada halaman berikut" in lkj.pindaian_teks
    document = docx.Document(io.BytesIO(lkj_docx(lkj)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert lkj.pindaian_teks in text and "[Pindaian" not in text
    pictures = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(pictures) >= 1 + sum(1 for c in lkj.charts if c)  # the scan and the charts


def test_the_docx_renders_each_pdf_page_as_a_picture(sakip, perencana):
    lkj = build_lkj(2023)
    charts = sum(1 for c in lkj.charts if c)
    upload_pk_scan(2023, upload("pk.pdf", scan_pdf(2)), actor=perencana)
    document = docx.Document(io.BytesIO(lkj_docx(build_lkj(2023))))
    pictures = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(pictures) == charts + 2
