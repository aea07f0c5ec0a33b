"""Uploading and verifying documents through the services: who may, what is stored, versions,
audit, and that a refusal stores nothing."""

import hashlib
import threading
from datetime import date

import pytest
from django.db import connection

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi
from sikap.documents.models import Dokumen, JenisDokumen
from sikap.documents.services import upload_dokumen, verify_dokumen
from sikap.people.models import RiwayatPangkat
from tests.documents.conftest import (
    encrypted_pdf_bytes,
    image_bytes,
    pdf_bytes,
    png_claiming,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db


def up(world, persona="pegawai", jenis="ktp", data=None, name="ktp.pdf", pegawai=None, **kw):
    return upload_dokumen(
        pegawai or world.pegawai,
        jenis,
        upload(name, data if data is not None else pdf_bytes()),
        actor=world.user(persona),
        **kw,
    )


def refused(world, media_root, **kwargs) -> SikapError:
    with pytest.raises(SikapError) as exc:
        up(world, **kwargs)
    assert not Dokumen.objects.exists()
    assert stored_files(media_root) == []
    return exc.value


def test_an_upload_is_stored_under_a_random_name_with_its_hash(world, media_root):
    data = pdf_bytes(pages=2)
    dokumen = up(world, name="../../../etc/KTP Budi.pdf", data=data)
    assert dokumen.state == Dokumen.Status.MENUNGGU and dokumen.versi == 1 and dokumen.aktif
    assert dokumen.sha256 == hashlib.sha256(data).hexdigest()
    assert (dokumen.ukuran, dokumen.mime, dokumen.format) == (len(data), "application/pdf", "pdf")
    assert dokumen.nama_asli == "KTP Budi.pdf"
    assert dokumen.uploaded_by == world.users["pegawai"]
    # The path holds only our ids and a UUID: nothing the user typed.
    folder, pegawai_id, filename = dokumen.file.name.split("/")
    assert (folder, pegawai_id) == ("dokumen", str(world.pegawai.pk))
    assert len(filename) == 32 + len(".pdf") and filename.endswith(".pdf")
    assert "KTP" not in dokumen.file.name and ".." not in dokumen.file.name
    [path] = stored_files(media_root)
    assert path.read_bytes() == data
    entry = AuditEntry.objects.get(object_id=str(dokumen.pk), action="create")
    assert entry.pegawai_id == world.pegawai.pk and "2 halaman" in entry.note


def test_the_extension_is_ignored_a_png_named_pdf_is_stored_as_png(world):
    dokumen = up(world, name="scan.pdf", data=image_bytes("PNG"))
    assert dokumen.format == "png" and dokumen.file.name.endswith(".png")
    assert dokumen.download_name == f"ktp-{world.pegawai.nip}-v1.png"


def test_a_type_without_verification_is_kept_without_waiting(world):
    dokumen = up(world, jenis="npwp")
    assert dokumen.state == Dokumen.Status.TANPA_VERIFIKASI


def test_a_new_upload_supersedes_but_keeps_the_old_version(world, media_root):
    first = up(world, data=pdf_bytes(pages=1))
    second = up(world, data=pdf_bytes(pages=2))
    first.refresh_from_db()
    assert (first.aktif, first.superseded_by, first.versi) == (False, second, 1)
    assert (second.aktif, second.versi) == (True, 2)
    assert len(stored_files(media_root)) == 2
    assert Dokumen.objects.current().get(jenis__kode="ktp") == second


def test_the_same_file_again_is_refused_as_a_duplicate(world):
    data = pdf_bytes()
    up(world, data=data)
    with pytest.raises(SikapError) as exc:
        up(world, data=data)
    assert exc.value.code == Kode.DUPLIKAT and "versi 1" in exc.value.message
    assert Dokumen.objects.count() == 1


def test_documents_of_a_history_row_are_versioned_per_row(world):
    old = RiwayatPangkat.objects.create(
        pegawai=world.pegawai, golongan="III/a", tmt=date(2010, 4, 1)
    )
    new = RiwayatPangkat.objects.create(
        pegawai=world.pegawai, golongan="III/b", tmt=date(2014, 4, 1)
    )
    admin = "admin_opd"
    a = up(world, admin, jenis="sk_pangkat", riwayat=old, data=pdf_bytes(1))
    b = up(world, admin, jenis="sk_pangkat", riwayat=new, data=pdf_bytes(2))
    assert (a.riwayat_kind, a.riwayat_id, a.versi, b.versi) == ("pangkat", old.pk, 1, 1)
    assert Dokumen.objects.current().filter(jenis__kode="sk_pangkat").count() == 2


def test_a_history_row_of_another_pegawai_or_kind_is_refused(world):
    theirs = RiwayatPangkat.objects.create(
        pegawai=world.pegawai_lain, golongan="III/a", tmt=date(2014, 2, 1)
    )
    with pytest.raises(SikapError, match="bukan milik pegawai ini"):
        up(world, "admin_opd", jenis="sk_pangkat", riwayat=theirs)
    with pytest.raises(SikapError, match="tidak dapat dilekatkan"):
        up(world, "admin_opd", jenis="ktp", riwayat=theirs)


@pytest.mark.parametrize(
    ("persona", "pegawai_attr", "allowed"),
    [
        ("pegawai", "pegawai", True),
        ("admin_opd", "pegawai", True),
        ("admin_bkd", "pegawai_b", True),
        ("pegawai", "pegawai_lain", False),  # a pegawai, someone else's record
        ("atasan", "pegawai", False),  # sees the subordinate, may not file for them
        ("admin_opd_lain", "pegawai", False),  # another OPD
        ("verifikator", "pegawai", False),  # wrong role: verifies, does not upload
        ("pimpinan", "pegawai", False),
        ("anonymous", "pegawai", False),
    ],
)
def test_who_may_upload(world, media_root, persona, pegawai_attr, allowed):
    pegawai = getattr(world, pegawai_attr)
    if allowed:
        assert up(world, persona, pegawai=pegawai).pegawai == pegawai
    else:
        error = refused(world, media_root, persona=persona, pegawai=pegawai)
        assert error.code == Kode.TIDAK_BERHAK


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("sk.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "program Windows"),
        ("sk.pdf", pdf_bytes(2)[:400], "tidak utuh"),
        ("sk.pdf", encrypted_pdf_bytes(), "kata sandi"),
        ("foto.png", png_claiming(100_000, 100_000), "piksel per sisi"),
    ],
    ids=["renamed-executable", "truncated-pdf", "encrypted-pdf", "decompression-bomb"],
)
def test_bad_files_are_refused_and_nothing_is_stored(world, media_root, name, data, expected):
    error = refused(world, media_root, name=name, data=data)
    assert error.code == Kode.BERKAS_TIDAK_VALID and expected in error.message


