"""The KGB round on a phone, as the issue checks it: the verifikator verifies a batch, the head
of BKD signs it, the pegawai finds the letter under "Surat KGB saya"."""

from datetime import date

import pytest

from sikap.accounts.system import system_actor
from sikap.salary import services
from sikap.salary.models import Kgb
from tests.browser import log_in

PASSWORD = "rahasia-sikap-123"


@pytest.mark.django_db(transaction=True)
def test_verify_a_batch_sign_it_and_the_pegawai_downloads_it_on_a_phone(live_server, phone, kantor):
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    log_in(phone, live_server, "verif", PASSWORD)
    phone.goto(live_server.url + "/kgb/?bulan=2027-03")
    phone.check("input[name=kgb]")
    phone.click("text=Verifikasi yang dipilih")
    assert "1 surat KGB diverifikasi." in phone.content()
    phone.context.clear_cookies()
    log_in(phone, live_server, "kepala", PASSWORD)
    phone.goto(live_server.url + "/kgb/?bulan=2027-03")
    phone.check("input[name=kgb]")
    phone.click("text=Tandatangani dan terbitkan yang dipilih")
    assert "1 surat KGB ditandatangani dan diterbitkan." in phone.content()
    nomor = Kgb.objects.select_related("dokumen").get().dokumen.nomor
    phone.context.clear_cookies()
    log_in(phone, live_server, kantor.akun_pegawai.username, PASSWORD)
    phone.goto(live_server.url + "/kgb/saya/")
    assert nomor in phone.content()
    with phone.expect_download() as download:
        phone.click("text=Unduh PDF")
    assert download.value.suggested_filename.endswith(".pdf")
