"""The monitoring map in a real browser, under the CSP and without tiles: Leaflet draws the
office's geofence and each accepted check-in of the day, on a phone and on a desktop, and the
page raises no script error. SIKAP_PETA_SCREENSHOTS=<dir> keeps the screenshots to look at."""

import os
from pathlib import Path

import pytest

from tests.attendance.test_monitoring import placed
from tests.browser import log_in


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_map_draws_the_geofence_and_the_check_ins_without_tiles(
    live_server, request, world, kantor, clock, size
):
    page = request.getfixturevalue(size)
    placed(world.pegawai, "masuk", 7, 41)
    placed(world.pegawai_lain, "masuk", 7, 20, lat=-6.1996, lon=106.7995)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(page, live_server, world.users["admin_opd"].username, "rahasia-sikap-123")
    page.goto(live_server.url + "/presensi/pantau/")
    page.wait_for_selector("#peta path.leaflet-interactive")
    # One circle for the office, one dot per check-in; no tile image was asked for.
    assert page.locator("#peta path.leaflet-interactive").count() == 3
    assert page.locator("#peta img.leaflet-tile").count() == 0
    box = page.locator("#peta").bounding_box()
    assert box["width"] <= page.viewport_size["width"] and box["height"] >= 300
    assert errors == []
    if folder := os.environ.get("SIKAP_PETA_SCREENSHOTS"):
        page.screenshot(path=str(Path(folder) / f"pantau-{size}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_the_monitoring_table_fits_a_phone_without_hiding_the_times(
    live_server, phone, world, kantor, clock
):
    """At 390 px the NIP moves under the name: every column, the check-in times included,
    shows without scrolling the table sideways."""
    placed(world.pegawai, "masuk", 7, 41)
    log_in(phone, live_server, world.users["admin_opd"].username, "rahasia-sikap-123")
    phone.goto(live_server.url + "/presensi/pantau/")
    box = phone.locator("#tabel-pantau")
    assert box.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    row = phone.locator("#tabel-pantau tr", has_text=world.pegawai.nama)
    assert row.locator("td:visible").count() == 4
    assert row.locator("td:visible").nth(2).inner_text() == "07.41"
