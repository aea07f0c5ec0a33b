"""Issue 15: chapter III.A's analyses 5–7 — causes and solutions that staff write per IKU
indicator beside a prompt generated from the numbers, efficiency as capaian against budget
absorption per program with a true sentence, and the supporting programmes."""

import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.accounts.models import Peran
from sikap.core.errors import SikapError
from sikap.lkj.builder import build_lkj
from sikap.lkj.models import AnalisisIndikator
from sikap.lkj.services import save_analysis
from sikap.lkj.views import _analysis_forms
from sikap.performance.models import Indikator, Program
from sikap.performance.selectors import findings_for_year
from sikap.rules import narasi
from tests.factories import make_user


@pytest.mark.parametrize(
    "capaian, serapan, ratio, words",
    [
        (D("98.50"), D("96.71"), D("1.02"), "sebanding atau lebih tinggi"),
        (D("60"), D("99.53"), D("0.60"), "lebih rendah dari anggaran yang terserap"),
    ],
)
def test_the_efficiency_sentence_follows_the_ratio(capaian, serapan, ratio, words):
    value, sentence = narasi.efisiensi("PROGRAM X", capaian, serapan)
    assert value == ratio and words in sentence and "PROGRAM X" in sentence


def test_efficiency_per_program_in_the_report(sakip):
    lkj = build_lkj(2023)
    assert lkj.efisiensi.headers[2:] == (
        "Rata-rata capaian indikator",
        "Penyerapan anggaran",
        "Rasio",
    )
    codes = [r.cells[0] for r in lkj.efisiensi.rows]
    assert codes == ["A", "B", "C"]
    assert len(lkj.efisiensi_narasi) == 3 and "96,71 %" in lkj.efisiensi_narasi[0]


def test_staff_causes_solutions_and_programmes_are_printed(sakip):
    perencana = make_user("perencana.analisis", Peran.PERENCANA)
    kinerja = Indikator.objects.get(nama="Indeks Kinerja ASN")
    program = Program.objects.get(renja__tahun=2023, kode="A")
    save_analysis(
        2023,
        kinerja.pk,
        penyebab="Sebagian OPD terlambat menilai SKP.",
        solusi="Pendampingan penilaian SKP per triwulan.",
        programs=[program],
        actor=perencana,
    )
    a = build_lkj(2023).analisis[2]
    assert a.penyebab == ("Sebagian OPD terlambat menilai SKP.",)
    assert a.solusi == ("Pendampingan penilaian SKP per triwulan.",)
    assert a.pendukung.startswith("Program pendukung: A PROGRAM KEPEGAWAIAN DAERAH")
    assert "96,71 %" in a.pendukung


def test_an_analysis_is_refused_for_a_non_planner_or_a_foreign_programme(sakip):
    kinerja = Indikator.objects.get(nama="Indeks Kinerja ASN")
    with pytest.raises(SikapError, match="perencana"):
        save_analysis(
            2023, kinerja.pk, penyebab="x", solusi="y", programs=[],
            actor=make_user("kepala.x", Peran.PIMPINAN),
        )  # fmt: skip
    perencana = make_user("perencana.analisis", Peran.PERENCANA)
    with pytest.raises(SikapError, match="bukan indikator kinerja utama tahun 2022"):
        save_analysis(2022, kinerja.pk, penyebab="x", solusi="y", programs=[], actor=perencana)
    assert not AnalisisIndikator.objects.exists()


def test_the_numbers_prompt_names_the_component_that_pulls_the_index_down(seed_regency, db):
    lkj = build_lkj(2023)
    kualifikasi = lkj.analisis[1].faktor
    assert kualifikasi.startswith("Dari angka: komponen yang paling menurunkan nilai adalah ")
    assert "PNS" in kualifikasi and "skor tertinggi 25" in kualifikasi
    assert lkj.analisis[0].faktor.startswith("Dari angka: dimensi dengan nilai terendah")


def test_the_page_saves_an_analysis(world, sakip):
    world.users["perencana"] = make_user("perencana.page", Peran.PERENCANA)
    client = world.client("perencana")
    kinerja = Indikator.objects.get(nama="Indeks Kinerja ASN")
    program = Program.objects.get(renja__tahun=2023, kode="B")
    assert "Simpan analisis" in client.get("/lkj/2023/").content.decode()
    response = client.post(
        "/lkj/2023/analisis/",
        {"indikator": kinerja.pk, "penyebab": "P", "solusi": "S", "program": [program.pk]},
    )
    assert response.status_code == 302
    saved = AnalisisIndikator.objects.get()
    assert (saved.penyebab, list(saved.program.all())) == ("P", [program])
    bad = client.post("/lkj/2023/analisis/", {"indikator": "x"}, follow=True)
    assert "Analisis tidak disimpan" in bad.content.decode()
    assert AnalisisIndikator.objects.count() == 1


def test_the_analysis_forms_draw_their_programmes_from_one_query(sakip):
    kinerja = Indikator.objects.get(nama="Indeks Kinerja ASN")
    program = Program.objects.get(renja__tahun=2023, kode="B")
    save_analysis(2023, kinerja.pk, penyebab="P", solusi="S", programs=[program], actor=_planner())
    with CaptureQueriesContext(connection) as queries:
        forms = _analysis_forms(2023)
        drawn = [str(form["program"]) for form in forms.values()]
    assert len(forms) >= 3
    # One list of the year's programmes for every form (the other read is the programmes
    # already chosen, prefetched once for all analyses).
    sql = [q["sql"] for q in queries if 'FROM "performance_program"' in q["sql"]]
    assert len([s for s in sql if "lkj_analisisindikator_program" not in s]) == 1, sql
    ticked = re.compile(rf'value="{program.pk}" id="[^"]+" checked')
    assert [bool(ticked.search(html)) for html in drawn].count(True) == 1


def test_the_page_runs_the_consistency_checks_once(world, sakip, monkeypatch):
    calls = []

    def counted(year):
        calls.append(year)
        return findings_for_year(year)

    monkeypatch.setattr("sikap.lkj.builder.findings_for_year", counted)
    monkeypatch.setattr("sikap.lkj.services.findings_for_year", counted)
    page = world.client("admin_bkd").get("/lkj/2023/").content.decode()
    assert calls == [2023]
    assert "Temuan tingkat A yang harus dikonfirmasi" in page


def _planner():
    return make_user("perencana.forms", Peran.PERENCANA)
