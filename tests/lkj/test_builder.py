"""The report object: every figure is the one `sikap sakip capaian` and `sikap ip-asn` give;
comparisons appear when their data exists and are left out when it does not."""

import json
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from sikap.lkj.builder import build_lkj
from sikap.performance.models import IndikatorTarget, Renstra
from sikap.rules.formatting import angka, persen


def sakip_capaian_json() -> dict:
    out = StringIO()
    call_command("sakip", "capaian", "--year", "2023", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_every_bab_iii_figure_is_the_sakip_capaian_figure(sakip):
    lkj = build_lkj(2023)
    data = sakip_capaian_json()
    rows = [r.cells for r in lkj.capaian.rows]
    assert [r[3] for r in rows] == [i["indikator"] for i in data["iku"]]
    assert [r[5] for r in rows] == [angka(Decimal(i["target"])) for i in data["iku"]]
    assert [r[6] for r in rows] == [angka(Decimal(i["realisasi"])) for i in data["iku"]]
    assert [r[7] for r in rows] == [persen(Decimal(i["capaian"])) for i in data["iku"]]
    budget = {r.cells[0]: r.cells for r in lkj.anggaran.rows}
    assert budget["A"][3] == "Rp532.945.599,00" and budget["A"][4] == "96,71 %"
    assert budget[""][2:] == ("Rp7.182.204.967,00", "Rp7.089.765.835,00", "98,71 %")
    assert "Rp7.089.765.835,00" in lkj.anggaran_narasi  # not the seed's "Rp 67.089.765.835"


def test_without_personnel_the_manual_realisation_is_reported_and_said_so(sakip):
    lkj = build_lkj(2023)
    assert lkj.capaian.rows[1].cells[6] == "12,38"
    assert lkj.formulas == ()  # nothing was computed, so no formula with numbers is shown
    assert any("realisasi diisi manual" in c for c in lkj.catatan)


def test_the_quarterly_table_closes_on_the_sub_kegiatan(sakip):
    lkj = build_lkj(2023)
    jumlah_a = next(r for r in lkj.triwulan.rows if r.cells[1] == "Jumlah program A")
    # The program's own rows leave out A.1.e's Q4 (seed_inconsistencies 1.1); its sub
    # kegiatan do not: Q4 = 207.320.199 and the year 532.945.599.
    assert jumlah_a.cells[12] == "207.320.199"
    assert jumlah_a.cells[14] == "532.945.599"
    total = lkj.triwulan.rows[-1].cells
    assert total[1] == "JUMLAH" and total[4] == "7.182.204.967" and total[-1] == "98,71 %"


def test_no_earlier_year_means_no_comparison_sentence_and_a_dash_in_the_table(sakip):
    lkj = build_lkj(2023)
    assert all(a.tahun_lalu is None for a in lkj.analisis)
    assert lkj.multi_tahun.headers[1:4] == ("Realisasi 2021", "Realisasi 2022", "Realisasi 2023")
    assert lkj.multi_tahun.rows[1].cells[1:3] == ("—", "—")


def test_earlier_years_are_compared_when_recorded(sakip):
    for t in IndikatorTarget.objects.filter(tahun=2023):
        IndikatorTarget.objects.create(
            indikator=t.indikator, tahun=2022, target=t.target, realisasi=t.target - 1
        )
    lkj = build_lkj(2023)
    kualifikasi = lkj.analisis[1]
    assert kualifikasi.tahun_lalu == (
        "Realisasi tahun 2023 naik 0,38 poin dari 12,00 pada tahun 2022 (membaik)."
    )
    assert lkj.multi_tahun.headers[2] == "Realisasi 2022"
    assert lkj.multi_tahun.rows[1].cells[:4] == (
        "Indeks kualifikasi pendidikan ASN",
        "—",
        "12,00",
        "12,38",
    )


def test_the_renstra_final_target_is_left_out_when_it_has_none(sakip):
    assert (
        build_lkj(2023)
        .analisis[1]
        .renstra.startswith(
            "Realisasi tahun 2023 masih kurang 0,62 poin dari target akhir Renstra (13,00"
        )
    )
    Renstra.objects.update(tahun_akhir=2024)  # no 2024 targets recorded
    lkj = build_lkj(2023)
    assert all(a.renstra is None for a in lkj.analisis)
    assert lkj.multi_tahun is None
