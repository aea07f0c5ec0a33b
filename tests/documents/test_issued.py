"""The register of issued documents: numbering, who may issue, the public verification page
with its file check, and a real KGB letter rendered to PDF with its QR code."""

import hashlib
import io
import threading
from datetime import date

import pypdfium2
import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from sikap.core.errors import Kode, SikapError
from sikap.documents.models import DokumenTerbit, NomorUrut, PenomoranSurat
from sikap.documents.services import register_issued
from sikap.reports.qr import qr_data_uri, qr_png, qr_svg
from tests.documents.conftest import image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def issue(world, data=None, persona="verifikator", holder="pegawai", jenis="kgb"):
    return register_issued(
        data if data is not None else pdf_bytes(),
        jenis=jenis,
        holder=getattr(world, holder) if holder else None,
        actor=world.users[persona],
        filename="KGB Budi.pdf",
    )


# --- numbering ------------------------------------------------------------------------------


def test_numbers_follow_the_pattern_with_a_sequence_per_year(world, media_root):
    first, second = issue(world), issue(world, pdf_bytes(2))
    assert first.nomor == f"800/0001/427.35/{YEAR}"
    assert second.nomor == f"800/0002/427.35/{YEAR}"
    assert (second.tahun, second.urut) == (YEAR, 2)
    assert NomorUrut.objects.get(tahun=YEAR).terakhir == 2


def test_a_new_year_starts_again_at_one(world):
    kgb = PenomoranSurat.objects.get(kode="kgb")
    NomorUrut.objects.create(penomoran=kgb, tahun=YEAR - 1, terakhir=57)
    assert issue(world).urut == 1


def test_roman_months_and_other_placeholders(world):
    PenomoranSurat.objects.filter(kode="kgb").update(pola="822/{seq}/{month_roman}/{year}")
    month = timezone.localdate().month
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[month - 1]
    assert issue(world).nomor == f"822/1/{roman}/{YEAR}"


@pytest.mark.parametrize(
    ("pola", "problem"),
    [
        ("800/{nomor}/{year}", "tidak dikenal: nomor"),
        ("800/{seq.__class__}/{year}", "tidak dikenal"),
        ("800/{year}", "wajib memuat {seq}"),
        ("800/{seq:zz}/{year}", "tidak dapat dipakai"),
        ("800/{seq", "tidak dapat dipakai"),
    ],
)
def test_a_numbering_pattern_must_be_safe_and_numbered(pola, problem):
    with pytest.raises(ValidationError) as exc:
        PenomoranSurat(kode="x", nama="X", pola=pola).full_clean()
    assert problem in " ".join(exc.value.messages)


def test_a_failed_issue_leaves_no_gap_in_the_numbers(world, media_root):
    with pytest.raises(SikapError) as exc:
        issue(world, image_bytes("PNG"))
    assert exc.value.code == Kode.BERKAS_TIDAK_VALID
    assert list(media_root.rglob("*.pdf")) == []
    assert issue(world).urut == 1


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "atasan", "pimpinan"])
def test_only_bkd_staff_issue_documents(world, persona):
    with pytest.raises(SikapError) as exc:
        issue(world, persona=persona)
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert not DokumenTerbit.objects.exists()


def test_an_unknown_numbering_is_refused(world):
    with pytest.raises(SikapError, match="belum diatur"):
        issue(world, jenis="sk_mutasi")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across threads need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_get_distinct_consecutive_numbers(world):
    barrier = threading.Barrier(4)
    numbers, errors = [], []

    def attempt(n):
        barrier.wait()
        try:
            numbers.append(issue(world, pdf_bytes(n + 1)).urut)
        except Exception as e:  # reported below: the assertion shows what went wrong
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(numbers) == [1, 2, 3, 4]


# --- the public page ------------------------------------------------------------------------


def test_the_public_page_shows_only_the_facts(world, settings):
    settings.SIKAP_NAMA_BKD = "Badan Kepegawaian Daerah"
    terbit = issue(world)
    response = world.client("anonymous").get(f"/verifikasi/{terbit.token}")
    assert response.status_code == 200
    page = response.content.decode()
    for fact in (
        "Badan Kepegawaian Daerah",
        settings.SIKAP_INSTANSI,
        "Surat Pemberitahuan Kenaikan Gaji Berkala",
        terbit.nomor,
        "Bu** Sa*****",
        terbit.sha256,
    ):
        assert fact in page
    assert world.pegawai.nip not in page and "Budi Santoso" not in page
    assert "unduh" not in page.lower() and terbit.file.name not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


def test_an_unknown_token_is_a_404_in_indonesian(world):
    response = world.client("anonymous").get("/verifikasi/bukan-token-yang-ada")
    assert response.status_code == 404
    assert "Dokumen tidak ditemukan" in response.content.decode()


def test_the_file_check_tells_a_match_from_a_modified_copy(world):
    data = pdf_bytes(2)
    terbit = issue(world, data)
    client = world.client("anonymous")
    url = f"/verifikasi/{terbit.token}"
    same = client.post(url, {"berkas": upload("surat.pdf", data)}).content.decode()
    assert "Cocok: berkas ini sama persis" in same
    changed = client.post(url, {"berkas": upload("surat.pdf", data + b"\n")}).content.decode()
    assert "Tidak cocok" in changed and hashlib.sha256(data + b"\n").hexdigest() in changed


