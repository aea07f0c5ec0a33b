"""The home page and the inbox in a real browser on a phone."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from sikap.documents.services import verify_dokumen
from tests.browser import log_in
from tests.home.conftest import uploaded

PASSWORD = "rahasia-sikap-123"


def shot(page, name: str) -> None:
    """With SIKAP_SCREENSHOTS=<folder>, keep what the phone showed, for looking at the UI."""
    folder = os.environ.get("SIKAP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_a_pegawai_sees_the_rejected_document_first_and_follows_the_link(live_server, phone, world):
    dokumen = uploaded(world)
    verify_dokumen(dokumen, actor=world.users["verifikator"], approve=False, reason="Foto buram")
    log_in(phone, live_server, world.users["pegawai"].username, PASSWORD)
    shot(phone, "beranda-pegawai")
    first_card = phone.locator(".home-card").first
    assert "KTP Anda ditolak: Foto buram." in first_card.inner_text()
    # The unread count is in view with the menu collapsed.
    assert phone.locator(".nav-count .badge").first.is_visible()
    first_card.get_by_role("link", name="Unggah ulang").click()
    phone.wait_for_load_state()
    arsip = reverse("documents:arsip_pegawai", args=[world.pegawai.nip])
    assert phone.url == f"{live_server.url}{arsip}#jenis-ktp"
    assert phone.locator("#jenis-ktp").is_visible()


@pytest.mark.django_db(transaction=True)
def test_a_verifier_decides_two_items_and_the_next_opens_after_each(live_server, phone, world):
    first = uploaded(world, kode="ktp")
    second = uploaded(world, kode="kk")
    log_in(phone, live_server, world.users["verifikator"].username, PASSWORD)
    phone.goto(live_server.url + reverse("core:kotak_masuk"))
    shot(phone, "kotak-masuk-verifikator")
    # With items waiting, the inbox count sits on the bar's one line, next to the menu button.
    inbox_count = phone.locator(".nav-counts a[href$='/kotak-masuk/'] .badge")
    assert inbox_count.inner_text() == "2"
    bar = [phone.locator(s).bounding_box() for s in (".navbar-brand", ".navbar-toggler")]
    assert abs(bar[0]["y"] + bar[0]["height"] / 2 - bar[1]["y"] - bar[1]["height"] / 2) < 4
    phone.get_by_role("link", name="Mulai dari yang terlama").click()
    phone.wait_for_load_state()
    assert reverse("documents:dokumen_detail", args=[first.pk]) in phone.url
    shot(phone, "dokumen-verifikator")
    phone.get_by_role("button", name="Verifikasi").click()
    phone.wait_for_load_state()
    assert reverse("documents:dokumen_detail", args=[second.pk]) in phone.url
    assert "terverifikasi" in phone.locator(".alert-success").inner_text()
    phone.fill("#alasan", "Kartu keluarga lama")
    phone.get_by_role("button", name="Tolak").click()
    phone.wait_for_load_state()
    assert phone.url.startswith(live_server.url + reverse("core:kotak_masuk"))
    assert "Semua yang menunggu keputusan Anda sudah selesai." in phone.content()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("terverifikasi", "ditolak")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("persona", ["pegawai", "pimpinan"])
def test_the_menu_keeps_to_one_row_at_1280_px(live_server, desktop, world, persona):
    """Related pages share a dropdown (Pantau, Kinerja, Karier, Saya), so that the menu of a
    pegawai, or of a pimpinan who is also a pegawai, does not wrap onto a second row."""
    user = world.users[persona]
    if persona == "pimpinan":
        user.pegawai = world.pegawai_b
        user.save(update_fields=["pegawai"])
    log_in(desktop, live_server, user.username, PASSWORD)
    desktop.goto(live_server.url + reverse("pension:saya"))
    tops = {round(box["y"]) for box in _boxes(desktop, "#nav > .navbar-nav > .nav-item")}
    assert len(tops) == 1
    brand = desktop.locator(".navbar-brand").bounding_box()
    assert desktop.locator("nav.navbar").bounding_box()["height"] < 2 * brand["height"] + 16
    saya = desktop.locator(".menu-grup", has_text="Saya")
    assert saya.locator("[aria-current=page]").inner_text() == "Pensiun Saya"
    saya.get_by_role("button", name="Saya").click()
    saya.get_by_role("link", name="Data Saya").click()
    desktop.wait_for_load_state()
    assert desktop.url.endswith(reverse("people:pegawai_detail", args=[user.pegawai.nip]))


@pytest.mark.django_db(transaction=True)
def test_the_grouped_menu_opens_inside_the_collapsed_menu_on_a_phone(live_server, phone, world):
    log_in(phone, live_server, world.users["pegawai"].username, PASSWORD)
    phone.locator(".navbar-toggler").click()
    phone.get_by_role("button", name="Saya").click()
    link = phone.get_by_role("link", name="Surat KGB Saya")
    box = link.bounding_box()
    assert link.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.click()
    phone.wait_for_load_state()
    assert phone.url.endswith(reverse("salary:saya"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def _boxes(page, selector):
    return [
        page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())
    ]
