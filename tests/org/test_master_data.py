"""Master data at /kelola/: admin BKD only, every change audited."""

import pytest

from sikap.core.models import AuditEntry
from sikap.org.models import Opd


def test_admin_bkd_adds_an_opd_and_it_is_audited(world):
    response = world.client("admin_bkd").post(
        "/kelola/org/opd/add/", {"kode": "OPD900", "nama": "Dinas Perikanan", "aktif": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    opd = Opd.objects.get(kode="OPD900")
    entry = AuditEntry.objects.get(object_id=str(opd.pk), action="create")
    assert entry.actor == world.users["admin_bkd"]


@pytest.mark.parametrize("persona", ["admin_opd", "pegawai", "pimpinan", "verifikator"])
def test_other_roles_cannot_reach_master_data(world, persona):
    response = world.client(persona).post(
        "/kelola/org/opd/add/", {"kode": "OPD901", "nama": "Dinas Palsu", "aktif": "on"}
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
