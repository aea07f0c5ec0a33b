"""`approved_request` on the people services: an approved change request is authority for one
change to its own pegawai by the verifier who approved it, and nothing else."""

import pytest
from django.contrib.contenttypes.models import ContentType

from sikap.core.errors import Kode, SikapError
from sikap.core.models import CaseEvent
from sikap.people import services as people
from sikap.people.models import RiwayatPendidikan
from tests.selfservice.conftest import S2, approve, put


def approved_by(usulan, user):
    """A request approved by `user` whose change has not been applied yet."""
    put(usulan, "disetujui")
    CaseEvent.objects.create(
        content_type=ContentType.objects.get_for_model(usulan),
        object_id=str(usulan.pk),
        transition="setujui",
        label="Setujui",
        from_state="menunggu_bkd",
        to_state="disetujui",
        actor=user,
    )
    return usulan


def new_row(pegawai):
    return RiwayatPendidikan(pegawai=pegawai, tingkat="45", tahun_lulus=2020)


def test_an_approved_request_lets_its_verifier_apply_the_change(world, propose):
    usulan = approved_by(propose("tambah-pendidikan", S2), world.users["verifikator"])
    people.save_riwayat(
        new_row(world.pegawai), actor=world.users["verifikator"], approved_request=usulan
    )
    assert RiwayatPendidikan.objects.filter(pegawai=world.pegawai, tingkat="45").exists()


def test_without_a_request_the_verifier_may_not_edit(world):
    with pytest.raises(SikapError) as exc:
        people.save_riwayat(new_row(world.pegawai), actor=world.users["verifikator"])
    assert exc.value.code == Kode.TIDAK_BERHAK


@pytest.mark.parametrize("state", ["draf", "menunggu_opd", "menunggu_bkd", "ditolak",
                                   "dikembalikan", "dibatalkan"])  # fmt: skip
def test_a_request_that_is_not_approved_grants_nothing(world, propose, state):
    usulan = put(propose("tambah-pendidikan", S2), state)
    with pytest.raises(SikapError) as exc:
        people.save_riwayat(
            new_row(world.pegawai), actor=world.users["verifikator"], approved_request=usulan
        )
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert not RiwayatPendidikan.objects.exists()


def test_a_request_for_another_pegawai_grants_nothing(world, propose):
    usulan = approved_by(propose("kontak", {"no_hp": "0812"}), world.users["verifikator"])
    with pytest.raises(SikapError) as exc:
        people.update_pegawai(
            world.pegawai_b,
            {"no_hp": "0812"},
            actor=world.users["verifikator"],
            approved_request=usulan,
        )
    assert exc.value.code == Kode.TIDAK_BERHAK
    world.pegawai_b.refresh_from_db()
    assert world.pegawai_b.no_hp == ""


def test_a_request_grants_nothing_to_someone_who_did_not_approve_it(world, propose):
    usulan = approved_by(propose("kontak", {"no_hp": "0812"}), world.users["verifikator"])
    for persona in ("admin_bkd", "admin_opd", "pegawai"):
        with pytest.raises(SikapError):
            people.update_pegawai(
                world.pegawai,
                {"no_hp": "0812"},
                actor=world.users[persona],
                approved_request=usulan,
            )


def test_an_applied_request_grants_nothing_a_second_time(world, propose, s1):
    usulan = approve(world, propose("tambah-pendidikan", S2))
    with pytest.raises(SikapError):
        people.delete_riwayat(s1, actor=world.users["verifikator"], approved_request=usulan)
    assert RiwayatPendidikan.objects.filter(pk=s1.pk).exists()
