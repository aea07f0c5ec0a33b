"""`me/…`: my profile, documents, letters and notifications — and never anyone else's."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sikap.core.models import Notifikasi
from sikap.documents.services import register_issued, upload_dokumen
from tests.api.conftest import assert_error
from tests.documents.conftest import media_root, pdf_bytes, upload  # noqa: F401

pytestmark = pytest.mark.django_db


def own_document(world, kode="ktp", who="pegawai"):
    pegawai = getattr(world, who)
    return upload_dokumen(pegawai, kode, upload(f"{kode}.pdf", pdf_bytes()), actor=world.users[who])


def test_my_profile_has_identity_employment_and_my_atasan(world, phone):
    body = phone.get("me").json()
    assert body["nip"] == world.pegawai.nip
    assert body["nama"] == "Budi Santoso"
    assert body["golongan"] == world.pegawai.golongan
    assert body["jabatan"] == "Pengelola Data Kepegawaian"
    assert body["opd"] == "Dinas Pendidikan"
    assert body["atasan"] == {
        "nip": world.atasan.nip,
        "nama": world.atasan.nama_lengkap,
        "jabatan": "Kepala Dinas Pendidikan",
    }


def test_the_top_head_has_no_atasan(world, phone_of):
    assert phone_of("atasan").get("me").json()["atasan"] is None


@pytest.mark.parametrize("path", ["me", "me/documents", "me/letters"])
def test_a_staff_account_without_pegawai_gets_a_clear_404(world, phone_of, path):
    body = assert_error(phone_of("admin_bkd").get(path), 404, "tidak_ditemukan")
    assert "tidak terhubung dengan data pegawai" in body["message"]


def test_my_documents_are_listed_and_paginated(world, phone):
    own_document(world, "ktp")
    own_document(world, "kk")
    body = phone.get("me/documents", page_size=1).json()
    assert body["count"] == 2 and len(body["items"]) == 1
    assert body["items"][0]["status"] == "menunggu"


def test_listing_documents_costs_the_same_for_one_or_many(world, phone):
    own_document(world, "ktp")
    phone.get("me/documents")
    with CaptureQueriesContext(connection) as one:
        phone.get("me/documents")
    own_document(world, "kk")
    own_document(world, "npwp")
    with CaptureQueriesContext(connection) as three:
        assert len(phone.get("me/documents").json()["items"]) == 3
    # The token, the caller's pegawai and jabatan, the OPD's unit tree and heads (the superior
    # rule inside `visible_to`), the count, the page.
    assert len(one) == len(three) == 7


def test_i_download_my_own_document(world, phone):
    dokumen = own_document(world)
    response = phone.get(f"me/documents/{dokumen.pk}/file")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == dokumen.file.open("rb").read()
    assert response["Content-Disposition"].startswith("attachment")


def test_another_pegawais_document_is_404_even_for_their_atasan(world, phone, phone_of):
    dokumen = own_document(world)
    assert_error(phone_of("kabid").get(f"me/documents/{dokumen.pk}/file"), 404, "tidak_ditemukan")
    # The atasan may see it on the web, but it is not theirs.
    assert_error(phone_of("atasan").get(f"me/documents/{dokumen.pk}/file"), 404, "tidak_ditemukan")
    assert phone_of("kabid").get("me/documents").json()["count"] == 0


def test_my_letters_carry_their_public_verification_url(world, phone, phone_of):
    letter = register_issued(
        pdf_bytes(),
        jenis="kgb",
        holder=world.pegawai,
        actor=world.users["verifikator"],
        filename="KGB.pdf",
    )
    items = phone.get("me/letters").json()["items"]
    assert [i["nomor"] for i in items] == [letter.nomor]
    assert items[0]["verification_url"] == letter.verification_url
    assert letter.token in letter.verification_url
    assert phone_of("atasan").get("me/letters").json()["count"] == 0


def notes(world):
    user = world.users["pegawai"]
    first = Notifikasi.objects.create(user=user, message="Dokumen KTP diverifikasi")
    second = Notifikasi.objects.create(user=user, message="Usulan disetujui")
    other = Notifikasi.objects.create(user=world.users["atasan"], message="Ada usulan baru")
    return first, second, other


def test_my_notifications_unread_filter_and_marking_read(world, phone):
    first, second, other = notes(world)
    assert phone.get("me/notifications").json()["count"] == 2
    read = phone.post(f"me/notifications/{first.pk}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    unread = phone.get("me/notifications", unread="true").json()
    assert [n["id"] for n in unread["items"]] == [second.pk]
    assert phone.post("me/notifications/read-all").json() == {"count": 1}
    assert phone.get("me/notifications", unread="true").json()["count"] == 0
    other.refresh_from_db()
    assert other.read_at is None


def test_someone_elses_notification_is_404(world, phone):
    _, _, other = notes(world)
    assert_error(phone.post(f"me/notifications/{other.pk}/read"), 404, "tidak_ditemukan")
    other.refresh_from_db()
    assert other.read_at is None


def test_notifications_list_costs_a_fixed_number_of_queries(world, phone):
    notes(world)
    phone.get("me/notifications")
    with CaptureQueriesContext(connection) as few:
        phone.get("me/notifications")
    for i in range(5):
        Notifikasi.objects.create(user=world.users["pegawai"], message=f"Pesan {i}")
    with CaptureQueriesContext(connection) as many:
        phone.get("me/notifications")
    assert len(few) == len(many) == 3


# --- the web's own calls ----------------------------------------------------------------------


def test_the_web_session_works_and_needs_csrf_for_unsafe_methods(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["pegawai"])
    assert client.get("/api/v1/me").json()["nip"] == world.pegawai.nip
    refused = assert_error(client.post("/api/v1/me/notifications/read-all"), 403, "tidak_berhak")
    assert "CSRF" in refused["message"]
    client.get("/notifikasi/")  # any page sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    ok = client.post("/api/v1/me/notifications/read-all", HTTP_X_CSRFTOKEN=csrf)
    assert ok.status_code == 200


def test_a_bad_token_with_no_session_is_401_not_a_csrf_refusal(world):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/me/notifications/read-all", HTTP_AUTHORIZATION="Bearer salah"
    )
    assert_error(response, 401, "belum_masuk")


def test_letters_and_devices_lists_cost_a_fixed_number_of_queries(world, phone, phone_of):
    def letter():
        register_issued(
            pdf_bytes(),
            jenis="kgb",
            holder=world.pegawai,
            actor=world.users["verifikator"],
            filename="KGB.pdf",
        )

    def cost(path):
        with CaptureQueriesContext(connection) as queries:
            assert phone.get(path).status_code == 200
        return len(queries)

    letter()
    phone.get("me/letters")
    before = cost("me/letters"), cost("auth/tokens")
    letter()
    letter()
    phone_of("pegawai")
    phone_of("pegawai")
    assert (cost("me/letters"), cost("auth/tokens")) == before
