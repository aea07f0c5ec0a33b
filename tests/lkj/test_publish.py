"""Publishing the LKj: admin BKD registers a numbered PDF whose cover prints its number and the
QR code of its verification URL; each publication is a new number and version; perencana,
verifikator and pimpinan may not publish (service, page and command)."""

import hashlib
import importlib
import io
from io import StringIO

import pypdfium2
import pytest
import zxingcpp
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from sikap.accounts.models import Peran
from sikap.core import operations
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, Operasi
from sikap.documents.models import DokumenTerbit, NomorUrut, PenomoranSurat
from sikap.lkj.models import LkjTerbit
from sikap.lkj.services import publish_lkj
from tests.factories import make_user
from tests.lkj.conftest import confirm_all

pytestmark = pytest.mark.django_db
PUBLIC = "https://sikap.lumajangkab.go.id"


@pytest.fixture(autouse=True)
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SIKAP_PUBLIC_URL = PUBLIC
    # The migration's own seed: a transactional test elsewhere may have flushed the table.
    importlib.import_module("sikap.documents.migrations.0003_seed_penomoran_lkj").seed(apps, None)


@pytest.fixture
def sakip(sakip):
    """The seed's year with every severity-A finding confirmed: it may be published."""
    confirm_all(2023)
    return sakip


@pytest.fixture
def perencana(world):
    world.users["perencana"] = make_user("perencana", Peran.PERENCANA)
    return world.users["perencana"]


def page_texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_numbering_is_seeded():
    lkj = PenomoranSurat.objects.get(kode="lkj")
    assert lkj.nama == "Laporan Kinerja (LKj)"
    assert lkj.format_nomor(7, 2026, 1) == "050/007/427.35/2026"


@pytest.mark.pdf
def test_admin_bkd_publishes_a_numbered_verifiable_lkj(world, sakip):
    admin = world.users["admin_bkd"]
    terbit = publish_lkj(2023, actor=admin)

    assert DokumenTerbit.objects.get() == terbit
    assert terbit.jenis.kode == "lkj" and terbit.pegawai is None and terbit.issued_by == admin
    assert terbit.lkj.tahun == 2023 and terbit.lkj.versi == 1 and terbit.lkj.kertas == "a4"
    assert terbit.nama_berkas == "LKj-2023-A4-v1.pdf"
    stored = terbit.file.open("rb").read()
    assert hashlib.sha256(stored).hexdigest() == terbit.sha256
    assert AuditEntry.objects.filter(
        content_type__model="dokumenterbit", object_id=str(terbit.pk), actor=admin
    ).exists()

    pages = page_texts(stored)
    cover = " ".join(pages[0].split())
    assert terbit.verification_url == f"{PUBLIC}/verifikasi/{terbit.token}"
    assert f"Nomor: {terbit.nomor}" in cover
    assert terbit.verification_url in cover
    assert "Keaslian dokumen dapat diperiksa di" in cover and "Versi 1" in cover
    assert f"Nomor {terbit.nomor}" in pages[1]  # and in every page's footer
    # The printed QR code leads to the public page.
    page = pypdfium2.PdfDocument(stored)[0].render(scale=3).to_pil()
    [code] = zxingcpp.read_barcodes(page)
    assert code.text == terbit.verification_url

    public = world.client("anonymous").get(terbit.verification_path)
    assert public.status_code == 200
    body = public.content.decode()
    assert "Laporan Kinerja (LKj)" in body and terbit.nomor in body and terbit.sha256 in body