def test_the_file_check_refuses_a_huge_upload_before_reading_it(world):
    terbit = issue(world)
    response = world.client("anonymous").post(
        f"/verifikasi/{terbit.token}",
        data=b"x",
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    # Refused by the request-size middleware before the view (core/request_limits.py).
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("pegawai", 200), ("admin_opd", 200), ("verifikator", 200), ("admin_opd_lain", 404)],
)
def test_issued_files_download_through_visibility(world, persona, status):
    terbit = issue(world)
    response = world.client(persona).get(reverse("documents:terbit_unduh", args=[terbit.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"] == 'attachment; filename="KGB Budi.pdf"'


def test_documents_without_a_holder_are_for_bkd_staff(world):
    terbit = issue(world, holder=None)
    assert (
        world.client("admin_opd")
        .get(reverse("documents:terbit_unduh", args=[terbit.pk]))
        .status_code
        == 404
    )
    assert (
        world.client("pimpinan")
        .get(reverse("documents:terbit_unduh", args=[terbit.pk]))
        .status_code
        == 200
    )
    page = world.client("anonymous").get(terbit.verification_path).content.decode()
    assert 'Atas nama</dt><dd class="col-sm-8">—' in page


# --- QR codes -------------------------------------------------------------------------------


def test_qr_codes_come_as_svg_png_and_data_uri():
    url = "https://sikap.example.go.id/verifikasi/abc"
    assert qr_svg(url).startswith(b"<svg")
    assert qr_png(url).startswith(b"\x89PNG\r\n\x1a\n")
    assert qr_data_uri(url).startswith("data:image/svg+xml")


# --- the first user: a KGB letter -----------------------------------------------------------


LETTER = Template("""<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm } body { font-family: sans-serif; font-size: 11pt }
.qr { width: 28mm; height: 28mm }
</style></head><body>
<p style="text-align:center"><b>{{ instansi|upper }}</b><br><b>{{ nama_bkd|upper }}</b></p>
<p>Nomor: {{ terbit.nomor }}<br>Perihal: Pemberitahuan Kenaikan Gaji Berkala</p>
<p>Kepada Yth. {{ pegawai.nama }}, NIP {{ pegawai.nip }}. Terhitung mulai tanggal
1 April {{ year }} gaji pokok Saudara menjadi Rp3.044.300,00.</p>
<table><tr><td><img class="qr" src="{{ qr }}"></td>
<td>Keaslian surat ini dapat diperiksa di<br>{{ terbit.verification_url }}</td></tr></table>
</body></html>""")


@pytest.mark.pdf
def test_a_kgb_letter_is_issued_printed_with_its_qr_and_verifiable(world, settings, media_root):
    from weasyprint import HTML, URLFetcher

    settings.SIKAP_PUBLIC_URL = "https://sikap.lumajangkab.go.id"

    def render(terbit: DokumenTerbit) -> bytes:
        html = LETTER.render(
            Context(
                {
                    "terbit": terbit,
                    "pegawai": world.pegawai,
                    "year": date.today().year,
                    "instansi": settings.SIKAP_INSTANSI,
                    "nama_bkd": settings.SIKAP_NAMA_BKD,
                    "qr": qr_data_uri(terbit.verification_url),
                }
            )
        )
        fetcher = URLFetcher(allowed_protocols=("data",))
        return HTML(string=html, url_fetcher=fetcher).write_pdf()

    terbit = register_issued(
        render,
        jenis="kgb",
        holder=world.pegawai,
        actor=world.users["verifikator"],
        filename=f"KGB-{world.pegawai.nip}.pdf",
    )
    stored = terbit.file.open("rb").read()
    assert hashlib.sha256(stored).hexdigest() == terbit.sha256
    reader = PdfReader(io.BytesIO(stored))
    text = reader.pages[0].extract_text()
    assert terbit.nomor in text
    assert f"https://sikap.lumajangkab.go.id/verifikasi/{terbit.token}" in text.replace("\n", "")
    # The printed QR code, read back from the rendered page, leads to the public page.
    page_image = pypdfium2.PdfDocument(stored)[0].render(scale=3).to_pil()
    [code] = zxingcpp.read_barcodes(page_image)
    assert code.text == terbit.verification_url

    client = world.client("anonymous")
    page = client.get(f"/verifikasi/{terbit.token}").content.decode()
    assert terbit.nomor in page and "Bu** Sa*****" in page and terbit.sha256 in page
    assert world.pegawai.nip not in page

    ok = client.post(terbit.verification_path, {"berkas": upload("surat.pdf", stored)})
    assert "Cocok: berkas ini sama persis" in ok.content.decode()
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Subject": "gaji pokok diubah"})
    forged = io.BytesIO()
    writer.write(forged)
    bad = client.post(terbit.verification_path, {"berkas": upload("surat.pdf", forged.getvalue())})
    assert "Tidak cocok" in bad.content.decode()
