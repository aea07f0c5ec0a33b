"""Notifications phrased for their reader, linking to the item, read once acted upon; the trail
shows states as labels."""

import pytest
from django.urls import reverse

from sikap.core import trail
from sikap.core.models import AuditEntry, Notifikasi
from sikap.documents.services import verify_dokumen
from sikap.selfservice import services as selfservice
from tests.home.conftest import submitted, uploaded

pytestmark = pytest.mark.django_db


def last_for(user) -> Notifikasi:
    return Notifikasi.objects.filter(user=user).first()


def test_a_rejected_document_is_told_to_its_owner_in_their_words(
    world, django_capture_on_commit_callbacks
):
    dokumen = uploaded(world)
    with django_capture_on_commit_callbacks(execute=True):
        verify_dokumen(
            dokumen, actor=world.users["verifikator"], approve=False, reason="foto buram."
        )
    note = last_for(world.users["pegawai"])
    assert note.message == "KTP Anda ditolak: foto buram. Unggah ulang."
    assert note.url == reverse("documents:arsip_pegawai", args=[world.pegawai.nip]) + "#jenis-ktp"


def test_an_admin_who_uploaded_for_someone_reads_whose_document_it_was(
    world, django_capture_on_commit_callbacks
):
    dokumen = uploaded(world, persona="admin_opd", pegawai=world.pegawai)
    with django_capture_on_commit_callbacks(execute=True):
        verify_dokumen(dokumen, actor=world.users["verifikator"], approve=True)
    assert last_for(world.users["admin_opd"]).message == (
        f"KTP {world.pegawai.nama} yang Anda unggah sudah diverifikasi."
    )
    assert last_for(world.users["pegawai"]).message == "KTP Anda sudah diverifikasi."


def test_request_notices_speak_to_the_verifier_and_to_the_proposer(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        usulan = submitted(world)
    assert last_for(world.users["admin_opd"]).message == (
        f"Usulan #{usulan.pk} (Ubah alamat dan kontak) dari {world.pegawai.nama} menunggu "
        "verifikasi Anda."
    )
    with django_capture_on_commit_callbacks(execute=True):
        selfservice.take_step(
            usulan, "tolak", actor=world.users["admin_opd"], reason="Bukan nomor Anda"
        )
    assert last_for(world.users["pegawai"]).message == (
        f"Usulan Anda #{usulan.pk} (Ubah alamat dan kontak) ditolak: Bukan nomor Anda."
    )


def test_opening_the_item_marks_its_notification_read(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        usulan = submitted(world)
    note = last_for(world.users["admin_opd"])
    other = Notifikasi.objects.create(user=world.users["admin_opd"], message="Lain", url="/x/")
    assert world.client("admin_opd").get(usulan.get_absolute_url()).status_code == 200
    note.refresh_from_db()
    other.refresh_from_db()
    assert note.read_at is not None
    assert other.read_at is None


def test_opening_the_archive_marks_document_notices_read(world, django_capture_on_commit_callbacks):
    dokumen = uploaded(world)
    with django_capture_on_commit_callbacks(execute=True):
        verify_dokumen(dokumen, actor=world.users["verifikator"], approve=False, reason="Buram")
    world.client("pegawai").get(reverse("documents:arsip_pegawai", args=[world.pegawai.nip]))
    assert last_for(world.users["pegawai"]).read_at is not None


def test_the_trail_shows_request_states_as_labels(world):
    usulan = submitted(world)
    entry = AuditEntry.objects.filter(
        kind="usulan_perubahan.ajukan", object_id=str(usulan.pk)
    ).get()
    [row] = trail.readable([entry])
    [change] = [c for c in row.changes if c.label == "Status"]
    assert (change.before, change.after) == ("Draf", "Menunggu verifikasi OPD")
