"""A KP proposal on a phone, as the issue checks it: the admin OPD proposes from the list and
submits; the verifier returns a document; the admin OPD sees the reason and fixes it."""

import pytest

from sikap.promotion.models import UsulanKp
from tests.browser import log_in
from tests.promotion.conftest import pdf_bytes

PASSWORD = "rahasia-sikap-123"


@pytest.mark.django_db(transaction=True)
def test_propose_return_a_document_and_fix_it_on_a_phone(live_server, phone, kp, tmp_path):
    log_in(phone, live_server, "admin.pendidikan", PASSWORD)
    phone.goto(f"{live_server.url}/kp/periode/{kp.periode.pk}/")
    assert "Budi Santoso" in phone.content()
    phone.click("text=Usulkan")
    assert "lengkapi dokumennya lalu ajukan" in phone.content()
    berkas = tmp_path / "berkas.pdf"
    missing = UsulanKp.objects.get().berkas.filter(dokumen__isnull=True)
    for i, pk in enumerate(missing.values_list("pk", flat=True)):
        berkas.write_bytes(pdf_bytes(i + 1))
        phone.set_input_files(f"#berkas-{pk}", str(berkas))
        phone.locator(f"form:has(#berkas-{pk}) button").click()
        assert "diunggah dan dilampirkan" in phone.content()
    phone.click("text=Ajukan ke BKD")
    assert "Diajukan ke BKD" in phone.content()
    phone.context.clear_cookies()
    log_in(phone, live_server, "verifikator", PASSWORD)
    phone.goto(f"{live_server.url}{UsulanKp.objects.get().get_absolute_url()}")
    first, *rest = UsulanKp.objects.get().berkas.filter(aktif=True).values_list("pk", flat=True)
    phone.fill(f"#alasan-{first}", "Buram")
    phone.locator(f"form:has(#alasan-{first}) button[value=btl]").click()
    for pk in rest:
        phone.locator(f"form:has(#alasan-{pk}) button[value=diterima]").click()
    phone.click("text=Kembalikan ke admin OPD")
    assert "Dikembalikan (BTL)" in phone.content()
    phone.context.clear_cookies()
    log_in(phone, live_server, "admin.pendidikan", PASSWORD)
    phone.goto(f"{live_server.url}{UsulanKp.objects.get().get_absolute_url()}")
    assert "Alasan BTL: Buram" in phone.content()
    berkas.write_bytes(pdf_bytes(9))
    phone.locator("input[type=file]").first.set_input_files(str(berkas))
    phone.locator("button:has-text('Unggah')").first.click()
    phone.click("text=Ajukan ulang")
    assert UsulanKp.objects.get().state == UsulanKp.Status.DIAJUKAN
