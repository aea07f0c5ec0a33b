"""The verifier's round on a phone: find a pegawai, check, read the differences; then the
registry stops and the page asks for the manual check. No serious accessibility violation."""

import pytest

from tests import axe
from tests.browser import log_in
from tests.dukcapil.keluarga import keluarga_budi
from tests.dukcapil.test_services import lengkapi_keluarga

PASSWORD = "rahasia-sikap-123"


@pytest.mark.django_db(transaction=True)
def test_a_verifier_checks_a_pegawai_on_a_phone(live_server, phone, world, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi(NAMA_LGKP="BUDI SANTOSA", TGL_LHR="18-05-1980"))
    budi = lengkapi_keluarga(world.pegawai)
    log_in(phone, live_server, "verifikator", PASSWORD)
    phone.goto(live_server.url + "/kependudukan/")
    phone.fill("input[name=q]", budi.nip)
    phone.click("main button[type=submit]")
    phone.click("text=Cek ke data kependudukan")
    assert "2 perbedaan dengan data kependudukan" in phone.content()
    assert phone.locator(".list-group-item dd", has_text="BUDI SANTOSA").is_visible()
    problems = axe.describe(axe.violations(phone), "hasil cek kependudukan")

    dukcapil_standin.mode("putus")
    phone.click("text=Cek lagi")
    assert "Perlu pemeriksaan manual" in phone.content()
    assert phone.locator("text=Buka pindaian KK/KTP di arsip digital").is_visible()
    problems += axe.describe(axe.violations(phone), "cek manual")
    assert not problems, "\n".join(problems)
