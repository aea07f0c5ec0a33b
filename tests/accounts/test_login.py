from django.test import Client

from sikap.rules.nip import format_nip

PASSWORD = "rahasia-sikap-123"


def login(username, password=PASSWORD):
    client = Client()
    return client, client.post("/masuk/", {"username": username, "password": password})


def test_anonymous_is_sent_to_the_login_page(world):
    response = Client().get("/pegawai/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=")


def test_pegawai_logs_in_with_nip_typed_in_display_form(world):
    client, response = login(format_nip(world.pegawai.nip))
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.pegawai == world.pegawai


def test_wrong_password_is_refused_in_indonesian(world):
    _, response = login(world.pegawai.nip, "salah")
    assert response.status_code == 200
    assert "kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(world):
    for _ in range(5):
        login(world.pegawai.nip, "salah")
    _, response = login(world.pegawai.nip)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_passwords_are_hashed_with_argon2(db, settings):
    from sikap import settings as sikap_settings
    from tests.factories import make_user

    settings.PASSWORD_HASHERS = sikap_settings.PASSWORD_HASHERS
    assert make_user("staf.baru").password.startswith("argon2")
