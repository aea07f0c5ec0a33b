from datetime import date

import pytest
from django.urls import reverse

from sikap.pension import services
from sikap.pension.models import BerkasPensiun, JenisPensiun, LampiranBerkas
from tests.factories import make_pegawai
from tests.pension.conftest import pdf_bytes, upload

L = LampiranBerkas.Status


@pytest.fixture
def berkas(kantor):
    return services.open_file(
        kantor.pegawai, JenisPensiun.BUP, actor=kantor.admin_opd, check_registry=False
    )


def test_the_projection_page_lists_who_retires_in_the_window(client, kantor):
    client.force_login(kantor.admin_opd)
    page = client.get(reverse("pension:daftar"), {"bulan": 15}).content.decode()
    assert "Bambang Guru" in page and "Siti Aminah" in page and "Buka berkas" in page
    assert "Tanpa Jabatan" in page  # listed among those without a TMT
    page = client.get(reverse("pension:daftar"), {"bulan": 3}).content.decode()
    assert "Siti Aminah" not in page


def test_the_projection_page_refuses_a_bad_window_and_shows_the_default(client, kantor):
    client.force_login(kantor.admin_bkd)
    page = client.get(reverse("pension:daftar"), {"bulan": "999"}).content.decode()
    assert "Paling banyak 60 bulan." in page and "dalam 15 bulan" in page


def test_the_admin_opd_of_another_opd_sees_nobody_of_this_one(client, kantor):
    client.force_login(kantor.admin_opd_lain)
    assert "Siti Aminah" not in client.get(reverse("pension:daftar")).content.decode()


def test_the_yearly_projection_has_its_chart_data(client, kantor):
    client.force_login(kantor.admin_bkd)
    response = client.get(reverse("pension:proyeksi"))
    assert response.status_code == 200
    assert b'id="pensiun-data"' in response.content and b"pension.js" in response.content


def test_the_calculator_gives_the_tmt_for_a_position(client, kantor):
    client.force_login(kantor.akun_pegawai)
    page = client.get(
        reverse("pension:kalkulator"), {"tanggal_lahir": "1968-02-29", "kategori": "jf_ahli_utama"}
    ).content.decode()
    assert "1 Maret 2033" in page and "65 tahun" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tanggal_lahir": "", "bup": "58"}, "Tanggal lahir wajib diisi."),
        ({"tanggal_lahir": "2099-01-01", "bup": "58"}, "Tanggal lahir tidak boleh di masa depan"),
        ({"tanggal_lahir": "1970-01-01"}, "Pilih jabatan atau isi BUP."),
        ({"tanggal_lahir": "1970-01-01", "bup": "80"}, "BUP paling tinggi 70 tahun."),
    ],
)
def test_the_calculator_refuses_bad_input(client, kantor, params, message):
    client.force_login(kantor.akun_pegawai)
    assert message in client.get(reverse("pension:kalkulator"), params).content.decode()


def test_opening_a_file_from_the_page_and_a_second_time(client, kantor, dukcapil_standin):
    client.force_login(kantor.admin_opd)
    data = {"nip": kantor.pegawai.nip, "jenis": "bup"}
    response = client.post(reverse("pension:buka"), data)
    berkas = BerkasPensiun.objects.get()
    assert response.url == berkas.get_absolute_url()
    assert berkas.cek_kependudukan == "manual"  # the stand-in holds nobody: NIK not found
    page = client.post(reverse("pension:buka"), data).content.decode()
    assert "sudah mempunyai berkas pensiun" in page and BerkasPensiun.objects.count() == 1


def test_opening_a_file_for_someone_of_another_opd_says_not_found(client, kantor):
    other = make_pegawai(kantor.opd_lain, nama="Orang Dinkes", tanggal_lahir=date(1968, 1, 1))
    client.force_login(kantor.admin_opd)
    page = client.post(reverse("pension:buka"), {"nip": other.nip, "jenis": "bup"}).content.decode()
    assert "tidak ditemukan di OPD Anda" in page and not BerkasPensiun.objects.exists()


