"""The one visibility rule, persona by persona, always with the outsider."""

import pytest

from sikap.people.models import Pegawai, RiwayatPangkat
from sikap.people.selectors import atasan_of, bawahan_of


def visible(world, persona):
    return set(Pegawai.objects.visible_to(world.user(persona)).values_list("nama", flat=True))


ALL = {"Siti Rahayu", "Budi Santoso", "Agus Wibowo", "Dewi Lestari", "Rudi Hartono"}


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("anonymous", set()),
        ("pegawai", {"Budi Santoso"}),
        ("atasan", {"Siti Rahayu", "Budi Santoso", "Agus Wibowo"}),
        ("kabid", {"Agus Wibowo", "Dewi Lestari"}),
        ("admin_opd", ALL - {"Rudi Hartono"}),
        ("admin_opd_lain", {"Rudi Hartono"}),
        ("verifikator", ALL),
        ("pimpinan", ALL),
        ("admin_bkd", ALL),
    ],
)
def test_each_persona_sees_exactly_their_pegawai(world, persona, expected):
    assert visible(world, persona) == expected


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("pegawai", set()),
        ("atasan", set()),
        ("pimpinan", set()),
        ("verifikator", set()),
        ("admin_opd", ALL - {"Rudi Hartono"}),
        ("admin_opd_lain", {"Rudi Hartono"}),
        ("admin_bkd", ALL),
    ],
)
def test_only_admins_may_edit_and_only_within_their_scope(world, persona, expected):
    editable = Pegawai.objects.editable_by(world.user(persona)).values_list("nama", flat=True)
    assert set(editable) == expected


def test_history_rows_follow_their_pegawai(world):
    from datetime import date

    RiwayatPangkat.objects.create(pegawai=world.pegawai_b, golongan="III/a", tmt=date(2010, 4, 1))
    RiwayatPangkat.objects.create(pegawai=world.pegawai, golongan="III/a", tmt=date(2005, 3, 1))
    own = RiwayatPangkat.objects.visible_to(world.user("pegawai"))
    assert list(own.values_list("pegawai__nama", flat=True)) == ["Budi Santoso"]
    assert RiwayatPangkat.objects.visible_to(world.user("admin_opd_lain")).get().pegawai == (
        world.pegawai_b
    )


def test_superior_is_derived_from_the_unit_tree(world):
    kabid = Pegawai.objects.get(nama="Agus Wibowo")
    assert atasan_of(world.pegawai) == world.atasan
    assert atasan_of(world.pegawai_lain) == kabid
    assert atasan_of(kabid) == world.atasan
    assert atasan_of(world.atasan) is None
    assert set(bawahan_of(world.atasan)) == {world.pegawai, kabid}


def test_vacant_head_passes_supervision_up_the_tree(world):
    kabid = Pegawai.objects.get(nama="Agus Wibowo")
    kabid.kedudukan = "pensiun"
    kabid.save()
    assert atasan_of(world.pegawai_lain) == world.atasan


def test_a_head_no_longer_in_service_sees_no_subordinates(world):
    world.atasan.kedudukan = "pensiun"
    world.atasan.save()
    assert visible(world, "atasan") == {"Siti Rahayu"}