def test_an_oversized_file_is_refused_and_nothing_is_stored(world, media_root):
    JenisDokumen.objects.filter(kode="ktp").update(ukuran_maks_kb=10)
    error = refused(world, media_root, data=pdf_bytes(padding=20_000))
    assert "melebihi batas 10 KB untuk KTP" in error.message


def test_an_unknown_or_inactive_type_is_refused(world, media_root):
    JenisDokumen.objects.filter(kode="ktp").update(aktif=False)
    assert refused(world, media_root, jenis="ktp").code == Kode.DATA_TIDAK_VALID
    assert refused(world, media_root, jenis="tidak_ada").code == Kode.DATA_TIDAK_VALID


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across threads need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_uploads_of_a_type_become_consecutive_versions(world):
    barrier = threading.Barrier(3)
    errors = []

    def attempt(n):
        barrier.wait()
        try:
            up(world, data=pdf_bytes(n + 1))
        except Exception as e:  # reported by the assertion below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    versions = Dokumen.objects.filter(jenis__kode="ktp").order_by("versi")
    assert [(d.versi, d.aktif) for d in versions] == [(1, False), (2, False), (3, True)]


# --- verification ---------------------------------------------------------------------------


def test_a_verifier_approves_and_the_owner_is_told(world, django_capture_on_commit_callbacks):
    dokumen = up(world)
    with django_capture_on_commit_callbacks(execute=True):
        verify_dokumen(dokumen, actor=world.users["verifikator"], approve=True)
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.TERVERIFIKASI and dokumen.version == 1
    event = CaseEvent.objects.get(object_id=str(dokumen.pk))
    assert (event.transition, event.actor) == ("verifikasi", world.users["verifikator"])
    assert Notifikasi.objects.filter(user=world.users["pegawai"]).exists()


