"""Least privilege for personal files and the log of who opened them (issue 8): superiors,
pimpinan and perencana get no document files and no DRH unless configured; every read of a
document file or a DRH PDF is recorded, searchable by admin BKD and shown to the pegawai."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sikap.accounts.models import Peran
from sikap.documents.models import AksesBerkas, AppendOnly
from tests.documents.conftest import pdf_bytes, upload
from tests.factories import make_user


@pytest.fixture
def dokumen(world):
    from sikap.documents.services import upload_dokumen

    world.users["perencana"] = make_user("perencana.bkd", Peran.PERENCANA)
    return upload_dokumen(
        world.pegawai, "ktp", upload("ktp.pdf", pdf_bytes()), actor=world.users["pegawai"]
    )


@pytest.fixture
def no_pdf_rendering(monkeypatch):
    # Who may open the DRH is the question here; tests/people check the PDF itself.
    monkeypatch.setattr("sikap.people.views.render_pdf", lambda *a, **kw: b"%PDF-1.7")


def _unduh(dokumen):
    return reverse("documents:dokumen_unduh", args=[dokumen.pk])


def _drh(pegawai):
    return reverse("people:pegawai_pdf", args=[pegawai.nip])


@pytest.mark.parametrize("persona", ["atasan", "pimpinan", "perencana"])
def test_superiors_and_aggregate_readers_open_no_personal_file(
    world, dokumen, no_pdf_rendering, persona
):
    client = world.client(persona)
    for url in (_unduh(dokumen), _drh(world.pegawai)):
        response = client.get(url)
        assert response.status_code == 403
        assert "hanya dibuka oleh pegawai yang bersangkutan" in response.content.decode()
    assert not AksesBerkas.objects.exists()


def test_the_superior_sees_a_profile_summary_without_identity_numbers_or_family(world, dokumen):
    world.pegawai.nik = "3508011705800001"
    world.pegawai.save()
    page = world.client("atasan").get(reverse("people:pegawai_detail", args=[world.pegawai.nip]))
    text = page.content.decode()
    assert page.status_code == 200 and "Ringkasan profil" in text
    assert "3508011705800001" not in text and "Keluarga" not in text
    assert _drh(world.pegawai) not in text
    arsip = world.client("atasan").get(reverse("documents:arsip_pegawai", args=[world.pegawai.nip]))
    assert _unduh(dokumen) not in arsip.content.decode()
    own = world.client("pegawai").get(reverse("people:pegawai_detail", args=[world.pegawai.nip]))
    assert "3508011705800001" in own.content.decode()


def test_a_setting_grants_pimpinan_and_perencana_the_files(world, dokumen, settings):
    settings.SIKAP_READERS_SEE_PERSONAL_FILES = True
    assert world.client("pimpinan").get(_unduh(dokumen)).status_code == 200
    assert world.client("atasan").get(_unduh(dokumen)).status_code == 403


def test_every_read_is_recorded_with_who_what_when_and_where(world, dokumen, no_pdf_rendering):
    client = world.client("admin_opd")
    assert client.get(_unduh(dokumen), HTTP_USER_AGENT="Firefox uji").status_code == 200
    assert client.get(_drh(world.pegawai), REMOTE_ADDR="10.1.2.3").status_code == 200
    drh, doc = AksesBerkas.objects.order_by("-id")
    assert (doc.user, doc.pegawai, doc.jenis, doc.dokumen) == (
        world.users["admin_opd"],
        world.pegawai,
        "dokumen",
        dokumen,
    )
    assert doc.keterangan == "KTP versi 1" and doc.perangkat == "Firefox uji"
    assert (drh.jenis, drh.alamat_ip, drh.saluran) == ("drh", "10.1.2.3", "web")
    assert timezone.now() - drh.waktu < timedelta(minutes=1)


def test_a_phone_download_of_ones_own_document_is_recorded(world, dokumen):
    url = reverse("api-v1:dokumen_berkas", kwargs={"dokumen_id": dokumen.pk})
    assert world.client("pegawai").get(url).status_code == 200
    assert AksesBerkas.objects.get().saluran == "api"


def test_the_log_is_append_only(world, dokumen):
    world.client("verifikator").get(_unduh(dokumen))
    row = AksesBerkas.objects.get()
    row.keterangan = "diganti"
    with pytest.raises(AppendOnly):
        row.save()
    with pytest.raises(AppendOnly):
        row.delete()
    with pytest.raises(AppendOnly):
        AksesBerkas.objects.all().delete()
    with pytest.raises(AppendOnly):
        AksesBerkas.objects.update(keterangan="x")
    assert AksesBerkas.objects.get().keterangan == "KTP versi 1"


def test_admin_bkd_searches_the_log_by_pegawai_reader_and_date(world, dokumen):
    world.client("verifikator").get(_unduh(dokumen))
    world.client("admin_opd").get(_unduh(dokumen))
    client = world.client("admin_bkd")
    url = reverse("documents:akses_log")
    assert client.get(url).context["page"].paginator.count == 2
    by_reader = client.get(url, {"user": "verifikator"}).context["page"]
    assert [a.user.username for a in by_reader] == ["verifikator"]
    by_nip = client.get(url, {"pegawai": world.pegawai.nip}).context["page"]
    assert by_nip.paginator.count == 2
    assert client.get(url, {"pegawai": "Rudi"}).context["page"].paginator.count == 0
    today = timezone.localdate()
    assert client.get(url, {"dari": today}).context["page"].paginator.count == 2
    future = client.get(url, {"dari": today + timedelta(days=1)}).context["page"]
    assert future.paginator.count == 0


@pytest.mark.parametrize(
    "query, message",
    [
        ({"dari": "kemarin"}, "Masukkan tanggal yang valid"),
        ({"dari": "2026-02-10", "sampai": "2026-02-01"}, "Tidak boleh sebelum tanggal awal"),
    ],
)
def test_a_bad_filter_says_so_and_filters_nothing(world, dokumen, query, message):
    world.client("verifikator").get(_unduh(dokumen))
    response = world.client("admin_bkd").get(reverse("documents:akses_log"), query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["page"].paginator.count == 1


@pytest.mark.parametrize("persona", ["admin_opd", "verifikator", "pimpinan", "pegawai"])
def test_only_admin_bkd_searches_the_log(world, persona):
    assert world.client(persona).get(reverse("documents:akses_log")).status_code == 403


def test_the_pegawai_sees_who_opened_their_files(world, dokumen):
    world.client("verifikator").get(_unduh(dokumen))
    world.client("pegawai").get(_unduh(dokumen))
    page = world.client("pegawai").get(reverse("documents:akses_saya"))
    text = page.content.decode()
    assert page.context["page"].paginator.count == 2
    assert "Siapa yang melihat data saya" in text and "Verifikator" in text
    assert "Anda sendiri" in text
    # Someone else's reads are not theirs to see.
    other = world.client("atasan").get(reverse("documents:akses_saya"))
    assert other.context["page"].paginator.count == 0
