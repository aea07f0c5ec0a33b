"""The LKj page: perencana and admin BKD edit the texts; pimpinan reads and downloads; everyone
else is refused."""

import io
import zipfile

import pytest
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.core import operations
from sikap.core.models import AuditEntry, Operasi
from sikap.lkj.models import LkjTeks
from tests.factories import make_user


@pytest.fixture
def perencana(world):
    user = make_user("perencana", Peran.PERENCANA)
    world.users["perencana"] = user
    return user


@pytest.mark.parametrize("persona", ["perencana", "admin_bkd", "pimpinan"])
def test_readers_see_the_generated_report(world, perencana, sakip, persona):
    response = world.client(persona).get("/lkj/2023/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rp7.182.204.967,00 terealisasi Rp7.089.765.835,00 (98,71 %)" in body
    assert "Unduh PDF" in body


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "admin_opd", "verifikator"])
def test_everyone_else_is_refused(world, sakip, persona):
    client = world.client(persona)
    assert client.get("/lkj/2023/").status_code == 403
    assert client.post("/lkj/2023/unduh.docx").status_code == 403
    assert not Operasi.objects.exists()
    assert client.post("/lkj/2023/", {"kata_pengantar": "x"}).status_code == 403


def test_anonymous_is_sent_to_log_in(world, sakip):
    response = world.client("anonymous").get("/lkj/2023/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def _form(year: int, **changes) -> dict:
    data = {f.name: getattr(LkjTeks.for_year(year), f.name) for f in LkjTeks._meta.fields}
    data.pop("id"), data.pop("tahun")
    return {**data, **changes}


def test_perencana_edits_the_texts_with_an_audit_row(world, perencana, sakip):
    response = world.client("perencana").post(
        "/lkj/2023/", _form(2023, nama_penandatangan="Dr. BUDI, M.Si.")
    )
    assert response.status_code == 302
    teks = LkjTeks.objects.get(tahun=2023)
    assert teks.nama_penandatangan == "Dr. BUDI, M.Si."
    entry = AuditEntry.objects.get(object_id=str(teks.pk), content_type__model="lkjteks")
    assert entry.actor == perencana and entry.action == AuditEntry.Aksi.CREATE
    page = _download(world.client("pimpinan"), "/lkj/2023/unduh.docx")
    assert page["Content-Disposition"] == 'attachment; filename="LKj-2023-A4.docx"'
    assert b"BUDI" in _docx_xml(page)


def test_pimpinan_may_not_edit(world, sakip):
    response = world.client("pimpinan").post("/lkj/2023/", _form(2023, nama_penandatangan="X"))
    assert response.status_code == 403
    assert not LkjTeks.objects.exists()


def _download(client, url, data=None):
    """POST the download, run its job, follow to the operation page and fetch its file."""
    response = client.post(url, data or {})
    assert response.status_code == 302
    operasi = Operasi.objects.get(pk=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert response["Location"] == reverse("core:operasi", args=[operasi.pk])
    operations.run(operasi.pk)
    page = client.get(response["Location"]).content.decode()
    assert "siap diunduh" in page and f"Unduh {operasi.result_name}" in page
    download = client.get(reverse("core:operasi_berkas", args=[operasi.pk]))
    assert download.status_code == 200
    return download


def _docx_xml(response) -> bytes:
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as z:
        return z.read("word/document.xml")


@pytest.mark.pdf
def test_pdf_download_on_f4_is_a_job_with_progress_and_a_file(world, sakip):
    client = world.client("admin_bkd")
    response = _download(client, "/lkj/2023/unduh.pdf", {"kertas": "f4"})
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="LKj-2023-F4.pdf"'
    operasi = Operasi.objects.get()
    assert (operasi.kind, operasi.done, operasi.total) == ("unduh_lkj", 3, 3)
    assert operasi.judul == "LKj 2023 (PDF, kertas F4)"
    page = client.get("/lkj/2023/").content.decode()
    assert "Unduhan dan penerbitan LKj 2023 Anda" in page and "Unduh LKj-2023-F4.pdf" in page


def test_the_download_waits_in_the_queue_with_its_step_shown(world, sakip, perencana):
    client = world.client("pimpinan")
    response = client.post("/lkj/2023/unduh.docx", {"kertas": "a4"})
    page = client.get(response["Location"]).content.decode()
    assert "LKj 2023 (DOCX, kertas A4)" in page and "Menunggu giliran" in page
    assert "hx-get" in page  # the progress polls until the file is ready
    # Another reader does not see it.
    assert world.client("perencana").get(response["Location"]).status_code == 404


def test_a_download_by_get_is_refused_and_nothing_is_queued(world, sakip):
    assert world.client("admin_bkd").get("/lkj/2023/unduh.pdf").status_code == 405
    assert not Operasi.objects.exists()


def test_an_unknown_paper_or_year(world, sakip):
    client = world.client("admin_bkd")
    assert client.post("/lkj/2023/unduh.pdf", {"kertas": "b5"}).status_code == 403
    refused = client.post("/lkj/2019/unduh.pdf", {"kertas": "a4"})
    assert refused.status_code == 404
    assert "Belum ada data SAKIP (Renja) tahun 2019." in refused.content.decode()
    assert not Operasi.objects.exists()
    assert client.get("/lkj/2019/").status_code == 404
    assert client.get("/lkj/").status_code == 302


def test_a_reader_whose_role_was_taken_away_gets_a_failed_operation(world, sakip, perencana):
    client = world.client("perencana")
    response = client.post("/lkj/2023/unduh.docx", {"kertas": "a4"})
    operasi = Operasi.objects.get()
    perencana.peran = Peran.PEGAWAI
    perencana.save()
    operations.run(operasi.pk)
    operasi.refresh_from_db()
    assert operasi.state == Operasi.State.GAGAL and not operasi.result_file
    assert "Halaman LKj hanya untuk" in operasi.message
    assert response.status_code == 302
