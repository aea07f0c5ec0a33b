"""Counting rules of `sikap.people.stats` and the `sikap stats` command, on small hand-made data."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from sikap.org.models import JenisJabatan
from sikap.people import stats
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatSkp
from tests.factories import make_jabatan, make_opd, make_pegawai, root_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def opd():
    return make_opd("Badan Kepegawaian Daerah", kode="BKD")


def person(opd, jenis=JenisJabatan.JF, **fields):
    jabatan = make_jabatan(root_unit(opd), f"Jabatan {jenis}", jenis=jenis)
    return make_pegawai(opd, jabatan=jabatan, **fields)


def hukdis(pegawai, tingkat, tmt):
    RiwayatHukdis.objects.create(pegawai=pegawai, tingkat=tingkat, jenis="—", tmt=tmt)


def diklat(pegawai, kategori, mulai, selesai, jp=24):
    RiwayatDiklat.objects.create(pegawai=pegawai, kategori=kategori, nama="Pelatihan",
                                 tanggal_mulai=mulai, tanggal_selesai=selesai, jp=jp)  # fmt: skip


def test_a_punished_person_counts_once_at_the_heaviest_level(opd):
    a, _ = person(opd), person(opd)
    hukdis(a, "ringan", date(2023, 2, 1))
    hukdis(a, "berat", date(2023, 9, 1))
    assert stats.per_hukdis(Pegawai.objects.all(), 2023) == {
        "ringan": 0, "sedang": 0, "berat": 1, "tanpa_hukdis": 1,
    }  # fmt: skip


def test_punishments_count_only_inside_the_window(opd):
    a = person(opd)
    hukdis(a, "sedang", date(2020, 5, 1))
    everyone = Pegawai.objects.all()
    assert stats.per_hukdis(everyone, 2023)["sedang"] == 0
    assert stats.per_hukdis(everyone, 2023, years=5)["sedang"] == 1
    assert stats.per_hukdis(everyone, 2023, years=3)["tanpa_hukdis"] == 1


def test_training_counts_each_person_once_per_category_and_position_group(opd):
    jf, pelaksana = person(opd), person(opd, JenisJabatan.PELAKSANA)
    diklat(jf, "seminar", date(2023, 3, 1), date(2023, 3, 1), jp=4)
    diklat(jf, "seminar", date(2023, 6, 1), date(2023, 6, 2), jp=8)
    diklat(pelaksana, "teknis", date(2023, 5, 1), date(2023, 5, 3), jp=20)
    diklat(jf, "teknis", date(2023, 5, 1), date(2023, 5, 3), jp=19)  # under 20 JP
    diklat(jf, "kepemimpinan", date(2022, 3, 1), date(2022, 6, 30))  # another year
    diklat(jf, "fungsional", date(2022, 12, 1), date(2023, 1, 20))  # completed in 2023
    result = stats.per_diklat(Pegawai.objects.all(), 2023)
    assert result["seminar"] == {"struktural_fungsional": 1, "pelaksana": 0, "tanpa_jabatan": 0}
    assert result["teknis"] == {"struktural_fungsional": 0, "pelaksana": 1, "tanpa_jabatan": 0}
    assert sum(result["kepemimpinan"].values()) == 0
    assert result["fungsional"]["struktural_fungsional"] == 1


def test_position_groups_follow_the_ip_asn_split():
    assert [stats.position_group(j) for j in ("jpt", "ja", "jp", "jf", "pelaksana", "")] == [
        "struktural_fungsional", "struktural_fungsional", "struktural_fungsional",
        "struktural_fungsional", "pelaksana", "tanpa_jabatan",
    ]  # fmt: skip


def test_education_counts_by_ip_asn_jenjang(opd):
    for tingkat in ("17", "15", "35", "45", ""):
        person(opd, tingkat_pendidikan=tingkat)
    result = stats.per_pendidikan(Pegawai.objects.all())
    assert (result["SMA"], result["D4"], result["S2"], result["tidak_diketahui"]) == (2, 1, 1, 1)
    assert sum(result.values()) == 5


def test_skp_counts_the_year_and_people_without_a_rating(opd):
    a, b, c = person(opd), person(opd), person(opd)
    RiwayatSkp.objects.create(pegawai=a, tahun=2023, predikat="sangat_baik")
    RiwayatSkp.objects.create(pegawai=b, tahun=2023, predikat="baik")
    RiwayatSkp.objects.create(pegawai=c, tahun=2022, predikat="baik")
    result = stats.per_predikat_skp(Pegawai.objects.all(), 2023)
    assert (result["sangat_baik"], result["baik"], result["tanpa_skp"]) == (1, 1, 1)


def test_pns_population_excludes_pppk(opd):
    person(opd)
    person(opd, status="pppk")
    assert stats.per_status(Pegawai.objects.all()) == {"pns": 1, "cpns": 0, "pppk": 1}
    assert stats.pns(Pegawai.objects.all()).count() == 1


def test_golongan_lists_pns_ranks_before_pppk_grades(opd):
    person(opd, golongan="IV/a")
    person(opd, golongan="II/c")
    person(opd, status="pppk", golongan="IX")
    assert list(stats.per_golongan(Pegawai.objects.all())) == ["II/c", "IV/a", "IX"]


def test_summary_runs_a_fixed_number_of_queries(opd, django_assert_max_num_queries):
    for _ in range(5):
        person(opd)
    with django_assert_max_num_queries(15):
        stats.summary(2023)


def test_stats_command_prints_json_for_the_latest_rated_year(opd, capsys):
    RiwayatSkp.objects.create(pegawai=person(opd), tahun=2022, predikat="baik")
    call_command("stats", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["tahun"] == 2022
    assert data["asn_per_predikat_skp"]["baik"] == 1
    assert data["asn_per_opd"] == [{"kode": "BKD", "nama": "Badan Kepegawaian Daerah", "jumlah": 1}]


def test_stats_command_prints_an_indonesian_table(opd, capsys):
    person(opd)
    call_command("stats", "--year", "2023")
    out = capsys.readouterr().out
    assert "PNS menurut pendidikan terakhir" in out
    assert "Teknis ≥20 JP" in out
    assert "Badan Kepegawaian Daerah" in out
