"""The superior relation on the database: atasan, visibility and tugas tambahan agree."""

from datetime import date

import pytest

from sikap.core.errors import SikapError
from sikap.org import services as org_services
from sikap.org.models import JenisJabatan, JenisTugasTambahan, TugasTambahan, UnitKerja
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_map, atasan_of, bawahan_of
from tests.factories import make_jabatan, make_pegawai, make_user


@pytest.fixture
def school(world):
    """A school under the kabid's bidang, with no head position: two teachers (JF)."""
    kabid_unit = UnitKerja.objects.get(nama="Bidang Pembinaan SD")
    sd = UnitKerja.objects.create(opd=world.opd_a, induk=kabid_unit, nama="SD Negeri 1 Sukodono")
    guru = make_jabatan(sd, "Guru Ahli Madya", jenis=JenisJabatan.JF)
    guru_a = make_pegawai(
        world.opd_a, nama="Rina Kartika", jabatan=guru, tanggal_lahir=date(1972, 1, 2)
    )
    guru_b = make_pegawai(
        world.opd_a, nama="Joko Susilo", jabatan=guru, tanggal_lahir=date(1983, 4, 5)
    )
    return sd, guru_a, guru_b


def tugas(pegawai, unit, **fields):
    return TugasTambahan.objects.create(
        pegawai=pegawai,
        unit=unit,
        jenis=JenisTugasTambahan.KEPALA_SEKOLAH,
        tmt_mulai=fields.pop("tmt_mulai", date(2020, 7, 1)),
        **fields,
    )


def kabid():
    return Pegawai.objects.get(nama="Agus Wibowo")


def test_teachers_of_a_school_without_head_answer_to_and_are_seen_by_the_kabid(world, school):
    _sd, guru_a, guru_b = school
    assert atasan_of(guru_a) == kabid()
    assert set(Pegawai.objects.visible_to(world.user("kabid"))) >= {guru_a, guru_b}


def test_a_tugas_tambahan_makes_the_teacher_head_of_the_school(world, school):
    sd, guru_a, guru_b = school
    tugas(guru_a, sd)
    assert atasan_of(guru_b) == guru_a
    assert atasan_of(guru_a) == kabid()
    assert set(bawahan_of(guru_a)) == {guru_b}
    kepala_sekolah = make_user(guru_a.nip, pegawai=guru_a)
    assert set(Pegawai.objects.visible_to(kepala_sekolah)) == {guru_a, guru_b}
    seen_by_kabid = set(Pegawai.objects.visible_to(world.user("kabid")))
    assert guru_a in seen_by_kabid and guru_b not in seen_by_kabid


def test_an_ended_or_future_tugas_tambahan_leads_nothing(world, school):
    sd, guru_a, guru_b = school
    tugas(guru_a, sd, tmt_mulai=date(2015, 1, 1), tmt_selesai=date(2019, 12, 31))
    assert atasan_of(guru_b) == kabid()
    assert atasan_of(guru_b, as_of=date(2018, 6, 1)) == guru_a


def test_a_retired_kabid_passes_the_school_to_the_head_of_the_dinas(world, school):
    _sd, guru_a, _ = school
    k = kabid()
    k.kedudukan = "pensiun"
    k.save()
    assert atasan_of(guru_a) == world.atasan
    assert guru_a in set(Pegawai.objects.visible_to(world.user("atasan")))
    assert list(Pegawai.objects.visible_to(world.user("kabid"))) == [k]


def test_two_holders_of_one_head_position_resolve_by_nip(world):
    kepala = world.atasan.jabatan
    second = make_pegawai(
        world.opd_a, nama="Hadi Purnomo", jabatan=kepala, tanggal_lahir=date(1960, 1, 1)
    )
    first, other = sorted([world.atasan, second], key=lambda p: p.nip)
    assert atasan_of(world.pegawai) == first
    assert atasan_of(other) == first


def test_the_atasan_of_fifty_pegawai_costs_a_fixed_number_of_queries(
    world, school, django_assert_num_queries
):
    sd, guru_a, _ = school
    tugas(guru_a, sd)
    guru = guru_a.jabatan
    for n in range(44):
        make_pegawai(
            world.opd_a, nama=f"Guru {n}", jabatan=guru, tanggal_lahir=date(1980, 1, 1 + n % 28)
        )
    page = list(Pegawai.objects.filter(opd=world.opd_a))
    assert len(page) == 50
    with django_assert_num_queries(4):
        result = atasan_map(page)
    assert result[world.pegawai.pk] == world.atasan
    assert result[world.atasan.pk] is None
    assert sum(a == guru_a for a in result.values()) == 45


