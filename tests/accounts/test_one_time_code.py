"""A forgotten password without e-mail: the admin OPD gives a pegawai of their OPD a one-time
code, audited, that opens the account once and leads to the password change."""

import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from sikap.accounts.models import User
from sikap.core import kinds
from sikap.core.models import AuditEntry
from tests.accounts.test_login import PASSWORD
from tests.accounts.test_passwords import NEW


def issue(world, persona, nip):
    return world.client(persona).post("/akun/kode-masuk/", {"nip": nip})


def code_in(response) -> str:
    return re.search(r'fs-4 font-monospace mb-1">([A-Z0-9]+)<', response.content.decode()).group(1)


def log_in(nip, password):
    client = Client()
    return client, client.post("/masuk/", {"username": nip, "password": password})


def test_the_code_opens_the_account_once_and_leads_to_the_password_change(world):
    nip = world.pegawai.nip
    page = issue(world, "admin_opd", nip)
    code = code_in(page)
    assert re.search(r"sampai \d+ \w+ \d{4} \d\d\.\d\d\.", page.content.decode())
    entry = AuditEntry.objects.get(kind=kinds.ONE_TIME_CODE_ISSUED)
    assert entry.actor == world.users["admin_opd"] and code not in str(entry.changes)
    assert log_in(nip, PASSWORD)[1].status_code == 200  # the old password stops working

    client, response = log_in(nip, code)
    assert response.status_code == 302
    assert client.get("/pegawai/")["Location"].startswith("/akun/kata-sandi/")
    # Used once: a second log-in with the same code is refused, saying why.
    _, again = log_in(nip, code)
    assert "sudah dipakai atau kedaluwarsa" in again.content.decode()

    client.post("/akun/kata-sandi/", {"new_password1": NEW, "new_password2": NEW})
    user = User.objects.get(pk=world.users["pegawai"].pk)
    assert not user.wajib_ganti_sandi and user.kode_berlaku_sampai is None
    assert log_in(nip, NEW)[1].status_code == 302


def test_an_expired_code_is_refused(world):
    code = code_in(issue(world, "admin_opd", world.pegawai.nip))
    User.objects.filter(pk=world.users["pegawai"].pk).update(
        kode_berlaku_sampai=timezone.now() - timedelta(minutes=1)
    )
    _, response = log_in(world.pegawai.nip, code)
    assert "sudah dipakai atau kedaluwarsa" in response.content.decode()


def test_another_opds_admin_gets_the_same_answer_as_for_an_unknown_nip(world):
    other = issue(world, "admin_opd_lain", world.pegawai.nip).content.decode()
    unknown = issue(world, "admin_opd_lain", "199001012020011001").content.decode()
    message = "Tidak ada akun pegawai dengan NIP ini di OPD yang Anda kelola."
    assert message in other and message in unknown
    assert not AuditEntry.objects.filter(kind=kinds.ONE_TIME_CODE_ISSUED).exists()
    assert User.objects.get(pk=world.users["pegawai"].pk).check_password(PASSWORD)


def test_an_admin_opd_gets_no_code_for_their_own_account(world):
    admin = world.users["admin_opd"]
    admin.pegawai = world.pegawai_lain
    admin.save()
    response = issue(world, "admin_opd", world.pegawai_lain.nip)
    assert "tidak diberikan untuk akun Anda sendiri" in response.content.decode()
    assert not AuditEntry.objects.filter(kind=kinds.ONE_TIME_CODE_ISSUED).exists()


def test_staff_accounts_and_other_roles_get_no_code(world):
    response = issue(world, "admin_opd", world.users["admin_bkd"].username)
    assert "Tidak ada akun pegawai" in response.content.decode()
    assert issue(world, "verifikator", world.pegawai.nip).status_code == 403
    assert issue(world, "pegawai", world.pegawai.nip).status_code == 403
