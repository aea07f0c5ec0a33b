"""The log-in page in a real browser on a phone: the base of every browser test."""

import pytest

from tests.browser import log_in


@pytest.mark.django_db(transaction=True)
def test_a_pegawai_logs_in_on_a_phone_and_reaches_the_home_page(live_server, phone, world):
    log_in(phone, live_server, world.users["pegawai"].username, "rahasia-sikap-123")
    assert phone.url == live_server.url + "/"
    assert "Budi Santoso" in phone.content()


@pytest.mark.django_db(transaction=True)
def test_a_wrong_password_keeps_the_user_on_the_log_in_page(live_server, phone, world):
    log_in(phone, live_server, world.users["pegawai"].username, "salah-sekali")
    assert phone.url.startswith(live_server.url + "/masuk/")
    assert phone.locator(".alert").count() == 1