def test_admin_bkd_records_a_tugas_tambahan_with_an_audit_row(world, school):
    sd, guru_a, _ = school
    t = TugasTambahan(
        pegawai=guru_a, unit=sd, jenis=JenisTugasTambahan.KEPALA_SEKOLAH, tmt_mulai=date(2021, 1, 1)
    )
    org_services.save_org_object(t, actor=world.user("admin_bkd"))
    from sikap.core.models import AuditEntry

    assert AuditEntry.objects.filter(pegawai_id=guru_a.pk).exists()


@pytest.mark.parametrize("persona", ["admin_opd", "pegawai"])
def test_only_admin_bkd_may_record_a_tugas_tambahan(world, school, persona):
    sd, guru_a, _ = school
    t = TugasTambahan(pegawai=guru_a, unit=sd, jenis="kepala_sekolah", tmt_mulai=date(2021, 1, 1))
    with pytest.raises(SikapError):
        org_services.save_org_object(t, actor=world.user(persona))
    assert not TugasTambahan.objects.exists()


def test_a_unit_has_one_tugas_tambahan_head_at_a_time(world, school):
    sd, guru_a, guru_b = school
    tugas(guru_a, sd, tmt_mulai=date(2020, 1, 1))
    overlapping = TugasTambahan(
        pegawai=guru_b, unit=sd, jenis="kepala_sekolah", tmt_mulai=date(2022, 1, 1)
    )
    with pytest.raises(SikapError, match="sudah dipimpin"):
        org_services.save_org_object(overlapping, actor=world.user("admin_bkd"))


def test_the_led_unit_must_be_in_the_pegawais_opd(world, school):
    sd, _, _ = school
    t = TugasTambahan(
        pegawai=world.pegawai_b, unit=sd, jenis="kepala_sekolah", tmt_mulai=date(2021, 1, 1)
    )
    with pytest.raises(SikapError, match="OPD pegawai"):
        org_services.save_org_object(t, actor=world.user("admin_bkd"))


def test_the_profile_shows_the_tugas_tambahan_and_the_atasan(world, school):
    sd, guru_a, guru_b = school
    tugas(guru_a, sd)
    page = world.client("admin_bkd").get(f"/pegawai/{guru_a.nip}/")
    assert "Kepala Sekolah SD Negeri 1 Sukodono" in page.content.decode()
    page = world.client("admin_bkd").get(f"/pegawai/{guru_b.nip}/")
    assert "Rina Kartika — Guru Ahli Madya, Kepala Sekolah SD Negeri 1 Sukodono" in (
        page.content.decode()
    )


def test_admin_bkd_adds_a_tugas_tambahan_at_kelola_by_nip(world, school):
    sd, guru_a, _ = school
    response = world.client("admin_bkd").post(
        "/kelola/org/tugastambahan/add/",
        {
            "nip": guru_a.nip,
            "unit": sd.pk,
            "jenis": "kepala_sekolah",
            "tmt_mulai": "01-07-2020",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TugasTambahan.objects.get().pegawai == guru_a


def test_the_kelola_list_shows_tugas_tambahan_to_admin_bkd_only(world, school):
    sd, guru_a, _ = school
    tugas(guru_a, sd)
    page = world.client("admin_bkd").get("/kelola/org/tugastambahan/")
    assert page.status_code == 200
    assert "SD Negeri 1 Sukodono" in page.content.decode()
    assert world.client("admin_opd").get("/kelola/org/tugastambahan/").status_code != 200


def test_admin_bkd_cannot_make_themself_a_units_head_at_kelola(world, school):
    """A tugas tambahan makes its holder someone's atasan: not for one's own record."""
    sd, guru_a, _ = school
    admin_bkd = world.users["admin_bkd"]
    admin_bkd.pegawai = guru_a
    admin_bkd.save()
    response = world.client("admin_bkd").post(
        "/kelola/org/tugastambahan/add/",
        {"nip": guru_a.nip, "unit": sd.pk, "jenis": "kepala_sekolah", "tmt_mulai": "01-07-2020"},
    )
    assert response.status_code == 200
    assert "Data Anda sendiri hanya dapat diubah" in response.content.decode()
    assert not TugasTambahan.objects.exists()
