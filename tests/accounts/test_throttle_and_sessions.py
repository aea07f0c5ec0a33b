"""Password spraying is throttled per address across user names; sessions last as configured,
shorter for admin roles, and end with the browser."""

from django.test import Client

from sikap.accounts.sessions import SessionStore
from tests.accounts.test_login import PASSWORD


def attempt(username, password, address="10.1.2.3"):
    client = Client(REMOTE_ADDR=address)
    return client, client.post("/masuk/", {"username": username, "password": password})


def test_one_guess_across_many_user_names_locks_the_address(world, settings):
    settings.SIKAP_LOGIN_ADDRESS_FAILURE_LIMIT = 4
    for n in range(4):
        attempt(f"19800101200501100{n}", "Musim-Hujan-2024")
    # The right password of a real account, from the same address: refused for now.
    _, response = attempt(world.pegawai.nip, PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()
    # Another address is not affected.
    assert attempt(world.pegawai.nip, PASSWORD, address="10.9.9.9")[1].status_code == 302


def test_fewer_failures_than_the_address_limit_do_not_lock_it(world, settings):
    settings.SIKAP_LOGIN_ADDRESS_FAILURE_LIMIT = 4
    for n in range(3):
        attempt(f"19800101200501100{n}", "Musim-Hujan-2024")
    assert attempt(world.pegawai.nip, PASSWORD)[1].status_code == 302


def session_of(client):
    return SessionStore(session_key=client.cookies["sessionid"].value)


def test_admin_roles_get_the_shorter_session(world, settings):
    settings.SESSION_COOKIE_AGE = 8 * 3600
    settings.SIKAP_SESSION_ADMIN_AGE = 2 * 3600
    admin, _ = attempt("admin.bkd", PASSWORD)
    pegawai, _ = attempt(world.pegawai.nip, PASSWORD, address="10.1.2.4")
    assert session_of(admin).get_expiry_age() == 2 * 3600
    assert session_of(pegawai).get_expiry_age() == 8 * 3600


def test_the_session_cookie_ends_with_the_browser_by_default(world):
    client, _ = attempt(world.pegawai.nip, PASSWORD)
    cookie = client.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_a_persistent_cookie_lives_as_long_as_the_role_allows(world, settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = False
    settings.SIKAP_SESSION_ADMIN_AGE = 3600
    client, _ = attempt("admin.pendidikan", PASSWORD)
    assert int(client.cookies["sessionid"]["max-age"]) == 3600
