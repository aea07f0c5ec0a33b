"""The password policy, the change page, the forced change after an admin-set password, and the
reset link by e-mail."""

import re

import pytest
from django.contrib.auth import password_validation
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from sikap.accounts import services
from sikap.accounts.models import Peran, User
from sikap.accounts.system import system_actor
from sikap.core import kinds
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from tests.accounts.test_login import PASSWORD

NEW = "Lembayung-Senja-42"


def refusal(password, user):
    with pytest.raises(ValidationError) as caught:
        password_validation.validate_password(password, user)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Pendek-1", "terlalu pendek"),
        ("password123", "terlalu umum"),
        ("83749201938475", "seluruhnya terdiri dari angka"),
    ],
)
def test_the_policy_refuses_weak_passwords_in_indonesian(world, password, message):
    assert message in refusal(password, world.users["pegawai"])


def test_the_policy_refuses_a_password_carrying_the_nip_or_birth_date(world):
    user = world.users["pegawai"]
    assert "tidak boleh memuat NIP" in refusal(f"Kopi{user.username}!", user)
    lahir = world.pegawai.tanggal_lahir.strftime("%d%m%Y")
    assert "tanggal lahir" in refusal(f"Rahasia-{lahir}-x", user)


def test_the_policy_accepts_a_long_unrelated_passphrase(world):
    password_validation.validate_password(NEW, world.users["pegawai"])


def test_a_pegawai_changes_their_password_and_the_trail_says_so(world):
    client = world.client("pegawai")
    response = client.post(
        "/akun/kata-sandi/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    # Still logged in after the change (the session hash follows the new password).
    assert client.get("/akun/kata-sandi/").status_code == 200
    user = User.objects.get(pk=world.users["pegawai"].pk)
    assert user.check_password(NEW)
    entry = AuditEntry.objects.get(kind=kinds.PASSWORD_CHANGED)
    assert entry.actor == user and entry.changes == {}


def test_a_wrong_old_password_is_refused_and_changes_nothing(world):
    response = world.client("pegawai").post(
        "/akun/kata-sandi/", {"old_password": "salah", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in response.content.decode()
    assert User.objects.get(pk=world.users["pegawai"].pk).check_password(PASSWORD)
    assert not AuditEntry.objects.filter(kind=kinds.PASSWORD_CHANGED).exists()


def test_a_weak_new_password_is_refused_with_the_reason(world):
    response = world.client("pegawai").post(
        "/akun/kata-sandi/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert "terlalu pendek" in response.content.decode()
    assert User.objects.get(pk=world.users["pegawai"].pk).check_password(PASSWORD)


def test_an_account_created_at_kelola_must_change_its_initial_password(world):
    admin = world.client("admin_bkd")
    response = admin.post(
        "/kelola/accounts/user/add/",
        {
            "username": "staf.baru",
            "password1": "Awal-Sikap-2024!",
            "password2": "Awal-Sikap-2024!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="staf.baru")
    assert user.wajib_ganti_sandi

    client = Client()
    client.post("/masuk/", {"username": "staf.baru", "password": "Awal-Sikap-2024!"})
    response = client.get("/pegawai/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/kata-sandi/?next=")
    page = client.get(response["Location"]).content.decode()
    assert "Sandi lama" not in page  # the initial password is not asked again
    response = client.post(
        "/akun/kata-sandi/", {"new_password1": NEW, "new_password2": NEW, "next": "/pegawai/"}
    )
    assert response["Location"] == "/pegawai/"
    assert client.get("/pegawai/").status_code == 200
    assert not User.objects.get(pk=user.pk).wajib_ganti_sandi


def test_a_password_an_admin_sets_is_changed_by_its_owner_at_the_next_log_in(world):
    user = world.users["verifikator"]
    services.record_password_change(user, actor=world.users["admin_bkd"])
    assert User.objects.get(pk=user.pk).wajib_ganti_sandi


def test_the_api_issues_no_token_while_the_initial_password_awaits_its_change(world):
    User.objects.filter(pk=world.users["pegawai"].pk).update(wajib_ganti_sandi=True)
    response = Client().post(
        "/api/v1/auth/token",
        {"nip": world.pegawai.nip, "password": PASSWORD, "perangkat": "Ponsel"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_a_session_awaiting_the_change_gets_a_json_refusal_from_the_api(world):
    User.objects.filter(pk=world.users["pegawai"].pk).update(wajib_ganti_sandi=True)
    response = world.client("pegawai").get("/api/v1/auth/tokens")
    assert response.status_code == 403
    assert response.json()["message"].startswith("Ganti kata sandi awal")


def test_a_forgotten_password_is_reset_through_the_link_sent_by_e_mail(world):
    user = world.users["pegawai"]
    User.objects.filter(pk=user.pk).update(email="budi@example.org")
    response = Client().post("/akun/lupa-sandi/", {"email": "Budi@Example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Ada permintaan membuat kata sandi baru" in body
    link = re.search(r"https?://[^/]+(/akun/atur-ulang/\S+)", body).group(1)

    client = Client()
    form_url = client.get(link)["Location"]  # Django hides the token behind a redirect
    response = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == "/akun/atur-ulang/selesai/"
    assert User.objects.get(pk=user.pk).check_password(NEW)
    assert AuditEntry.objects.filter(kind=kinds.PASSWORD_RESET, actor=user).exists()
    # The link works once.
    assert "tidak berlaku lagi" in Client().get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(world):
    response = Client().post("/akun/lupa-sandi/", {"email": "siapa@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/akun/lupa-sandi/terkirim/"
    assert mail.outbox == []


def test_the_system_actor_has_no_password_to_change(db):
    with pytest.raises(SikapError):
        services.change_own_password(system_actor(), NEW)


@pytest.mark.django_db
def test_the_demo_accounts_log_in_without_a_forced_change(capsys):
    from django.core.management import call_command

    from sikap.demo.loader import DEMO_PASSWORD

    call_command("demo", "--scale", "0.02")
    assert "Akun demo" in capsys.readouterr().out
    assert not User.objects.filter(wajib_ganti_sandi=True).exists()
    admin = User.objects.filter(peran=Peran.ADMIN_BKD).first()
    client = Client()
    client.post("/masuk/", {"username": admin.username, "password": DEMO_PASSWORD})
    assert client.get("/pegawai/").status_code == 200


def test_reset_mails_to_one_address_are_limited_per_hour(world, settings):
    from django.core.cache import cache

    cache.clear()
    settings.SIKAP_PASSWORD_RESET_MAILS_PER_HOUR = 2
    User.objects.filter(pk=world.users["pegawai"].pk).update(email="budi@example.org")
    for _ in range(4):
        response = Client().post("/akun/lupa-sandi/", {"email": "budi@example.org"})
        assert response["Location"] == "/akun/lupa-sandi/terkirim/"
    assert len(mail.outbox) == 2
    cache.clear()  # the count lives in the process's cache: none left for other tests
