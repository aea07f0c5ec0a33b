"""Master data at /kelola/: admin BKD only, every change audited."""

import pytest

from sikap.core.models import AuditEntry
from sikap.org.models import Opd

NO_LOKASI = {"lokasi-TOTAL_FORMS": "0", "lokasi-INITIAL_FORMS": "0"}


def test_admin_bkd_adds_an_opd_with_its_office_and_both_are_audited(world):
    response = world.client("admin_bkd").post(
        "/kelola/org/opd/add/",
        {
            "kode": "OPD900",
            "nama": "Dinas Perikanan",
            "aktif": "on",
            "lokasi-TOTAL_FORMS": "1",
            "lokasi-INITIAL_FORMS": "0",
            "lokasi-0-nama": "Kantor Dinas Perikanan",
            "lokasi-0-latitude": "-8.1335",
            "lokasi-0-longitude": "113.2248",
            "lokasi-0-radius_m": "150",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    opd = Opd.objects.get(kode="OPD900")
    entry = AuditEntry.objects.get(object_id=str(opd.pk), content_type__model="opd")
    assert (entry.action, entry.actor) == ("create", world.users["admin_bkd"])
    lokasi = opd.lokasi.get()
    assert AuditEntry.objects.filter(
        object_id=str(lokasi.pk), content_type__model="lokasikantor", action="create"
    ).exists()


@pytest.mark.parametrize("persona", ["admin_opd", "pegawai", "pimpinan", "verifikator"])
def test_other_roles_cannot_reach_master_data(world, persona):
    response = world.client(persona).post(
        "/kelola/org/opd/add/",
        {"kode": "OPD901", "nama": "Dinas Palsu", "aktif": "on", **NO_LOKASI},
    )
    assert response.status_code == 302
    assert "/kelola/login/" in response["Location"]
    assert not Opd.objects.filter(kode="OPD901").exists()


def test_opd_still_in_use_is_not_deleted(world):
    response = world.client("admin_bkd").post(
        f"/kelola/org/opd/{world.opd_a.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert "Tidak dapat menghapus OPD" in response.content.decode()
    assert Opd.objects.filter(pk=world.opd_a.pk).exists()


def test_admin_bkd_changes_an_admin_opd_scope_with_one_audit_row(world):
    user = world.users["admin_opd"]
    response = world.client("admin_bkd").post(
        f"/kelola/accounts/user/{user.pk}/change/",
        {
            "username": user.username,
            "peran": "admin_opd",
            "opd_scope": [world.opd_b.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:800]
    assert list(user.opd_scope.all()) == [world.opd_b]
    entry = AuditEntry.objects.get(object_id=str(user.pk), action="update")
    assert entry.changes["opd_scope"] == [[world.opd_a.pk], [world.opd_b.pk]]
    assert "password" not in entry.changes


def test_admin_history_shows_the_audit_trail_with_before_and_after(world):
    client = world.client("admin_bkd")
    client.post(
        f"/kelola/org/opd/{world.opd_a.pk}/change/",
        {
            "kode": world.opd_a.kode,
            "nama": "Dinas Pendidikan dan Kebudayaan",
            "aktif": "on",
            **NO_LOKASI,
        },
    )
    page = client.get(f"/kelola/org/opd/{world.opd_a.pk}/history/").content.decode()
    assert "Jejak audit" in page
    assert "Dinas Pendidikan</td>" in page and "Dinas Pendidikan dan Kebudayaan</td>" in page


def test_a_password_set_by_admin_bkd_is_audited_without_the_password(world):
    user = world.users["pegawai"]
    response = world.client("admin_bkd").post(
        f"/kelola/accounts/user/{user.pk}/password/",
        {
            "password1": "Sandi-Baru-2026!",
            "password2": "Sandi-Baru-2026!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    entry = AuditEntry.objects.get(object_id=str(user.pk), note="Kata sandi diganti")
    assert entry.actor == world.users["admin_bkd"] and entry.changes == {}


def test_admin_bkd_cannot_open_a_superuser_account(world):
    from tests.factories import make_user

    root = make_user("root")
    root.is_superuser = True
    root.save()
    response = world.client("admin_bkd").get(f"/kelola/accounts/user/{root.pk}/change/")
    assert response.status_code == 302  # "no such object" → back to the list
    assert (
        world.client("admin_bkd").get(f"/kelola/accounts/user/{root.pk}/password/").status_code
        == 404
    )
