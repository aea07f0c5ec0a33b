"""The optional second factor for admin roles: enrolment with a QR code and recovery codes, the
verification step at log-in, and the setting that makes it compulsory."""

import re
import time

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sikap.core import kinds
from sikap.core.models import AuditEntry
from tests.accounts.test_login import PASSWORD


def token(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def enrol(client, user):
    page = client.get("/akun/dua-langkah/").content.decode()
    assert "<svg" in page and "Pindai kode QR" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/akun/dua-langkah/", {"token": token(device)})
    codes = re.findall(r'<li class="col">(\w+)</li>', response.content.decode())
    return device, codes


def log_in(username):
    client = Client()
    client.post("/masuk/", {"username": username, "password": PASSWORD})
    return client


def test_an_admin_enrols_and_then_proves_the_second_factor_at_every_log_in(world, settings):
    # django-otp makes each failure wait longer (1 s, 2 s, …); not in this test.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    admin = world.users["admin_bkd"]
    device, codes = enrol(world.client("admin_bkd"), admin)
    assert len(codes) == 10
    assert AuditEntry.objects.filter(kind=kinds.SECOND_FACTOR_ENROLLED, actor=admin).exists()

    client = log_in("admin.bkd")
    response = client.get("/pegawai/")
    assert response["Location"].startswith("/akun/dua-langkah/verifikasi/")
    wrong = client.post("/akun/dua-langkah/verifikasi/", {"token": "000000"})
    assert "Kode salah" in wrong.content.decode()
    assert client.get("/pegawai/").status_code == 302

    client.post("/akun/dua-langkah/verifikasi/", {"token": token(device, steps_ahead=1)})
    assert client.get("/pegawai/").status_code == 200


def test_a_recovery_code_opens_the_account_once(world):
    _, codes = enrol(world.client("admin_opd"), world.users["admin_opd"])
    first = log_in("admin.pendidikan")
    first.post("/akun/dua-langkah/verifikasi/", {"token": codes[0]})
    assert first.get("/pegawai/").status_code == 200
    second = log_in("admin.pendidikan")
    second.post("/akun/dua-langkah/verifikasi/", {"token": codes[0]})
    assert second.get("/pegawai/").status_code == 302


def test_a_wrong_first_code_does_not_enrol(world):
    client = world.client("admin_bkd")
    client.get("/akun/dua-langkah/")
    response = client.post("/akun/dua-langkah/", {"token": "123"})
    assert "Kode salah" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_other_roles_have_no_second_factor_page(world):
    assert world.client("pegawai").get("/akun/dua-langkah/").status_code == 403


def test_when_required_an_admin_enrols_before_anything_else(world, settings):
    settings.SIKAP_TOTP_REQUIRED = True
    client = log_in("admin.bkd")
    assert client.get("/pegawai/")["Location"].startswith("/akun/dua-langkah/")
    # Other roles are not asked.
    assert log_in(world.pegawai.nip).get("/pegawai/").status_code == 200


def test_an_enrolled_admin_gets_no_api_token_on_the_password_alone(world):
    enrol(world.client("admin_bkd"), world.users["admin_bkd"])
    response = Client().post(
        "/api/v1/auth/token",
        {"nip": "admin.bkd", "password": PASSWORD, "perangkat": "Laptop"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_admin_bkd_switches_it_off_for_someone_who_lost_the_phone(world):
    enrol(world.client("admin_opd"), world.users["admin_opd"])
    response = world.client("admin_bkd").post(
        "/kelola/accounts/user/",
        {"action": "nonaktifkan_dua_langkah", "_selected_action": [world.users["admin_opd"].pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.users["admin_opd"]).exists()
    assert AuditEntry.objects.filter(kind=kinds.SECOND_FACTOR_REMOVED).exists()
    assert log_in("admin.pendidikan").get("/pegawai/").status_code == 200


def test_roles_without_a_second_factor_pay_no_device_lookup(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client("pegawai")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/akun/perangkat/").status_code == 200
    assert not [q for q in queries.captured_queries if "otp_" in q["sql"]]
