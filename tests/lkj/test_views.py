"""The LKj page: perencana and admin BKD edit the texts; pimpinan reads and downloads; everyone
else is refused."""

import pytest

from sikap.accounts.models import Peran
from sikap.core.models import AuditEntry
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
    assert client.get("/lkj/2023/unduh.docx").status_code == 403
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
    page = world.client("pimpinan").get("/lkj/2023/unduh.docx")
    assert page.status_code == 200
    assert page["Content-Disposition"] == 'attachment; filename="LKj-2023-A4.docx"'


def test_pimpinan_may_not_edit(world, sakip):
    response = world.client("pimpinan").post("/lkj/2023/", _form(2023, nama_penandatangan="X"))
    assert response.status_code == 403
    assert not LkjTeks.objects.exists()


@pytest.mark.pdf
def test_pdf_download_on_f4(world, sakip):
    response = world.client("admin_bkd").get("/lkj/2023/unduh.pdf?kertas=f4")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="LKj-2023-F4.pdf"'


def test_an_unknown_paper_or_year(world, sakip):
    assert world.client("admin_bkd").get("/lkj/2023/unduh.pdf?kertas=b5").status_code == 403
    assert world.client("admin_bkd").get("/lkj/2019/").status_code == 404
    assert world.client("admin_bkd").get("/lkj/").status_code == 302
