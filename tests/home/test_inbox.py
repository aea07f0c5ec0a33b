"""The one inbox: what waits for each verifier, filters, the next item after a decision, the
document preview, and the menu's count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sikap.core import inbox_views
from sikap.documents.models import Dokumen
from sikap.selfservice import services as selfservice
from sikap.selfservice.models import JenisPerubahan, UsulanPerubahan
from tests.factories import make_pegawai, make_user
from tests.home.conftest import submitted, uploaded
from tests.selfservice.conftest import pdf, values_of

pytestmark = pytest.mark.django_db
INBOX = "/kotak-masuk/"


def kinds(response) -> list[str]:
    return [row["item"].kind for row in response.context["rows"]]


def test_each_verifier_sees_the_kinds_waiting_for_them_and_nothing_of_their_own(world):
    usulan = submitted(world)
    dokumen = uploaded(world)
    admin_opd = world.client("admin_opd").get(INBOX)
    verifikator = world.client("verifikator").get(INBOX)
    assert kinds(admin_opd) == ["selfservice.usulan"]
    assert admin_opd.context["rows"][0]["item"].key == str(usulan.pk)
    assert kinds(verifikator) == ["documents.dokumen"]
    assert verifikator.context["rows"][0]["item"].key == str(dokumen.pk)
    # The owner sees neither their request nor their document as work, and the other OPD's
    # admin sees nothing of OPD A.
    assert kinds(world.client("pegawai").get(INBOX)) == []
    assert kinds(world.client("admin_opd_lain").get(INBOX)) == []


def test_the_inbox_filters_by_kind_opd_and_age_oldest_first(world):
    old = uploaded(world, kode="ktp")
    new = uploaded(world, kode="kk")
    other_opd = uploaded(world, persona="admin_bkd", kode="ktp", pegawai=world.pegawai_b)
    Dokumen.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=10))
    client = world.client("verifikator")

    keys = [r["item"].key for r in client.get(INBOX).context["rows"]]
    assert keys == [str(old.pk), str(new.pk), str(other_opd.pk)]
    by_opd = client.get(INBOX, {"opd": world.opd_b.pk})
    assert [r["item"].key for r in by_opd.context["rows"]] == [str(other_opd.pk)]
    by_age = client.get(INBOX, {"umur": "7"})
    assert [r["item"].key for r in by_age.context["rows"]] == [str(old.pk)]
    by_kind = client.get(INBOX, {"jenis": "selfservice.usulan"})
    assert by_kind.context["rows"] == []
    assert "Semua sudah selesai" in by_kind.content.decode()


def test_the_inbox_shows_the_oldest_page_of_all_kinds_and_says_how_many_wait(world, monkeypatch):
    oldest = uploaded(world, kode="ktp")
    Dokumen.objects.filter(pk=oldest.pk).update(uploaded_at=timezone.now() - timedelta(days=9))
    uploaded(world, kode="kk")
    uploaded(world, persona="admin_bkd", kode="ktp", pegawai=world.pegawai_b)
    monkeypatch.setattr(inbox_views, "PER_PAGE", 2)
    response = world.client("verifikator").get(INBOX)
    assert len(response.context["rows"]) == 2 and response.context["total"] == 3
    assert response.context["rows"][0]["item"].key == str(oldest.pk)
    assert "Ditampilkan 2 dari 3, yang terlama lebih dahulu." in response.content.decode()


def test_a_filter_that_cannot_be_used_says_so_in_indonesian_and_lists_everything(world):
    uploaded(world)
    response = world.client("verifikator").get(INBOX, {"jenis": "tidak.ada", "umur": "abc"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Saringan tidak dapat dipakai" in body
    assert "Jenis: Pilih pilihan yang valid" in body or "Jenis: Masukkan pilihan yang valid" in body
    assert kinds(response) == ["documents.dokumen"]


def test_an_admin_opd_cannot_filter_by_an_opd_they_do_not_manage(world):
    submitted(world)
    response = world.client("admin_opd").get(INBOX, {"opd": world.opd_b.pk})
    assert "Saringan tidak dapat dipakai" in response.content.decode()


def test_after_a_decision_from_the_inbox_the_next_item_opens(world):
    first = uploaded(world, kode="ktp")
    second = uploaded(world, kode="kk")
    Dokumen.objects.filter(pk=first.pk).update(uploaded_at=timezone.now() - timedelta(days=3))
    client = world.client("verifikator")
    rows = client.get(INBOX, {"umur": ""}).context["rows"]
    opened = client.get(rows[0]["url"])
    assert opened.context["d"].pk == first.pk
    next_field = opened.content.decode().split('name="next" value="')[1].split('"')[0]
    assert next_field.startswith(reverse("core:kotak_masuk_berikutnya"))

    decided = client.post(
        reverse("documents:dokumen_verifikasi", args=[first.pk]),
        {"keputusan": "setujui", "versi": first.version, "next": next_field},
    )
    assert decided.status_code == 302 and decided["Location"] == next_field
    onward = client.get(next_field)
    assert onward["Location"].startswith(reverse("documents:dokumen_detail", args=[second.pk]))
    assert "kotak=" in onward["Location"]


def test_a_refused_decision_returns_to_the_same_item_with_its_reason(world):
    dokumen = uploaded(world)
    client = world.client("verifikator")
    next_url = reverse("core:kotak_masuk_berikutnya")
    response = client.post(
        reverse("documents:dokumen_verifikasi", args=[dokumen.pk]),
        {"keputusan": "tolak", "versi": dokumen.version, "alasan": "", "next": next_url},
        follow=True,
    )
    assert response.context["d"].pk == dokumen.pk
    assert "Alasan wajib diisi" in response.content.decode()
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.MENUNGGU


def test_when_nothing_is_left_the_inbox_says_all_is_done(world):
    response = world.client("verifikator").get(reverse("core:kotak_masuk_berikutnya"), follow=True)
    assert response.redirect_chain[-1][0] == INBOX
    assert "Semua yang menunggu keputusan Anda sudah selesai." in response.content.decode()


def test_a_change_request_shows_its_document_and_decides_it_in_the_same_place(world):
    usulan = selfservice.create_usulan(
        world.pegawai,
        JenisPerubahan.objects.get(kode="gelar"),
        values_of("gelar", world.pegawai, gelar_belakang="S.Kom."),
        actor=world.users["pegawai"],
        berkas=pdf("ijazah.pdf"),
    )
    selfservice.submit_usulan(usulan, actor=world.users["pegawai"])
    selfservice.take_step(usulan, "teruskan", actor=world.users["admin_opd"])
    client = world.client("verifikator")
    page = client.get(usulan.get_absolute_url()).content.decode()
    dokumen = UsulanPerubahan.objects.get(pk=usulan.pk).dokumen
    assert reverse("documents:dokumen_lihat", args=[dokumen.pk]) in page
    assert reverse("documents:dokumen_verifikasi", args=[dokumen.pk]) in page

    response = client.post(
        reverse("documents:dokumen_verifikasi", args=[dokumen.pk]),
        {"keputusan": "setujui", "versi": dokumen.version, "next": usulan.get_absolute_url()},
    )
    assert response["Location"] == usulan.get_absolute_url()
    dokumen.refresh_from_db()
    assert dokumen.state == Dokumen.Status.TERVERIFIKASI


def test_the_preview_is_inline_sandboxed_and_only_for_who_may_see_the_document(world):
    dokumen = uploaded(world)
    url = reverse("documents:dokumen_lihat", args=[dokumen.pk])
    response = world.client("verifikator").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Content-Type"] == "application/pdf"
    assert world.client("admin_opd_lain").get(url).status_code == 404
    page = world.client("verifikator").get(url, {"halaman": "1"})
    assert page["Content-Type"] == "image/png" and page.content.startswith(b"\x89PNG")
    assert page["Content-Security-Policy"] == "sandbox"
    for bad in ("0", "2", "abc", "-1", "²", "9" * 40):
        assert world.client("verifikator").get(url, {"halaman": bad}).status_code == 404
    detail = world.client("verifikator").get(reverse("documents:dokumen_detail", args=[dokumen.pk]))
    assert f'src="{url}?halaman=1"' in detail.content.decode()
    # The download stays a download.
    unduh = world.client("pegawai").get(reverse("documents:dokumen_unduh", args=[dokumen.pk]))
    assert unduh["Content-Disposition"].startswith("attachment")


def test_the_menu_shows_the_inbox_with_its_count_and_marks_the_current_page(world):
    submitted(world)
    body = world.client("admin_opd").get(INBOX).content.decode()
    assert f'href="{INBOX}" aria-current="page">Kotak Masuk' in body
    assert 'aria-label="Kotak masuk: 1 menunggu keputusan Anda"' in body
    # A pegawai with nothing to decide has no inbox in the menu.
    assert f'href="{INBOX}"' not in world.client("pegawai").get("/").content.decode()


def waiting_work(world, n: int) -> None:
    """`n` more pegawai in OPD A, each with a document and a request waiting."""
    for _ in range(n):
        pegawai = make_pegawai(world.opd_a, nama="Pegawai Uji")
        uploaded(world, persona="admin_bkd", pegawai=pegawai)
        submitted(world, pegawai=pegawai, actor=make_user(pegawai.nip, pegawai=pegawai))


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [INBOX, "/"])
def test_inbox_and_home_answer_with_a_fixed_number_of_queries(world, url):
    personas = ("verifikator", "admin_opd", "admin_bkd", "pimpinan", "pegawai")
    clients = {p: world.client(p) for p in personas}
    waiting_work(world, 1)
    for client in clients.values():  # warm: the session, content types
        client.get(url)
    before = {persona: queries(client, url) for persona, client in clients.items()}
    waiting_work(world, 6)
    after = {persona: queries(client, url) for persona, client in clients.items()}
    assert after == before
