"""The phone page in a real browser with a granted geolocation: outside the radius it is
refused with the distance, inside it is accepted and the day's state changes; where the OPD
requires a selfie, the photo from the camera input goes with the check-in."""

import pytest
from playwright.sync_api import expect

from sikap.attendance.models import PengaturanPresensi, Presensi, SwafotoOpd
from tests.attendance.conftest import SELASA
from tests.browser import log_in
from tests.documents.conftest import image_bytes


@pytest.mark.django_db(transaction=True)
def test_a_pegawai_checks_in_from_the_phone_page_outside_then_inside_the_radius(
    live_server, phone, world, kantor, clock
):
    phone.clock.set_fixed_time(SELASA)  # the phone's clock agrees with the server's
    phone.context.grant_permissions(["geolocation"], origin=live_server.url)
    phone.context.set_geolocation({"latitude": -6.19784, "longitude": 106.8, "accuracy": 10})
    log_in(phone, live_server, world.users["pegawai"].username, "rahasia-sikap-123")
    phone.goto(live_server.url + "/presensi/")
    assert phone.locator("#keadaan").inner_text() == "Belum masuk"
    expect(phone.locator("#jarak")).to_contain_text("luar")
    assert "240 m dari Kantor Dinas Pendidikan" in phone.locator("#jarak").inner_text()

    phone.click("#tombol")
    phone.wait_for_selector("#pesan.alert-danger")
    assert phone.locator("#pesan").inner_text() == (
        "Di luar radius: 240 m dari Kantor Dinas Pendidikan (radius 100 m)."
    )

    phone.context.set_geolocation({"latitude": -6.2003, "longitude": 106.8, "accuracy": 10})
    expect(phone.locator("#jarak")).to_contain_text("dalam")
    phone.click("#tombol")
    phone.wait_for_selector("#pesan.alert-success")
    assert phone.locator("#pesan").inner_text() == "Presensi masuk diterima pukul 07.41."
    expect(phone.locator("#keadaan")).to_have_text("Sudah masuk 07.41")
    assert phone.locator("#tombol").inner_text() == "Presensi Pulang"
    assert list(Presensi.objects.values_list("alasan", "via").order_by("pk")) == [
        ("luar_radius", "web"),
        ("diterima", "web"),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_staff_account_is_told_presensi_is_for_pegawai(live_server, phone, world):
    log_in(phone, live_server, world.users["verifikator"].username, "rahasia-sikap-123")
    response = phone.goto(live_server.url + "/presensi/")
    assert response.status == 403
    assert "terhubung dengan data pegawai" in phone.content()


@pytest.mark.django_db(transaction=True)
def test_where_the_opd_requires_a_selfie_the_phone_page_sends_one_from_the_camera_input(
    live_server, phone, world, kantor, clock
):
    SwafotoOpd.objects.create(opd=world.opd_a)
    phone.clock.set_fixed_time(SELASA)
    phone.context.grant_permissions(["geolocation"], origin=live_server.url)
    phone.context.set_geolocation({"latitude": -6.2003, "longitude": 106.8, "accuracy": 10})
    log_in(phone, live_server, world.users["pegawai"].username, "rahasia-sikap-123")
    phone.goto(live_server.url + "/presensi/")
    expect(phone.locator("#swafoto-catatan")).to_contain_text("tidak ada pencocokan wajah")
    expect(phone.locator("#jarak")).to_contain_text("dalam")

    phone.click("#tombol")
    phone.wait_for_selector("#pesan.alert-danger")
    expect(phone.locator("#pesan")).to_contain_text("Swafoto wajib di OPD Anda")

    phone.set_input_files(
        "#swafoto",
        files=[{"name": "wajah.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}],
    )
    phone.click("#tombol")
    phone.wait_for_selector("#pesan.alert-success")
    expect(phone.locator("#keadaan")).to_have_text("Sudah masuk 07.41")
    refused, accepted = Presensi.objects.order_by("pk")
    assert refused.alasan == "swafoto_wajib" and not refused.swafoto
    # The page made the photo small on the phone: a JPEG re-drawn from the chosen file.
    assert accepted.alasan == "diterima" and accepted.swafoto_format == "jpeg"


@pytest.mark.django_db(transaction=True)
def test_the_phone_page_says_the_gps_is_too_coarse_before_the_button_is_pressed(
    live_server, phone, world, kantor, clock
):
    """At the office with a 180 m fix the page must not show a green "di dalam radius": the
    server refuses anything coarser than the configured maximum (here 150 m) and says so."""
    setting = PengaturanPresensi.current()
    setting.akurasi_maks_m = 150
    setting.save()
    phone.clock.set_fixed_time(SELASA)
    phone.context.grant_permissions(["geolocation"], origin=live_server.url)
    phone.context.set_geolocation({"latitude": -6.2, "longitude": 106.8, "accuracy": 180})
    log_in(phone, live_server, world.users["pegawai"].username, "rahasia-sikap-123")
    phone.goto(live_server.url + "/presensi/")
    expect(phone.locator("#jarak")).to_have_text("Akurasi GPS 180 m terlalu rendah (maks. 150 m)")
    assert phone.locator("#jarak.text-danger").count() == 1
    assert Presensi.objects.count() == 0

    phone.click("#tombol")
    phone.wait_for_selector("#pesan.alert-danger")
    assert list(Presensi.objects.values_list("alasan", flat=True)) == ["akurasi_rendah"]

    phone.context.set_geolocation({"latitude": -6.2, "longitude": 106.8, "accuracy": 10})
    expect(phone.locator("#jarak")).to_have_text(
        "0 m dari Kantor Dinas Pendidikan (di dalam radius)"
    )
    assert phone.locator("#jarak.text-success").count() == 1
