"""Device tokens: issued once after a password log-in (throttled like the web log-in), kept
only as a digest, checked with one indexed query and no password hash, listed and revoked."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sikap.accounts.models import Token
from sikap.accounts.system import system_actor
from sikap.accounts.tokens import authenticate_token, digest_of, issue_token, revoke_token
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.rules.nip import format_nip
from tests.api.conftest import PASSWORD, Phone, assert_error

pytestmark = pytest.mark.django_db


def ask_token(nip, password=PASSWORD, perangkat="Ponsel Budi"):
    return Phone().post("auth/token", {"nip": nip, "password": password, "perangkat": perangkat})


def test_a_pegawai_gets_a_token_with_the_nip_typed_with_spaces(world):
    response = ask_token(format_nip(world.pegawai.nip))
    assert response.status_code == 201
    body = response.json()
    assert len(body["token"]) >= 43 and body["token"].startswith(body["prefix"])
    assert body["perangkat"] == "Ponsel Budi"
    assert Phone(body["token"]).get("me").json()["nip"] == world.pegawai.nip


def test_the_raw_token_is_nowhere_in_the_database(world):
    raw = ask_token(world.pegawai.nip).json()["token"]
    token = Token.objects.get()
    assert token.digest == digest_of(raw)
    rows = [str(v) for v in Token.objects.values_list()] + [
        str(v) for v in AuditEntry.objects.values_list()
    ]
    assert not any(raw in row for row in rows)


def test_issuing_and_revoking_are_audited_without_the_digest(world):
    ask_token(world.pegawai.nip)
    token = Token.objects.get()
    revoke_token(token, actor=world.users["admin_bkd"])
    created, revoked = AuditEntry.objects.filter(object_id=str(token.pk)).order_by("id")
    assert (created.actor, created.action) == (world.users["pegawai"], AuditEntry.Aksi.CREATE)
    assert (revoked.actor, revoked.action) == (world.users["admin_bkd"], AuditEntry.Aksi.UPDATE)
    assert set(revoked.changes) == {"revoked_at"}
    assert token.digest not in str(created.changes) + str(revoked.changes)


def test_a_blank_device_name_is_refused_and_nothing_is_issued(world):
    body = assert_error(ask_token(world.pegawai.nip, perangkat="   "), 400, "data_tidak_valid")
    assert body["details"] == [{"field": "perangkat", "message": "Nama perangkat wajib diisi."}]
    assert not Token.objects.exists()


def test_a_wrong_password_is_refused_in_the_error_shape(world):
    body = assert_error(ask_token(world.pegawai.nip, "salah"), 401, "belum_masuk")
    assert "kata sandi salah" in body["message"]
    assert not Token.objects.exists()


def test_api_failures_lock_the_web_log_in_too(world):
    for _ in range(5):
        ask_token(world.pegawai.nip, "salah")
    assert_error(ask_token(world.pegawai.nip), 429, "terlalu_banyak_permintaan")
    web = Client().post("/masuk/", {"username": world.pegawai.nip, "password": PASSWORD})
    assert web.status_code == 429
    assert not Token.objects.exists()


def test_an_inactive_account_gets_no_token(world):
    user = world.users["pegawai"]
    user.is_active = False
    user.save()
    assert_error(ask_token(world.pegawai.nip), 401, "belum_masuk")


def test_the_system_account_gets_no_token_even_with_a_password(db):
    sistem = system_actor()
    sistem.set_password(PASSWORD)
    sistem.save()
    assert_error(ask_token("sistem"), 401, "belum_masuk")
    assert not Token.objects.exists()


def test_nobody_issues_a_token_for_someone_else(world):
    with pytest.raises(SikapError):
        issue_token(world.users["pegawai"], "HP", actor=world.users["admin_bkd"])


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer salah", "Token abc", "Basic eDp5"])
def test_no_or_a_bad_token_is_401(world, header):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert_error(response, 401, "belum_masuk")


def test_a_revoked_token_is_401(world, phone):
    revoke_token(Token.objects.get(), actor=world.users["pegawai"])
    assert_error(phone.get("me"), 401, "belum_masuk")


def test_an_expired_token_is_401(world, phone):
    Token.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_error(phone.get("me"), 401, "belum_masuk")


def test_a_token_of_a_deactivated_account_is_401(world, phone):
    world.users["pegawai"].__class__.objects.filter(pk=world.users["pegawai"].pk).update(
        is_active=False
    )
    assert_error(phone.get("me"), 401, "belum_masuk")


def test_the_lifetime_comes_from_settings(world, settings):
    settings.SIKAP_API_TOKEN_DAYS = 7
    token, _ = issue_token(world.users["pegawai"], "HP", actor=world.users["pegawai"])
    assert timedelta(days=6, hours=23) < token.expires_at - timezone.now() <= timedelta(days=7)


def test_checking_a_token_is_one_query(world, phone, django_assert_num_queries):
    authenticate_token(phone.raw)  # first use records last-used
    with django_assert_num_queries(1):
        assert authenticate_token(phone.raw).user == world.users["pegawai"]


def test_an_authenticated_request_calls_no_password_hasher(world, phone):
    refuse = mock.Mock(side_effect=AssertionError("password hasher called"))
    with (
        mock.patch("django.contrib.auth.hashers.identify_hasher", refuse),
        mock.patch("django.contrib.auth.hashers.get_hasher", refuse),
    ):
        assert phone.get("me/notifications").status_code == 200
        assert phone.get("auth/tokens").status_code == 200
    refuse.assert_not_called()


def test_a_request_costs_the_token_lookup_plus_the_endpoints_own_queries(world, phone):
    phone.get("me/notifications")
    with CaptureQueriesContext(connection) as queries:
        assert phone.get("me/notifications").status_code == 200
    # The token with its user, the count, the page.
    assert len(queries) == 3, [q["sql"] for q in queries]


def test_the_owner_lists_only_their_tokens(world, phone, phone_of):
    phone_of("atasan")
    listed = phone.get("auth/tokens").json()
    assert [t["perangkat"] for t in listed] == ["HP pegawai"]
    assert "digest" not in listed[0] and "token" not in listed[0]


def test_the_owner_revokes_a_device_and_it_stops_working(world, phone, phone_of):
    second = phone_of("pegawai")
    token_id = Token.objects.get(digest=digest_of(second.raw)).pk
    assert phone.delete(f"auth/tokens/{token_id}").status_code == 204
    assert_error(second.get("me"), 401, "belum_masuk")
    assert phone.get("me").status_code == 200
    revoked = AuditEntry.objects.filter(note__endswith="dicabut").get()
    assert revoked.actor == world.users["pegawai"]


def test_nobody_revokes_another_persons_token_through_the_api(world, phone, phone_of):
    other = phone_of("atasan")
    other_id = Token.objects.get(digest=digest_of(other.raw)).pk
    assert_error(phone.delete(f"auth/tokens/{other_id}"), 404, "tidak_ditemukan")
    assert other.get("me").status_code == 200


def test_admin_bkd_revokes_any_token_but_another_pegawai_cannot(world, phone):
    token = Token.objects.get()
    with pytest.raises(SikapError):
        revoke_token(token, actor=world.users["atasan"])
    revoke_token(token, actor=world.users["admin_bkd"])
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_requests_beyond_the_rate_are_429_per_token(world, phone, phone_of, settings):
    settings.SIKAP_API_RATE = "2/m"
    assert phone.get("me").status_code == 200
    assert phone.get("me").status_code == 200
    response = phone.get("me")
    assert_error(response, 429, "terlalu_banyak_permintaan")
    assert int(response["Retry-After"]) > 0
    assert phone_of("pegawai").get("me").status_code == 200