def test_the_detail_page_uploads_and_shows_the_checklist(client, kantor, berkas):
    client.force_login(kantor.admin_opd)
    item = berkas.lampiran.get(jenis_dokumen__kode="kk")
    url = reverse("pension:lampiran", args=[berkas.pk, item.pk])
    client.post(url, {"aksi": "unggah", "berkas": upload("kk.pdf", pdf_bytes())})
    item.refresh_from_db()
    assert item.status == L.MENUNGGU
    page = client.get(berkas.get_absolute_url()).content.decode()
    assert "Kartu Keluarga" in page and "Menunggu verifikasi" in page


def test_an_upload_of_the_wrong_kind_is_refused_with_a_message(client, kantor, berkas):
    client.force_login(kantor.admin_opd)
    item = berkas.lampiran.get(jenis_dokumen__kode="kk")
    url = reverse("pension:lampiran", args=[berkas.pk, item.pk])
    response = client.post(
        url, {"aksi": "unggah", "berkas": upload("kk.pdf", b"MZ\x90\x00 not a pdf")}, follow=True
    )
    assert "Kartu Keluarga menerima" in response.content.decode()
    item.refresh_from_db()
    assert item.status == L.KOSONG


def test_the_pegawai_follows_the_progress_and_confirms_the_dpcp(client, kantor, berkas):
    client.force_login(kantor.akun_pegawai)
    page = client.get(reverse("pension:saya")).content.decode()
    assert "Berkas pensiun dibuka" in page and "DPCP sudah saya periksa dan benar" in page
    assert "1 Mei 2027" in page
    client.post(
        reverse("pension:aksi", args=[berkas.pk]),
        {"aksi": "konfirmasi_dpcp", "version": berkas.version},
    )
    berkas.refresh_from_db()
    assert berkas.state == "dpcp_dikonfirmasi"
    assert client.get(berkas.get_absolute_url()).url == reverse("pension:saya")


def test_the_dpcp_pdf_is_rendered_for_the_pegawai(client, kantor, berkas):
    client.force_login(kantor.akun_pegawai)
    response = client.get(reverse("pension:dpcp", args=[berkas.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_a_stale_form_changes_nothing(client, kantor, berkas):
    client.force_login(kantor.akun_pegawai)
    response = client.post(
        reverse("pension:aksi", args=[berkas.pk]),
        {"aksi": "konfirmasi_dpcp", "version": berkas.version + 1},
        follow=True,
    )
    assert "sudah diubah orang lain" in response.content.decode()
    berkas.refresh_from_db()
    assert berkas.state == "dibuka"


def test_the_api_shows_the_pegawai_their_pension(client, kantor, berkas):
    client.force_login(kantor.akun_pegawai)
    data = client.get("/api/v1/me/pension").json()
    assert data["tmt_pensiun"] == "2027-05-01" and data["bup"] == 58
    steps = data["berkas"][0]["langkah"]
    assert steps[0]["label"] == "Berkas pensiun dibuka" and steps[0]["selesai"]
    assert not steps[1]["selesai"] and data["berkas"][0]["berikutnya"].startswith("Pegawai")


def test_the_bup_page_records_an_override_with_its_basis(client, kantor):
    client.force_login(kantor.admin_bkd)
    url = reverse("pension:bup", args=[kantor.pegawai.nip])
    page = client.post(url, {"bup": "60", "dasar_hukum": ""}).content.decode()
    assert "Bidang ini tidak boleh kosong." in page and not hasattr(kantor.pegawai, "bup_khusus")
    client.post(url, {"bup": "60", "dasar_hukum": "Surat BKN nomor K.26-30/V.7-3/99"})
    kantor.pegawai.refresh_from_db()
    assert kantor.pegawai.bup_khusus.bup == 60


def test_home_cards_for_the_admin_opd_and_the_pegawai(client, kantor, berkas):
    client.force_login(kantor.admin_opd)
    page = client.get("/").content.decode()
    assert "berkas pensiun menunggu tindakan Anda" in page
    client.force_login(kantor.akun_pegawai)
    assert "Pegawai memeriksa dan mengonfirmasi DPCP" in client.get("/").content.decode()


def test_inbox_sources(kantor, berkas):
    from sikap.core import inbox
    from sikap.core.inbox import Filters

    sources = {s.kind: s for s in inbox.sources()}
    assert sources["pension.lengkapi"].count(kantor.admin_opd, Filters()) == 1
    assert sources["pension.dpcp"].count(kantor.akun_pegawai, Filters()) == 1
    assert sources["pension.verifikasi"].count(kantor.verifikator, Filters()) == 0
