"""The arsip page, uploads and downloads over HTTP, verification actions and the queue: every
page through visibility, with the outsider always tried."""

import pytest
from django.urls import reverse

from sikap.documents.models import Dokumen
from sikap.documents.services import upload_dokumen
from tests.documents.conftest import image_bytes, pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


def arsip(pegawai) -> str:
    return reverse("documents:arsip_pegawai", args=[pegawai.nip])


def unggah(pegawai, kode="ktp") -> str:
    return reverse("documents:dokumen_unggah", args=[pegawai.nip, kode])


def stored(world, kode="ktp", data=None, persona="admin_bkd", pegawai=None):
    return upload_dokumen(
        pegawai or world.pegawai,
        kode,
        upload("berkas.pdf", data or pdf_bytes()),
        actor=world.users[persona],
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("pegawai", 200),
        ("atasan", 200),
        ("admin_opd", 200),
        ("verifikator", 200),
        ("pimpinan", 200),
        ("admin_opd_lain", 404),
        ("kabid", 404),  # head of another unit: not this pegawai's superior
    ],
)
def test_the_arsip_page_follows_visibility(world, persona, status):
    assert world.client(persona).get(arsip(world.pegawai)).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(world):
    response = world.client("anonymous").get(arsip(world.pegawai))
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_the_arsip_shows_missing_mandatory_documents_and_upload_forms(world):
    stored(world, "ktp")
    response = world.client("pegawai").get(arsip(world.pegawai))
    page = response.content.decode()
    ktp, kk = (s for s in response.context["sections"] if s.jenis.kode in ("ktp", "kk"))
    assert ktp.wajib and ktp.present and kk.wajib and not kk.present
    missing = {s.jenis.kode for s in response.context["missing"]}
    assert "kk" in missing and "ktp" not in missing and "sk_pppk" not in missing
    assert 'id="jenis-ktp"' in page and unggah(world.pegawai, "kk") in page
    assert 'accept=".pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png"' in page
    assert "PDF, JPEG, PNG, paling besar 2.048 KB." in page


def test_the_arsip_costs_the_same_queries_however_many_documents(
    world, django_assert_max_num_queries
):
    client = world.client("pegawai")
    stored(world, "ktp")
    # The page's own queries and the menu's (unread count, one per inbox source).
    with django_assert_max_num_queries(30) as few:
        client.get(arsip(world.pegawai))
    for n, kode in enumerate(("kk", "npwp", "bpjs", "ijazah", "foto", "karpeg"), start=2):
        data = image_bytes("PNG", color=(n, n, n)) if kode == "foto" else pdf_bytes(n)
        stored(world, kode, data=data)
    stored(world, "ktp", data=pdf_bytes(9))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(arsip(world.pegawai))
    assert sum(len(s.current) + len(s.old) for s in response.context["sections"]) == 8


def test_a_superior_sees_the_arsip_but_gets_no_upload_form(world):
    response = world.client("atasan").get(arsip(world.pegawai))
    assert all(s.form is None for s in response.context["sections"])


def test_uploading_through_the_page_stores_a_version(world):
    client = world.client("pegawai")
    response = client.post(
        unggah(world.pegawai), {"file": upload("ktp.jpg", image_bytes("JPEG"), "image/jpeg")}
    )
    assert response.status_code == 302 and response["Location"].endswith("#jenis-ktp")
    dokumen = Dokumen.objects.get()
    assert (dokumen.pegawai, dokumen.format) == (world.pegawai, "jpeg")
    page = client.get(response["Location"]).content.decode()
    assert "KTP versi 1 menunggu verifikasi BKD." in page


def test_a_bad_upload_through_the_page_is_explained_and_not_stored(world, media_root):
    client = world.client("pegawai")
    response = client.post(
        unggah(world.pegawai),
        {"file": upload("ktp.pdf", b"MZ\x90\x00" + b"\x00" * 100)},
        follow=True,
    )
    # The error stands in the KTP section, where the page scrolls back to; once.
    page = response.content.decode()
    section = page.split('id="jenis-ktp"', 1)[1].split("</section>", 1)[0]
    assert 'id="gagal-ktp"' in section
    assert "Tidak disimpan: Isi berkas ini adalah program Windows" in section
    assert page.count("Isi berkas ini adalah program Windows") == 1
    assert not Dokumen.objects.exists() and stored_files(media_root) == []
    again = client.get(reverse("documents:arsip_pegawai", args=[world.pegawai.nip]))
    assert 'id="gagal-ktp"' not in again.content.decode()


@pytest.mark.parametrize(
    ("persona", "target", "status"),
    [
        ("pegawai", "pegawai_lain", 404),  # cannot even see the record
        ("atasan", "pegawai", 403),  # sees it, may not upload for it
        ("verifikator", "pegawai", 403),
        ("admin_opd_lain", "pegawai", 404),
    ],
)
def test_uploads_for_records_one_may_not_file_are_refused(
    world, media_root, persona, target, status
):
    response = world.client(persona).post(
        unggah(getattr(world, target)), {"file": upload("ktp.pdf", pdf_bytes())}
    )
    assert response.status_code == status
    assert not Dokumen.objects.exists() and stored_files(media_root) == []


