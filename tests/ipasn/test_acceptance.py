"""Acceptance: on data with the seed's 2023 counts, `sikap ip-asn` prints the seed's figures."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from sikap.ipasn.engine import compute_ip_asn, compute_ip_asn_per_opd
from tests.factories import make_opd
from tests.ipasn.population import build_seed_population


def ip_asn_json(*args) -> dict:
    out = StringIO()
    call_command("ip-asn", "--year", "2023", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def seed_regency(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end; each
    test still runs in its own savepoint (the `db` fixture)."""
    with django_db_blocker.unblock(), transaction.atomic():
        opds = [make_opd("Dinas Pendidikan", "DINDIK"), make_opd("Dinas Kesehatan", "DINKES")]
        build_seed_population(opds)
        yield opds
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_in_a_savepoint(db):
    pass


def test_the_command_reproduces_the_seeds_published_index(seed_regency):
    data = ip_asn_json()
    values = {s["dimensi"]: s["nilai_dibulatkan"] for s in data["indeks"]}
    assert values == {
        "kualifikasi": "12.38",
        "kinerja": "25.44",
        "disiplin": "4.99",
        "kompetensi": "24.10",
    }
    assert data["ip_asn"] == "66.91"
    assert data["kategori"] == "Rendah"
    by_dim = {s["dimensi"]: s for s in data["indeks"]}
    assert {k: s["populasi"] for k, s in by_dim.items()} == {
        "kualifikasi": 5508,
        "kinerja": 5845,
        "disiplin": 5508,
        "kompetensi": 5508,
    }
    assert {k: s["jumlah_tertimbang"] for k, s in by_dim.items()} == {
        "kualifikasi": "68191",
        "kinerja": "148717",
        "disiplin": "27496",
        "kompetensi": "132720",
    }
    assert [c["jumlah"] for c in by_dim["disiplin"]["komponen"]] == [5494, 5, 2, 7]
    assert [c["jumlah"] for c in by_dim["kompetensi"]["komponen"]] == [
        298, 9, 3060, 894, 4229, 1132,
    ]  # fmt: skip
    assert by_dim["kualifikasi"]["rumus"].startswith("{(0 × 25) + (235 × 20) + (3.363 × 15)")
    assert by_dim["kualifikasi"]["rumus"].endswith("} / 5.508 = 12,38")


def test_truncation_gives_the_printed_24_09_and_66_90(seed_regency):
    data = ip_asn_json("--rounding", "truncate")
    kompetensi = next(s for s in data["indeks"] if s["dimensi"] == "kompetensi")
    assert kompetensi["nilai_dibulatkan"] == "24.09"
    assert data["ip_asn"] == "66.90"
    assert data["konfigurasi"]["pembulatan"] == "truncate"


def test_text_output_shows_formulas_total_and_category(seed_regency):
    out = StringIO()
    call_command("ip-asn", "--year", "2023", stdout=out)
    text = out.getvalue()
    assert "Indeks Kompetensi ASN: 24,10" in text
    assert "/ 5.845 = 25,44" in text
    assert "IP ASN: 66,91 (Rendah)" in text


def test_per_opd_results_add_up_to_the_regency(seed_regency, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        per_opd = compute_ip_asn_per_opd(2023)
    assert [r.opd.kode for r in per_opd] == ["DINKES", "DINDIK"]  # by name
    whole = compute_ip_asn(2023)
    for whole_sub in whole.sub_indices:
        parts = [r.sub_index(whole_sub.code) for r in per_opd]
        assert sum(p.population for p in parts) == whole_sub.population
        assert sum(p.weighted_sum for p in parts) == whole_sub.weighted_sum
    alone = compute_ip_asn(2023, opd="DINKES")
    assert alone.sub_indices == per_opd[0].sub_indices


def test_unknown_opd_or_a_year_before_any_configuration_is_an_error(seed_regency):
    with pytest.raises(CommandError, match="OPD dengan kode 'XYZ' tidak ditemukan"):
        ip_asn_json("--opd", "XYZ")
    with pytest.raises(CommandError, match="Belum ada konfigurasi IP ASN .* tahun 2018"):
        call_command("ip-asn", "--year", "2018", stdout=StringIO())
