"""The role predicates and fetch-and-authorise helpers of `sikap.accounts.access`."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sikap.accounts import access
from sikap.accounts.models import Peran
from sikap.selfservice.models import Status
from tests.factories import make_user


def _dokumen(pegawai_id, uploaded_by_id):
    return SimpleNamespace(pegawai_id=pegawai_id, uploaded_by_id=uploaded_by_id)


def _usulan(state, pegawai, dibuat_oleh_id):
    return SimpleNamespace(
        state=state, pegawai=pegawai, pegawai_id=pegawai.pk, dibuat_oleh_id=dibuat_oleh_id
    )


@pytest.fixture
def superuser(world):
    user = make_user("root", Peran.PEGAWAI, pegawai=world.pegawai_b)
    user.is_superuser = True
    user.save()
    return user


def test_a_superuser_holds_every_role_but_not_admin_opd(superuser):
    assert access.is_admin_bkd(superuser)
    assert access.may_plan(superuser)
    assert access.sees_all_opd(superuser)
    assert not access.is_admin_opd(superuser)


def test_an_inactive_admin_holds_no_role(world):
    admin = world.users["admin_bkd"]
    admin.is_active = False
    assert not access.is_admin_bkd(admin)
    assert not access.may_use_kelola(admin)


@pytest.mark.parametrize("persona", ["verifikator", "admin_bkd"])
def test_bkd_staff_verify_a_document_someone_else_uploaded(world, persona):
    user = world.users[persona]
    uploader = world.users["pegawai"]
    assert access.may_verify_dokumen(user, _dokumen(world.pegawai.pk, uploader.pk))
    assert not access.may_verify_dokumen(user, _dokumen(world.pegawai.pk, user.pk))


def test_nobody_verifies_their_own_work_superuser_included(world, superuser):
    own_record = _dokumen(world.pegawai_b.pk, world.users["admin_opd_lain"].pk)
    uploaded = _dokumen(world.pegawai.pk, superuser.pk)
    assert not access.may_verify_dokumen(superuser, own_record)
    assert not access.may_verify_dokumen(superuser, uploaded)
    assert not access.may_verify_realisasi(
        superuser, SimpleNamespace(diajukan_oleh_id=superuser.pk)
    )
    assert access.may_verify_realisasi(superuser, SimpleNamespace(diajukan_oleh_id=0))
    made_by_self = _usulan(Status.MENUNGGU_BKD, world.pegawai, superuser.pk)
    assert not access.may_verify_usulan(superuser, made_by_self)
    own = _usulan(Status.MENUNGGU_BKD, world.pegawai_b, world.users["pegawai"].pk)
    assert not access.may_verify_usulan(superuser, own)


def test_the_usulan_step_decides_who_verifies(world):
    maker = world.users["pegawai"].pk
    at_opd = _usulan(Status.MENUNGGU_OPD, world.pegawai, maker)
    at_bkd = _usulan(Status.MENUNGGU_BKD, world.pegawai, maker)
    assert access.may_verify_usulan(world.users["admin_opd"], at_opd)
    assert not access.may_verify_usulan(world.users["admin_opd_lain"], at_opd)
    assert not access.may_verify_usulan(world.users["verifikator"], at_opd)
    assert access.may_verify_usulan(world.users["verifikator"], at_bkd)
    assert not access.may_verify_usulan(world.users["admin_opd"], at_bkd)


def test_get_pegawai_is_404_when_unseen_and_403_when_seen_but_not_editable(world):
    nip = world.pegawai.nip
    with pytest.raises(Http404):
        access.get_pegawai_for_user(world.users["admin_opd_lain"], nip)
    assert access.get_pegawai_for_user(world.users["atasan"], nip) == world.pegawai
    with pytest.raises(PermissionDenied):
        access.get_pegawai_for_user(world.users["atasan"], nip, write=True)
    spaced = f" {nip[:8]} {nip[8:]} "
    assert access.get_pegawai_for_user(world.users["admin_opd"], spaced, write=True)


def test_a_403_shows_the_refusal_message(world):
    response = world.client("atasan").get(f"/pegawai/{world.pegawai.nip}/ubah/")
    assert response.status_code == 403
    assert "Anda tidak berhak mengubah data pegawai ini." in response.content.decode()
