""" "Cek data kependudukan" as the BKD desk uses it."""

import pytest
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.documents.models import AksesBerkas
from tests.dukcapil.keluarga import keluarga_budi
from tests.dukcapil.test_services import lengkapi_keluarga


@pytest.fixture
def budi(world, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi(NAMA_LGKP="BUDI SANTOSA"))
    return lengkapi_keluarga(world.pegawai)


def test_opening_the_page_shows_simak_data_and_looks_nothing_up(world, budi, dukcapil_standin):
    page = world.client("verifikator").get(reverse("dukcapil:cek", args=[budi.nip]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Siti Aminah" in html and "Cek ke data kependudukan" in html
    assert dukcapil_standin.permintaan == 0 and not AksesBerkas.objects.exists()


def test_checking_lists_the_differences_and_logs_the_read(world, budi):
    page = world.client("admin_bkd").post(reverse("dukcapil:cek", args=[budi.nip]))
    html = page.content.decode()
    assert "1 perbedaan dengan data kependudukan" in html
    assert "Ejaan nama" in html and "BUDI SANTOSA" in html
    assert AksesBerkas.objects.filter(pegawai=budi, jenis="dukcapil").count() == 1


def test_matching_data_says_so(world, budi, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    html = world.client("verifikator").post(reverse("dukcapil:cek", args=[budi.nip])).content
    assert "Data SIMAK sesuai dengan data kependudukan" in html.decode()


def test_a_death_record_is_shown_first(world, budi, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi(TGL_KEMATIAN="01-11-2026"))
    html = world.client("verifikator").post(reverse("dukcapil:cek", args=[budi.nip])).content
    assert "meninggal dunia pada 1 November 2026" in html.decode()


def test_with_the_registry_down_the_page_points_to_the_manual_check(world, budi, settings):
    settings.SIKAP_DUKCAPIL_URL = "http://127.0.0.1:9"
    settings.SIKAP_DUKCAPIL_BACKOFF_SECONDS = 0.0
    page = world.client("verifikator").post(reverse("dukcapil:cek", args=[budi.nip]))
    html = page.content.decode()
    assert page.status_code == 200 and "Perlu pemeriksaan manual" in html
    assert reverse("documents:arsip_pegawai", args=[budi.nip]) in html


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "admin_opd", "pimpinan"])
def test_other_roles_are_refused(world, budi, persona, dukcapil_standin):
    page = world.client(persona).post(reverse("dukcapil:cek", args=[budi.nip]))
    assert page.status_code == 403 and "petugas BKD" in page.content.decode()
    assert dukcapil_standin.permintaan == 0


def test_a_bkd_officer_cannot_check_their_own_record(world, budi):
    world.users["pegawai"].peran = Peran.ADMIN_BKD
    world.users["pegawai"].save()
    page = world.client("pegawai").post(reverse("dukcapil:cek", args=[budi.nip]))
    assert page.status_code == 403 and "petugas BKD yang lain" in page.content.decode()


def test_searching_by_name_nip_or_nik(world, budi):
    client = world.client("verifikator")
    url = reverse("dukcapil:cari")
    assert client.get(url, {"q": budi.nik}).url == reverse("dukcapil:cek", args=[budi.nip])
    assert client.get(url, {"q": budi.nip}).status_code == 302
    many = client.get(url, {"q": "i"}).content.decode()  # Siti, Budi, Dewi, Rudi…
    assert reverse("dukcapil:cek", args=[budi.nip]) in many
    none = client.get(url, {"q": "Tidak Ada Orangnya"}).content.decode()
    assert "Tidak ada pegawai dengan NIP, NIK atau nama" in none


def test_the_profile_links_to_the_check_for_the_bkd_desk_only(world, budi):
    url = reverse("people:pegawai_detail", args=[budi.nip])
    link = reverse("dukcapil:cek", args=[budi.nip])
    assert link in world.client("verifikator").get(url).content.decode()
    assert link not in world.client("admin_opd").get(url).content.decode()


def test_checking_again_asks_the_registry_again(world, budi, dukcapil_standin):
    client = world.client("verifikator")
    url = reverse("dukcapil:cek", args=[budi.nip])
    client.post(url)
    dukcapil_standin.mode("galat")
    assert "Perlu pemeriksaan manual" in client.post(url).content.decode()
