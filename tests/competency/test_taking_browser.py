"""Taking a test on a phone in a real browser: answers saved as chosen, the connection lost
mid-way (answers kept on the device and sent when it returns, also across a reload), resumed
at the same item, and finished."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sikap.competency.models import Jawaban, Percobaan, Ujian, UjianKompetensi
from tests.browser import log_in

PASSWORD = "rahasia-sikap-123"


def _visible(phone):
    return phone.locator("section.butir:not([hidden])")


def _answer(phone, index: int) -> None:
    _visible(phone).locator("label.opsi").nth(index).click()


@pytest.mark.django_db(transaction=True)
def test_a_pegawai_takes_a_test_loses_the_connection_resumes_and_finishes(
    live_server, phone, world, bank_soal, kompetensi
):
    now = timezone.now()
    ujian = Ujian.objects.create(
        nama="Uji Kompetensi Manajerial", durasi_menit=30, dibuka=now - timedelta(hours=1),
        ditutup=now + timedelta(days=1), terbit=True,
    )  # fmt: skip
    for k in kompetensi:
        UjianKompetensi.objects.create(ujian=ujian, kompetensi=k, jumlah_soal=5)
    log_in(phone, live_server, world.users["pegawai"].username, PASSWORD)
    phone.goto(live_server.url + "/kompetensi/")
    phone.get_by_role("button", name="Mulai ujian").click()
    expect(phone.locator("#nomor")).to_have_text("Soal 1 dari 10")
    expect(phone.locator("#waktu")).to_contain_text("Sisa 29:")
    percobaan = Percobaan.objects.get()

    _answer(phone, 0)
    expect(phone.locator("#sambungan")).to_have_text("Tersimpan · terjawab 1 dari 10")
    _visible(phone).get_by_role("link", name="Berikutnya ›").click()
    expect(phone.locator("#nomor")).to_have_text("Soal 2 dari 10")

    phone.context.set_offline(True)
    _answer(phone, 1)
    _visible(phone).get_by_role("link", name="Berikutnya ›").click()
    expect(phone.locator("#nomor")).to_have_text("Soal 3 dari 10")
    _answer(phone, 2)
    expect(phone.locator("#sambungan")).to_contain_text("2 jawaban belum terkirim")
    assert Jawaban.objects.count() == 1

    # Back online, but the API still unreachable while the page is reopened: the choices
    # made offline wait on the device and show, and the page resumes at the same item.
    phone.route("**/api/v1/kompetensi/**", lambda route: route.abort())
    phone.context.set_offline(False)
    phone.reload()
    expect(phone.locator("#nomor")).to_have_text("Soal 3 dari 10")
    expect(_visible(phone).locator("input[name=opsi]").nth(2)).to_be_checked()
    expect(phone.locator("#sambungan")).to_contain_text("2 jawaban belum terkirim")
    expect(phone.locator("#waktu")).to_contain_text("Sisa 2")

    phone.unroute("**/api/v1/kompetensi/**")
    expect(phone.locator("#sambungan")).to_have_text(
        "Tersimpan · terjawab 3 dari 10", timeout=15_000
    )
    saved = dict(Jawaban.objects.values_list("butir__urutan", "opsi_id"))
    butir = {b.urutan: b.urutan_opsi for b in percobaan.butir.all()}
    assert saved == {0: butir[0][0], 1: butir[1][1], 2: butir[2][2]}
    percobaan.refresh_from_db()
    assert percobaan.posisi == 2

    # Reopening in a fresh page resumes at the same item with the server's time.
    phone.goto(live_server.url + "/kompetensi/")
    phone.get_by_role("link", name="Lanjutkan ujian").click()
    expect(phone.locator("#nomor")).to_have_text("Soal 3 dari 10")

    phone.locator("#serah summary").click()
    phone.get_by_role("button", name="Ya, serahkan sekarang").click()
    expect(phone.locator("#serah-catatan")).to_contain_text("7 soal belum dijawab")
    phone.get_by_role("button", name="Ya, serahkan sekarang").click()
    expect(phone.get_by_role("status")).to_contain_text("Jawaban diserahkan")
    assert "Terjawab 3 dari 10 soal" in phone.content()
    percobaan.refresh_from_db()
    assert percobaan.status == Percobaan.Status.DISERAHKAN
    assert Jawaban.objects.count() == 3
