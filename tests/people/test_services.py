"""Writes through the services: state, audit row, permission, and the outsider."""

from datetime import date

import pytest

from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry
from sikap.people import services
from sikap.people.models import Pegawai, RiwayatGaji, RiwayatPangkat, RiwayatPendidikan
from tests.factories import root_unit


def new_pegawai(opd, **fields):
    values = dict(
        nip="199001152015031002",
        nama="Joko Prasetyo",
        tanggal_lahir=date(1990, 1, 15),
        jenis_kelamin="L",
        status="pns",
        tmt_cpns=date(2015, 3, 1),
        opd=opd,
        unit=root_unit(opd),
    )
    values.update(fields)
    return Pegawai(**values)


def test_admin_opd_creates_pegawai_in_own_opd_with_an_audit_row(world):
    actor = world.user("admin_opd")
    pegawai = services.create_pegawai(new_pegawai(world.opd_a), actor=actor)
    entry = AuditEntry.objects.get(object_id=str(pegawai.pk), action="create")
    assert entry.actor == actor
    assert entry.pegawai_id == pegawai.pk
    assert entry.changes["nip"] == [None, "199001152015031002"]


def test_admin_opd_cannot_create_pegawai_in_another_opd(world):
    with pytest.raises(SikapError) as exc:
        services.create_pegawai(new_pegawai(world.opd_b), actor=world.user("admin_opd"))
    assert exc.value.code == Kode.TIDAK_BERHAK
    assert not Pegawai.objects.filter(nip="199001152015031002").exists()


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "pimpinan", "verifikator"])
def test_non_admins_cannot_create_pegawai(world, persona):
    with pytest.raises(SikapError):
        services.create_pegawai(new_pegawai(world.opd_a), actor=world.user(persona))


def test_nip_that_disagrees_with_birth_date_is_refused_in_indonesian(world):
    pegawai = new_pegawai(world.opd_a, tanggal_lahir=date(1991, 1, 15))
    with pytest.raises(SikapError) as exc:
        services.create_pegawai(pegawai, actor=world.user("admin_bkd"))
    assert exc.value.code == Kode.DATA_TIDAK_VALID
    assert "tanggal lahir" in " ".join(exc.value.errors["nip"]).lower()
    assert AuditEntry.objects.count() == 0


def test_duplicate_nip_is_refused(world):
    with pytest.raises(SikapError) as exc:
        services.create_pegawai(
            new_pegawai(
                world.opd_a,
                nip=world.pegawai.nip,
                tanggal_lahir=date(1980, 5, 17),
                tmt_cpns=date(2005, 3, 1),
            ),
            actor=world.user("admin_bkd"),
        )
    assert exc.value.code == Kode.DUPLIKAT


def test_update_records_only_the_changed_fields(world):
    services.update_pegawai(world.pegawai, {"no_hp": "081234567890"}, actor=world.user("admin_opd"))
    entry = AuditEntry.objects.get(action="update")
    assert entry.changes == {"no_hp": ["", "081234567890"]}


def test_admin_opd_cannot_update_another_opds_pegawai(world):
    with pytest.raises(SikapError):
        services.update_pegawai(world.pegawai_b, {"no_hp": "0812"}, actor=world.user("admin_opd"))
    world.pegawai_b.refresh_from_db()
    assert world.pegawai_b.no_hp == ""
    assert AuditEntry.objects.count() == 0


def test_admin_opd_cannot_move_own_pegawai_into_another_opd(world):
    with pytest.raises(SikapError):
        services.update_pegawai(
            world.pegawai,
            {"opd": world.opd_b, "unit": root_unit(world.opd_b)},
            actor=world.user("admin_opd"),
        )
    world.pegawai.refresh_from_db()
    assert world.pegawai.opd == world.opd_a


def test_new_rank_history_updates_the_current_golongan(world):
    actor = world.user("admin_opd")
    services.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai, golongan="III/b", tmt=date(2009, 4, 1)), actor=actor
    )
    services.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai, golongan="III/c", tmt=date(2013, 4, 1)), actor=actor
    )
    world.pegawai.refresh_from_db()
    assert (world.pegawai.golongan, world.pegawai.tmt_golongan) == ("III/c", date(2013, 4, 1))
    notes = AuditEntry.objects.filter(pegawai_id=world.pegawai.pk).values_list("note", flat=True)
    assert "Data terkini diperbarui dari riwayat" in notes


def test_deleting_the_latest_rank_falls_back_to_the_previous_one(world):
    actor = world.user("admin_bkd")
    services.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai, golongan="III/b", tmt=date(2009, 4, 1)), actor=actor
    )
    latest = services.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai, golongan="III/c", tmt=date(2013, 4, 1)), actor=actor
    )
    services.delete_riwayat(latest, actor=actor)
    world.pegawai.refresh_from_db()
    assert world.pegawai.golongan == "III/b"
    deleted = AuditEntry.objects.get(action="delete")
    assert deleted.changes["golongan"] == ["III/c", None]


def test_highest_education_and_latest_salary_become_current(world):
    actor = world.user("admin_bkd")
    for tingkat, tahun in [("40", 2003), ("45", 2012), ("15", 1998)]:
        services.save_riwayat(
            RiwayatPendidikan(pegawai=world.pegawai, tingkat=tingkat, tahun_lulus=tahun),
            actor=actor,
        )
    services.save_riwayat(
        RiwayatGaji(
            pegawai=world.pegawai,
            golongan="III/a",
            gaji_pokok=2785700,
            tmt=date(2024, 1, 1),
            dasar="pp",
        ),
        actor=actor,
    )
    world.pegawai.refresh_from_db()
    assert world.pegawai.tingkat_pendidikan == "45"
    assert world.pegawai.gaji_pokok == 2785700


def test_history_of_a_pegawai_outside_scope_cannot_be_written(world):
    with pytest.raises(SikapError):
        services.save_riwayat(
            RiwayatPangkat(pegawai=world.pegawai_b, golongan="III/b", tmt=date(2014, 4, 1)),
            actor=world.user("admin_opd"),
        )
    assert not RiwayatPangkat.objects.exists()
