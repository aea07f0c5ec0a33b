"""The home page from cards: what a pegawai must do first, the work waiting for staff, the
figures pimpinan watch, and an empty state on every card."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sikap.core import home
from sikap.core.models import Notifikasi
from sikap.documents.models import Dokumen
from sikap.documents.services import verify_dokumen
from sikap.selfservice import services as selfservice
from tests.home.conftest import submitted, uploaded

pytestmark = pytest.mark.django_db


def keys(response) -> list[str]:
    return [c.key for c in response.context["todo"]] + [c.key for c in response.context["summary"]]


def test_a_rejected_document_comes_first_with_its_reason_and_a_link_to_upload_again(world):
    dokumen = uploaded(world)
    verify_dokumen(dokumen, actor=world.users["verifikator"], approve=False, reason="Foto buram.")
    response = world.client("pegawai").get("/")
    body = response.content.decode()
    assert keys(response)[0] == "documents.arsip_saya"
    assert "KTP Anda ditolak</strong>: Foto buram." in body
    arsip = reverse("documents:arsip_pegawai", args=[world.pegawai.nip])
    assert f'href="{arsip}#jenis-ktp">Unggah ulang' in body


def test_a_pegawai_sees_missing_documents_with_the_completeness_figure(world):
    response = world.client("pegawai").get("/")
    card = next(c for c in response.context["todo"] if c.key == "documents.arsip_saya")
    assert card.context["required"] > 0
    assert card.context["present"] == 0 and card.context["persen"] == 0
    assert "KTP" in card.context["missing"]
    assert f"Dokumen wajib: 0 dari {card.context['required']} ada" in response.content.decode()


def test_a_returned_request_shows_its_reason_and_the_way_to_fix_it(world):
    usulan = submitted(world)
    selfservice.take_step(
        usulan, "kembalikan", actor=world.users["admin_opd"], reason="Nomor HP kurang satu angka"
    )
    response = world.client("pegawai").get("/")
    body = response.content.decode()
    assert "Dikembalikan: Nomor HP kurang satu angka." in body
    assert reverse("selfservice:usulan_edit", args=[usulan.pk]) in body
    assert "Dikembalikan untuk dilengkapi" in body  # the state as a label, never a code


def test_unread_notifications_are_on_the_home_page(world):
    Notifikasi.objects.create(user=world.users["pegawai"], message="KTP Anda sudah diverifikasi.")
    body = world.client("pegawai").get("/").content.decode()
    assert "KTP Anda sudah diverifikasi." in body


def test_every_card_says_when_all_is_done(world):
    for kode in ("ktp",):
        verify_dokumen(uploaded(world, kode=kode), actor=world.users["verifikator"], approve=True)
    response = world.client("verifikator").get("/")
    body = response.content.decode()
    assert "Tidak ada yang menunggu keputusan Anda. Semua sudah selesai." in body
    assert "Tidak ada notifikasi baru." in body
    pegawai = world.client("pegawai").get("/").content.decode()
    assert "Tidak ada usulan yang perlu Anda tindak lanjuti." in pegawai


def test_staff_see_the_work_waiting_by_kind_and_age_with_links(world):
    usulan = submitted(world)
    type(usulan).objects.filter(pk=usulan.pk).update(
        diajukan_pada=timezone.now() - timedelta(days=9)
    )
    response = world.client("admin_opd").get("/")
    card = response.context["todo"][0]
    assert card.key == "core.kotak_masuk"
    assert card.context["rows"] == [
        {"kind": "selfservice.usulan", "label": "Usulan perubahan data", "count": 1, "umur": 9}
    ]
    body = response.content.decode()
    assert "/kotak-masuk/?jenis=selfservice.usulan" in body
    assert "terlama 9 hari" in body
    assert "people.tenaga_kerja" in keys(response)


def test_pimpinan_watch_headcount_ip_asn_and_sakip(world):
    response = world.client("pimpinan").get("/")
    assert {"people.tenaga_kerja", "ipasn.tahun", "performance.capaian"} <= set(keys(response))
    card = next(c for c in response.context["summary"] if c.key == "people.tenaga_kerja")
    assert card.context["total"] == 5


def test_the_workforce_charts_moved_to_their_own_page(world):
    assert world.client("admin_bkd").get("/statistik/").status_code == 200
    assert world.client("pegawai").get("/statistik/").status_code == 403


def test_cards_are_ordered_work_first_then_summary(world):
    cards = home.cards_for(world.users["pegawai"], timezone.localdate())
    orders = [c.order for c in cards]
    assert orders == sorted(orders)
    assert cards[-1].key == "people.data_saya"
    assert all(c.order >= home.SUMMARY for c in cards if c.key == "people.data_saya")


def test_a_document_uploaded_again_leaves_the_home_page(world):
    rejected = uploaded(world)
    verify_dokumen(rejected, actor=world.users["verifikator"], approve=False, reason="Buram")
    uploaded(world)
    body = world.client("pegawai").get("/").content.decode()
    assert "KTP Anda ditolak" not in body
    assert Dokumen.objects.filter(pk=rejected.pk, superseded_by__isnull=False).exists()
