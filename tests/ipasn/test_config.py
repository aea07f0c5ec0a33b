"""The configuration as data: the seeded 2019 ladder, effective dates, editing by admin BKD."""

import json
from datetime import date
from decimal import Decimal

import pytest

from sikap.core import request_memo
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.ipasn.engine import compute_ip_asn, config_in_force
from sikap.ipasn.models import Band, Category, Configuration
from sikap.org.models import JenisJabatan
from sikap.people.models import (
    KategoriDiklat,
    Kedudukan,
    Predikat,
    RiwayatSkp,
    StatusPegawai,
    TingkatHukdis,
)
from sikap.rules import indices as rule
from sikap.rules.education import TINGKAT, jenjang


def test_the_rule_vocabulary_is_the_models_vocabulary():
    assert set(rule.STATUS) == set(StatusPegawai.values)
    assert set(rule.KEDUDUKAN) == set(Kedudukan.values)
    assert set(rule.JENIS_JABATAN) == set(JenisJabatan.values)
    assert set(rule.PREDIKAT) == set(Predikat.values)
    assert set(rule.HUKDIS) == set(TingkatHukdis.values)
    assert set(rule.DIKLAT) == set(KategoriDiklat.values)
    assert {jenjang(code) for code in TINGKAT} == set(rule.JENJANG)


def test_the_2019_ladder_is_seeded_with_the_seeds_weights(db):
    record, config = config_in_force(2023)
    assert record.berlaku_mulai == date(2019, 1, 1)
    assert [d.code for d in config.dimensions] == [
        "kualifikasi",
        "kinerja",
        "disiplin",
        "kompetensi",
    ]
    weights = {d.code: [c.weight for c in d.categories] for d in config.dimensions}
    assert weights["kualifikasi"] == [25, 20, 15, 15, 10, 5, 5, 5, 1, 1]
    assert weights["kinerja"] == [30, 25, 15, 5, 1]
    assert weights["disiplin"] == [5, 3, 2, 1]
    assert weights["kompetensi"] == [15, 15, 15, Decimal("22.5"), 10, Decimal("17.5")]
    assert config.window == rule.Window(0, 1, 1)
    assert (config.rounding, config.decimals) == ("half_up", 2)
    assert [b.upper for b in config.bands] == [60, 70, 80, 90, 100]


def test_the_configuration_in_force_is_the_latest_effective_by_31_december(db):
    bkn = Configuration.objects.create(
        nama="BKN", berlaku_mulai=date(2024, 12, 31), skp_year_offset=-1, hukdis_years=5
    )
    assert config_in_force(2023)[0].nama.startswith("Perban BKN 8/2019")
    assert config_in_force(2024)[0] == bkn
    assert config_in_force(2030)[0] == bkn
    assert config_in_force(2030)[1].window == rule.Window(-1, 5, 1)


def test_the_configuration_in_force_loads_in_two_queries_and_reads_as_the_stored_rows(
    db, django_assert_num_queries
):
    with django_assert_num_queries(2):
        record, config = config_in_force(2023)
    stored = Configuration.objects.get(pk=record.pk)  # read relation by relation
    assert config == stored.as_rule()
    assert record.gabungan_status == stored.gabungan_status


def test_a_request_reads_the_configuration_once_and_again_after_a_change_to_it(
    db, django_assert_num_queries
):
    with request_memo.scope():
        with django_assert_num_queries(2):
            config_in_force(2023)
            config_in_force(2023, "truncate")
        band = Band.objects.filter(config=config_in_force(2023)[0]).order_by("batas_atas").first()
        band.nama = "Amat Rendah"
        band.save()
        assert config_in_force(2023)[1].bands[0].label == "Amat Rendah"
    with django_assert_num_queries(2):  # outside a request nothing is kept
        config_in_force(2023)


def test_a_configuration_without_dimensions_or_bands_still_loads(db):
    empty = Configuration.objects.create(nama="Kosong", berlaku_mulai=date(2040, 1, 1))
    record, config = config_in_force(2040)
    assert record == empty
    assert (config.dimensions, config.bands) == ((), ())


def test_admin_bkd_changes_a_weight_in_kelola_with_an_audit_row(world):
    category = Category.objects.get(dimension__kode="kompetensi", kode="teknis_pelaksana")
    response = world.client("admin_bkd").post(
        f"/kelola/ipasn/dimension/{category.dimension_id}/change/",
        _dimension_form(category.dimension, {category.pk: {"bobot": "20"}}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    category.refresh_from_db()
    assert category.bobot == Decimal("20.00")
    entry = AuditEntry.objects.get(object_id=str(category.pk), action="update")
    assert [Decimal(v) for v in entry.changes["bobot"]] == [Decimal("22.5"), Decimal(20)]
    assert entry.actor == world.users["admin_bkd"]


def test_an_invalid_criterion_is_refused_in_indonesian(world):
    category = Category.objects.get(dimension__kode="kualifikasi", kode="s2")
    response = world.client("admin_bkd").post(
        f"/kelola/ipasn/dimension/{category.dimension_id}/change/",
        _dimension_form(category.dimension, {category.pk: {"kriteria": '{"jenjang": ["S4"]}'}}),
    )
    assert response.status_code == 200
    assert (
        "Nilai &#x27;S4&#x27; tidak dikenal untuk &#x27;jenjang&#x27;" in response.content.decode()
    )
    category.refresh_from_db()
    assert category.kriteria == {"jenjang": ["S2"]}


@pytest.mark.parametrize("persona", ["pimpinan", "admin_opd", "verifikator", "pegawai"])
def test_other_roles_cannot_change_the_configuration(world, persona):
    band = Band.objects.get(nama="Sedang")
    response = world.client(persona).post(
        f"/kelola/ipasn/configuration/{band.config_id}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert "/kelola/login/" in response["Location"]
    assert Configuration.objects.filter(pk=band.config_id).exists()


def _dimension_form(dimension, changes: dict) -> dict:
    """The admin change form of a dimension as posted, with some category fields changed."""
    data = {
        "config": dimension.config_id,
        "kode": dimension.kode,
        "nama": dimension.nama,
        "urutan": dimension.urutan,
        "populasi": json.dumps(dimension.populasi),
    }
    categories = list(dimension.categories.order_by("urutan"))
    prefix = "categories"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": len(categories),
            f"{prefix}-INITIAL_FORMS": len(categories),
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    )
    for i, c in enumerate(categories):
        row = {
            "id": c.pk,
            "dimension": dimension.pk,
            "urutan": c.urutan,
            "kode": c.kode,
            "nama": c.nama,
            "bobot": str(c.bobot),
            "kriteria": json.dumps(c.kriteria),
            **changes.get(c.pk, {}),
        }
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_bands_that_stop_below_the_total_are_reported_not_a_crash(world):
    RiwayatSkp.objects.create(pegawai=world.pegawai, tahun=2023, predikat="baik")
    Band.objects.exclude(nama="Sangat Rendah").delete()
    Band.objects.update(batas_atas=1)
    with pytest.raises(SikapError, match="di atas batas kategori tertinggi"):
        compute_ip_asn(2023)
    response = world.client("pimpinan").get("/ip-asn/2023/")
    assert response.status_code == 200
    assert "di atas batas kategori tertinggi" in response.content.decode()
