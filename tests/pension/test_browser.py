"""The pension round on a phone, as the issue checks it: the pegawai follows their file's
progress and confirms the DPCP; the admin OPD uploads a missing document on the file's page."""

import pytest

from sikap.pension import services
from sikap.pension.models import JenisPensiun
from tests.browser import log_in
from tests.pension.conftest import pdf_bytes

PASSWORD = "rahasia-sikap-123"


@pytest.mark.django_db(transaction=True)
def test_the_pegawai_follows_the_file_on_a_phone(live_server, phone, kantor, tmp_path):
    berkas = services.open_file(
        kantor.pegawai, JenisPensiun.BUP, actor=kantor.admin_opd, check_registry=False
    )
    log_in(phone, live_server, kantor.akun_pegawai.username, PASSWORD)
    phone.goto(live_server.url + "/pensiun/saya/")
    assert "1 Mei 2027" in phone.content()
    phone.screenshot(path=str(tmp_path / "saya.png"), full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone
    phone.click("text=DPCP sudah saya periksa dan benar")
    assert "DPCP dikonfirmasi." in phone.content()
    berkas.refresh_from_db()
    assert berkas.state == "dpcp_dikonfirmasi"
    phone.context.clear_cookies()
    log_in(phone, live_server, "adminopd", PASSWORD)
    phone.goto(live_server.url + berkas.get_absolute_url())
    pdf = tmp_path / "kk.pdf"
    pdf.write_bytes(pdf_bytes())
    item = berkas.lampiran.get(jenis_dokumen__kode="kk")
    phone.set_input_files(f"#lampiran-{item.pk} input[type=file]", str(pdf))
    phone.click(f"#lampiran-{item.pk} >> text=Unggah")
    assert "Kartu Keluarga diunggah dan dilampirkan." in phone.content()
    phone.screenshot(path="/tmp/pension_detail.png", full_page=False)
    phone.goto(live_server.url + "/pensiun/saya/")  # staff without a pegawai record
    import shutil

    shutil.copy(tmp_path / "saya.png", "/tmp/pension_saya.png")


@pytest.mark.django_db(transaction=True)
def test_the_pension_pages_have_no_serious_accessibility_violation(live_server, phone, kantor):
    from tests import axe

    berkas = services.open_file(
        kantor.pegawai, JenisPensiun.BUP, actor=kantor.admin_opd, check_registry=False
    )
    problems = []
    log_in(phone, live_server, kantor.akun_pegawai.username, PASSWORD)
    for url in ("/pensiun/saya/", "/pensiun/hitung/?tanggal_lahir=1969-04-07&bup=58"):
        phone.goto(live_server.url + url)
        problems += axe.describe(axe.violations(phone), f"pegawai {url}")
    phone.context.clear_cookies()
    log_in(phone, live_server, "adminopd", PASSWORD)
    for url in ("/pensiun/", "/pensiun/proyeksi/", berkas.get_absolute_url(), "/pensiun/berkas/"):
        phone.goto(live_server.url + url)
        problems += axe.describe(axe.violations(phone), f"admin_opd {url}")
    assert not problems, "\n".join(problems)