@pytest.mark.pdf
def test_publishing_again_is_a_new_number_and_version(world, sakip, perencana):
    client = world.client("admin_bkd")
    response = client.post("/lkj/2023/terbitkan/", {"kertas": "f4"})
    operasi = Operasi.objects.get(kind="terbit_lkj")  # queued, shown on its page
    assert response["Location"] == reverse("core:operasi", args=[operasi.pk])
    assert not LkjTerbit.objects.exists()
    twice = client.post("/lkj/2023/terbitkan/", {"kertas": "f4"})  # a second click meanwhile
    assert twice.status_code == 409 and "sedang diproses" in twice.content.decode()
    assert Operasi.objects.filter(kind="terbit_lkj").count() == 1
    operations.run(operasi.pk)
    page = client.get(response["Location"]).content.decode()
    assert "LKj 2023 diterbitkan sebagai versi 1, nomor" in page
    out = StringIO()
    call_command("lkj", "--year", "2023", "--publish", "--user", "admin.bkd", stdout=out)

    first, second = LkjTerbit.objects.order_by("versi").select_related("dokumen")
    assert (first.versi, first.kertas, second.versi, second.kertas) == (1, "f4", 2, "a4")
    assert second.dokumen.urut == first.dokumen.urut + 1
    assert second.dokumen.nomor != first.dokumen.nomor
    printed = out.getvalue()
    assert f"Nomor: {second.dokumen.nomor}" in printed
    assert f"Verifikasi: {second.dokumen.verification_url}" in printed

    # Readers see both versions, each with its download and verification link.
    for persona in ("perencana", "pimpinan", "admin_bkd"):
        body = world.client(persona).get("/lkj/2023/").content.decode()
        for row in (first, second):
            assert row.dokumen.nomor in body
            assert row.dokumen.sha256[:12] in body
            assert reverse("documents:terbit_unduh", args=[row.dokumen.pk]) in body
            assert row.dokumen.verification_url in body
        assert ("Terbitkan LKj (PDF bernomor)" in body) == (persona == "admin_bkd")
    download = world.client("pimpinan").get(
        reverse("documents:terbit_unduh", args=[second.dokumen.pk])
    )
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="LKj-2023-A4-v2.pdf"'


@pytest.mark.parametrize("persona", ["perencana", "verifikator", "pimpinan"])
def test_only_admin_bkd_publishes(world, sakip, perencana, persona):
    with pytest.raises(SikapError) as exc:
        publish_lkj(2023, actor=world.users[persona])
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert "Hanya admin BKD" in exc.value.message

    response = world.client(persona).post("/lkj/2023/terbitkan/", {"kertas": "a4"})
    assert response.status_code == 403
    with pytest.raises(CommandError, match="Hanya admin BKD"):
        call_command("lkj", "--year", "2023", "--publish", "--user", world.users[persona].username)
    assert not DokumenTerbit.objects.exists() and not LkjTerbit.objects.exists()
    assert not NomorUrut.objects.exists()


def test_the_page_says_publishing_makes_a_new_version(world, sakip, perencana):
    body = world.client("admin_bkd").get("/lkj/2023/").content.decode()
    assert "Terbitkan LKj (PDF bernomor)" in body
    assert "Setiap penerbitan memberi nomor baru (versi baru)" in body
    assert "Belum ada LKj 2023 yang diterbitkan." in body
    reader = world.client("perencana").get("/lkj/2023/").content.decode()
    assert "Terbitkan LKj" not in reader and "Belum ada LKj 2023 yang diterbitkan." in reader


def test_publishing_needs_a_post_a_known_paper_and_a_year_with_data(world, sakip):
    client = world.client("admin_bkd")
    assert client.get("/lkj/2023/terbitkan/").status_code == 405
    assert client.post("/lkj/2023/terbitkan/", {"kertas": "b5"}).status_code == 403
    response = client.post("/lkj/2019/terbitkan/", {"kertas": "a4"}, follow=True)
    assert response.status_code == 404  # the page of a year without SAKIP data
    assert not DokumenTerbit.objects.exists() and not NomorUrut.objects.exists()


def test_the_command_publishes_as_the_system_actor_unless_a_known_user_is_named(world, sakip):
    call_command("lkj", "--year", "2023", "--publish", stdout=StringIO())
    entry = AuditEntry.objects.get(content_type__model="dokumenterbit")
    assert entry.actor.username == "sistem" and entry.source == AuditEntry.Sumber.COMMAND
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("lkj", "--year", "2023", "--publish", "--user", "tidak.ada")
    with pytest.raises(CommandError, match="--out"):
        call_command("lkj", "--year", "2023")


def test_publishing_with_unconfirmed_findings_fails_its_operation_with_the_reason(world):
    from tests.lkj.conftest import import_seed

    import_seed()  # the seed's 2023 with its 22 open severity-A findings
    client = world.client("admin_bkd")
    response = client.post("/lkj/2023/terbitkan/", {"kertas": "a4"})
    operations.run(Operasi.objects.get(kind="terbit_lkj").pk)
    page = client.get(response["Location"]).content.decode()
    assert "Gagal" in page and "22 temuan tingkat A belum dikonfirmasi admin BKD" in page
    assert not DokumenTerbit.objects.exists() and not NomorUrut.objects.exists()
