"""Access-control holes found in the documents module, each kept as a regression test."""

import pytest
from django.test import Client
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.documents.models import Dokumen
from sikap.documents.services import upload_dokumen
from tests.documents.conftest import media_root, pdf_bytes, upload  # noqa: F401
from tests.factories import make_pegawai, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def bkd_staff_with_own_file(world):
    """A verifikator is an ASN too: their account is linked to their own pegawai record, and
    they upload their own documents like anyone else."""
    own = make_pegawai(world.opd_b, nama="Rina Verifikasi")
    verifikator = make_user("verifikator.asn", Peran.VERIFIKATOR, pegawai=own)
    dokumen = upload_dokumen(own, "ktp", upload("ktp.pdf", pdf_bytes()), actor=verifikator)
    assert dokumen.state == Dokumen.Status.MENUNGGU
    return verifikator, dokumen


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_verifikator_cannot_verify_their_own_document(bkd_staff_with_own_file):
    verifikator, dokumen = bkd_staff_with_own_file
    _client(verifikator).post(
        reverse("documents:dokumen_verifikasi", args=[dokumen.pk]),
        {"keputusan": "setujui", "versi": dokumen.version, "alasan": ""},
    )
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.MENUNGGU


def test_their_own_document_is_not_in_their_queue(bkd_staff_with_own_file, world):
    verifikator, dokumen = bkd_staff_with_own_file
    queue = _client(verifikator).get(reverse("documents:antrian_verifikasi"))
    assert dokumen not in queue.context["page"].object_list
    # Another verifier still sees it and may decide.
    other = world.client("verifikator").get(reverse("documents:antrian_verifikasi"))
    assert dokumen in other.context["page"].object_list
    world.client("verifikator").post(
        reverse("documents:dokumen_verifikasi", args=[dokumen.pk]),
        {"keputusan": "setujui", "versi": dokumen.version, "alasan": ""},
    )
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.TERVERIFIKASI
