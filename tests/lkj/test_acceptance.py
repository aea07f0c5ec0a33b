"""Acceptance: on a regency with the seed's 2023 counts, BAB III shows the computed index, its
formulas with their own numbers, and says kualifikasi is BELOW target."""

import json
from io import StringIO

from django.core.management import call_command

from sikap.lkj.builder import build_lkj


def ip_asn_json() -> dict:
    out = StringIO()
    call_command("ip-asn", "--year", "2023", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_bab_iii_shows_the_computed_index_and_the_truth_about_each_target(seed_regency, db):
    lkj = build_lkj(2023)
    realisasi = [r.cells[6] for r in lkj.capaian.rows]
    assert realisasi == ["66,91", "12,38", "25,44", "4,99", "24,10"]
    assert (
        lkj.ip_total
        == "IP ASN = IP1 + IP2 + IP3 + IP4 = 12,38 + 25,44 + 4,99 + 24,10 = 66,91 (kategori Rendah)"
    )
    kualifikasi = lkj.analisis[1]
    assert kualifikasi.status == "belum_mencapai"
    assert kualifikasi.narasi.startswith(
        "Indeks kualifikasi pendidikan ASN belum mencapai target: realisasi 12,38 dari target "
        "13,00 (capaian 95,23 %, kurang 0,62 poin)"
    )
    assert [a.status for a in lkj.analisis] == [
        "melampaui", "belum_mencapai", "belum_mencapai", "mencapai", "melampaui",
    ]  # fmt: skip


def test_each_formula_carries_the_ip_asn_engines_own_numbers(seed_regency, db):
    lkj = build_lkj(2023)
    engine = {s["nama"]: s for s in ip_asn_json()["indeks"]}
    assert [f.nama for f in lkj.formulas] == [
        "Indeks Kualifikasi Pendidikan ASN", "Indeks Kinerja ASN", "Indeks Disiplin ASN",
        "Indeks Kompetensi ASN",
    ]  # fmt: skip
    for f in lkj.formulas:
        assert f.substitusi == engine[f.nama]["rumus"]
    assert lkj.formulas[0].substitusi.endswith("} / 5.508 = 12,38")
    assert lkj.formulas[1].substitusi.endswith("} / 5.845 = 25,44")
    assert "(298 × 15)" in lkj.formulas[3].substitusi
