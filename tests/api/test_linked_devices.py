"""Linked devices on the web: the owner's "Perangkat tertaut" page, and admin BKD at /kelola/."""

import pytest
from django.urls import reverse

from sikap.accounts.models import Token
from sikap.accounts.tokens import issue_token
from tests.api.conftest import assert_error

pytestmark = pytest.mark.django_db


def test_the_owner_sees_and_revokes_their_devices(world, phone, phone_of):
    phone_of("atasan")
    client = world.client("pegawai")
    page = client.get(reverse("accounts:perangkat")).content.decode()
    assert "HP pegawai" in page and "HP atasan" not in page
    token = Token.objects.get(user=world.users["pegawai"])
    assert token.digest not in page
    client.post(reverse("accounts:perangkat_cabut", args=[token.pk]))
    assert_error(phone.get("me"), 401, "belum_masuk")


def test_nobody_revokes_someone_elses_device_on_the_web(world, phone_of):
    other = phone_of("atasan")
    token = Token.objects.get(user=world.users["atasan"])
    assert (
        world.client("pegawai")
        .post(reverse("accounts:perangkat_cabut", args=[token.pk]))
        .status_code
        == 404
    )
    assert other.get("me").status_code == 200


def test_admin_bkd_lists_tokens_without_the_digest_and_revokes(world, phone):
    token = Token.objects.get()
    client = world.client("admin_bkd")
    listing = client.get("/kelola/accounts/token/").content.decode()
    assert "HP pegawai" in listing and token.digest not in listing
    detail = client.get(f"/kelola/accounts/token/{token.pk}/change/").content.decode()
    assert token.prefix in detail and token.digest not in detail
    client.post("/kelola/accounts/token/", {"action": "cabut", "_selected_action": [token.pk]})
    assert_error(phone.get("me"), 401, "belum_masuk")


@pytest.mark.parametrize("persona", ["pegawai", "admin_opd", "verifikator"])
def test_other_roles_cannot_reach_tokens_at_kelola(world, persona):
    user = world.users["atasan"]
    issue_token(user, "HP", actor=user)
    response = world.client(persona).get("/kelola/accounts/token/")
    assert response.status_code in (302, 403)