def test_upload_page_accepts_only_post(world):
    assert world.client("pegawai").get(unggah(world.pegawai)).status_code == 405


# --- downloads ------------------------------------------------------------------------------


def test_the_owner_downloads_under_a_safe_name(world):
    data = pdf_bytes(2)
    dokumen = upload_dokumen(
        world.pegawai, "ktp", upload('"; rm -rf ..pdf', data), actor=world.users["pegawai"]
    )
    response = world.client("pegawai").get(reverse("documents:dokumen_unduh", args=[dokumen.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="ktp-{world.pegawai.nip}-v1.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"


def test_a_pegawai_cannot_read_another_pegawais_document_by_guessing(world):
    theirs = stored(world, pegawai=world.pegawai_lain)
    client = world.client("pegawai")
    for url in (
        reverse("documents:dokumen_unduh", args=[theirs.pk]),
        reverse("documents:dokumen_unduh", args=[theirs.pk + 1000]),
        arsip(world.pegawai_lain),
        "/" + theirs.file.name,
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("persona", "status"),
    # A superior sees the subordinate, not their files (tests/documents/test_access_log.py).
    [("admin_opd", 200), ("atasan", 403), ("admin_opd_lain", 404), ("kabid", 404)],
)
def test_downloads_follow_visibility(world, persona, status):
    dokumen = stored(world)
    response = world.client(persona).get(reverse("documents:dokumen_unduh", args=[dokumen.pk]))
    assert response.status_code == status


def test_media_files_have_no_public_url(world):
    dokumen = stored(world)
    for prefix in ("/", "/media/"):
        assert world.client("admin_bkd").get(prefix + dokumen.file.name).status_code == 404


# --- verification ---------------------------------------------------------------------------


def verify(world, persona, dokumen, follow=False, **data):
    body = {"keputusan": "setujui", "alasan": "", "versi": dokumen.version, **data}
    url = reverse("documents:dokumen_verifikasi", args=[dokumen.pk])
    return world.client(persona).post(url, body, follow=follow)


def test_a_verifier_approves_from_the_arsip_page(world):
    dokumen = stored(world)
    page = world.client("verifikator").get(arsip(world.pegawai)).content.decode()
    assert reverse("documents:dokumen_verifikasi", args=[dokumen.pk]) in page
    response = verify(world, "verifikator", dokumen)
    assert response.status_code == 302
    dokumen.refresh_from_db()
    assert dokumen.state == "terverifikasi"


def test_a_rejection_shows_its_reason_to_the_owner(world):
    dokumen = stored(world, persona="pegawai")
    verify(world, "admin_bkd", dokumen, keputusan="tolak", alasan="Foto KTP buram")
    page = world.client("pegawai").get(arsip(world.pegawai)).content.decode()
    assert "Alasan ditolak: Foto KTP buram" in page


def test_nobody_verifies_a_document_they_uploaded_admin_bkd_included(world):
    dokumen = stored(world, persona="admin_bkd")
    page = world.client("admin_bkd").get(arsip(world.pegawai)).content.decode()
    assert reverse("documents:dokumen_verifikasi", args=[dokumen.pk]) not in page
    response = verify(world, "admin_bkd", dokumen)
    assert response.status_code == 403
    assert "pengunggahnya" in response.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.state == "menunggu"
    queue = world.client("admin_bkd").get(reverse("documents:antrian_verifikasi"))
    assert queue.context["page"].paginator.count == 0


def test_a_stale_form_does_not_overwrite_a_newer_decision(world):
    dokumen = stored(world, persona="pegawai")
    verify(world, "verifikator", dokumen)
    response = verify(world, "admin_bkd", dokumen, keputusan="tolak", alasan="x", follow=True)
    assert "sudah diubah orang lain" in response.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.state == "terverifikasi"


@pytest.mark.parametrize(("persona", "status"), [("pegawai", 403), ("admin_opd", 403)])
def test_others_cannot_verify(world, persona, status):
    dokumen = stored(world)
    assert verify(world, persona, dokumen).status_code == status
    dokumen.refresh_from_db()
    assert dokumen.state == "menunggu"


def test_verification_redirects_only_to_this_site(world):
    dokumen = stored(world)
    response = verify(world, "verifikator", dokumen, next="https://evil.example/")
    assert response["Location"] == dokumen.get_absolute_url()


def test_the_queue_lists_pending_documents_for_verifiers_only(world, django_assert_max_num_queries):
    for pegawai in (world.pegawai, world.pegawai_lain, world.pegawai_b):
        stored(world, pegawai=pegawai)
    stored(world, "npwp")  # needs no verification
    client = world.client("verifikator")
    with django_assert_max_num_queries(9):
        response = client.get(reverse("documents:antrian_verifikasi"))
    assert response.context["page"].paginator.count == 3
    assert world.client("admin_opd").get(reverse("documents:antrian_verifikasi")).status_code == 403
    assert world.client("pegawai").get(reverse("documents:antrian_verifikasi")).status_code == 403