def test_rejecting_needs_a_reason_and_records_it(world):
    dokumen = up(world)
    with pytest.raises(SikapError) as exc:
        verify_dokumen(dokumen, actor=world.users["admin_bkd"], approve=False)
    assert exc.value.code == Kode.DATA_TIDAK_VALID
    verify_dokumen(dokumen, actor=world.users["admin_bkd"], approve=False, reason="Buram")
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.DITOLAK and dokumen.aktif  # nothing to fall back on
    assert CaseEvent.objects.get(object_id=str(dokumen.pk)).reason == "Buram"


def test_rejecting_a_new_version_brings_back_the_verified_one(world):
    first = up(world, data=pdf_bytes(1))
    verify_dokumen(first, actor=world.users["verifikator"], approve=True)
    second = up(world, data=pdf_bytes(2))
    verify_dokumen(second, actor=world.users["verifikator"], approve=False, reason="Salah unggah")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.aktif, first.superseded_by, first.state) == (True, None, "terverifikasi")
    assert (second.aktif, second.state) == (False, "ditolak")


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "atasan", "pimpinan"])
def test_only_bkd_verifiers_verify(world, persona):
    dokumen = up(world)
    with pytest.raises(SikapError) as exc:
        verify_dokumen(dokumen, actor=world.user(persona), approve=True)
    assert exc.value.code == Kode.TIDAK_BERHAK


def test_a_superseded_or_unverifiable_document_cannot_be_verified(world):
    first = up(world, data=pdf_bytes(1))
    up(world, data=pdf_bytes(2))
    first.refresh_from_db()
    with pytest.raises(SikapError) as exc:
        verify_dokumen(first, actor=world.users["verifikator"], approve=True)
    assert exc.value.code == Kode.SYARAT_BELUM_LENGKAP
    npwp = up(world, jenis="npwp")
    with pytest.raises(SikapError) as exc:
        verify_dokumen(npwp, actor=world.users["verifikator"], approve=True)
    assert exc.value.code == Kode.LANGKAH_TIDAK_SAH


def test_admin_bkd_never_verifies_a_document_of_their_own_record(world):
    """Issue 8, finding 1: linked to their own pegawai record, admin BKD (and a superuser) may
    not verify what is on it, even when someone else uploaded it."""
    own = world.users["admin_bkd"]
    own.pegawai = world.pegawai_b
    own.save()
    dokumen = up(world, persona="admin_opd_lain", pegawai=world.pegawai_b)
    for actor in (own, world.users["admin_opd_lain"]):
        with pytest.raises(SikapError) as exc:
            verify_dokumen(dokumen, actor=actor, approve=True)
        assert exc.value.code == Kode.TIDAK_BERHAK
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.MENUNGGU
    verify_dokumen(dokumen, actor=world.users["verifikator"], approve=True)


# Quota and rate (finding 10)


def test_uploads_over_the_rate_per_minute_are_refused(world, media_root, settings):
    settings.SIKAP_UPLOAD_RATE_PER_MINUTE = 3
    for pages in (1, 2, 3):
        up(world, data=pdf_bytes(pages))
    with pytest.raises(SikapError) as exc:
        up(world, data=pdf_bytes(4))
    assert exc.value.code == Kode.TERLALU_BANYAK and "3 berkas per menit" in exc.value.message
    assert Dokumen.objects.count() == 3
    up(world, persona="admin_opd", data=pdf_bytes(5))  # the bound is per user


def test_an_upload_past_the_file_count_quota_is_refused(world, media_root, settings):
    settings.SIKAP_UPLOAD_QUOTA_FILES = 2
    up(world)
    up(world, data=pdf_bytes(2))  # a second version counts too
    with pytest.raises(SikapError) as exc:
        up(world, data=pdf_bytes(3))
    assert "Kuota arsip digital" in exc.value.message and "2 berkas" in exc.value.message
    assert Dokumen.objects.count() == 2


def test_an_upload_past_the_byte_quota_is_refused_and_nothing_is_stored(
    world, media_root, settings
):
    settings.SIKAP_UPLOAD_QUOTA_BYTES = 1024
    error = refused(world, media_root, data=pdf_bytes(padding=2000))
    assert "Kuota arsip digital" in error.message
