# ruff: noqa: E501 — a CSV file as it is written.
"""Issue 15: the LKj says only what is true for the data and configuration it is built from.
Each test pins one of the findings (the number in its name) on the seed's 2023 tables or on a
second agency's year: Renja indicators only, one lower-is-better, no budget, no IKU."""

import html
import re
from decimal import Decimal as D

import pytest

from sikap.accounts.system import system_actor
from sikap.ipasn.models import Configuration, GabunganStatus
from sikap.lkj.builder import build_lkj
from sikap.lkj.defaults import default_for
from sikap.lkj.models import LkjTeks
from sikap.lkj.pdf import lkj_html
from sikap.performance.importer import RENJA, parse_bundle
from sikap.performance.models import IndikatorRenja, PengaturanCapaian, RealisasiTriwulan, Status
from sikap.performance.services import import_sakip

RENJA_2024 = """code,level,parent_code,source_no,name,indicator,target_value,target_unit,target_budget,direction,aggregation
I,urusan,,I,KEPEGAWAIAN,,,,,,
A,program,I,A,PROGRAM PELAYANAN KEPEGAWAIAN,Persentase layanan selesai tepat waktu,90,%,,naik,terakhir
A,program,I,A,PROGRAM PELAYANAN KEPEGAWAIAN,Jumlah keluhan layanan,10,Kasus,,turun,jumlah
A.1,kegiatan,A,1,Pelayanan Mutasi,Jumlah dokumen mutasi,40,Dokumen,,higher,sum
"""


def _pdf_text(lkj) -> str:
    """The words the PDF prints (its HTML without tags; the layout is test_outputs')."""
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", lkj_html(lkj), flags=re.S)
    return " ".join(html.unescape(text).split())


@pytest.fixture
def renja_only(db):
    """A second agency's year: Renja indicators only (no IKU, no Renstra, no budget)."""
    files = {RENJA: ("renja_2024.csv", RENJA_2024.encode())}
    import_sakip(parse_bundle(files, 2024), actor=system_actor())
    for indikator, k in (
        ("Persentase layanan selesai tepat waktu", D(95)),
        ("Jumlah keluhan layanan", D(8)),
        ("Jumlah dokumen mutasi", D(40)),
    ):
        row = IndikatorRenja.objects.get(renja__tahun=2024, indikator=indikator)
        RealisasiTriwulan.objects.update_or_create(
            indikator=row, triwulan=4, defaults={"k": k, "state": Status.TERVERIFIKASI}
        )


def test_1_the_method_sentence_follows_the_configured_convention(renja_only):
    default = build_lkj(2024).metode
    assert "(2 × target − realisasi) ÷ target × 100 %" in default
    PengaturanCapaian.objects.create(berlaku_mulai=2024, konvensi_turun="inverse")
    lkj = build_lkj(2024)
    assert "target ÷ realisasi × 100 %" in lkj.metode and "2 × target" not in lkj.metode
    row = next(r for r in lkj.capaian.rows if r.cells[3] == "Jumlah keluhan layanan")
    assert row.cells[-1] == "125,00 %"  # 10 ÷ 8, the T/R the sentence names
    text = _pdf_text(lkj)
    assert "2 × target" not in text and "target ÷ realisasi × 100 %" in text


def test_1_without_a_lower_is_better_indicator_no_such_clause(sakip):
    assert "semakin rendah" not in build_lkj(2023).metode


def test_4_the_signed_annual_figure_is_printed_and_the_difference_explained(sakip):
    lkj = build_lkj(2023)
    rows = {(r.cells[2]): r.cells for r in lkj.triwulan.rows if r.cells[2]}
    disiplin = rows["Persentase penyelesaian dokumen Disiplin ASN"]
    assert disiplin[13].startswith("96 % [") and disiplin[-1] == "105,49 %"  # 96 ÷ 91
    assert "31,04" not in " ".join(disiplin)
    lembaga = rows["Jumlah Lembaga Profesi ASN yang Difasilitasi"]
    assert lembaga[13].startswith("4 Lembaga [") and lembaga[-1] == "100,00 %"
    note = next(c for c in lkj.triwulan_catatan if "Disiplin ASN" in c)
    assert "96 %" in note and "28,25 %" in note and "Catatan Konsistensi Data" in note
    found = [r.cells[3] for r in lkj.konsistensi.rows]
    assert any("96" in t and "28,25" in t for t in found)
    assert "22 tingkat A" in lkj.konsistensi_pengantar


def test_6_a_capaian_that_cannot_be_computed_says_why(sakip):
    lkj = build_lkj(2023)
    [row] = [r.cells for r in lkj.triwulan.rows if r.cells[0] == "C.1.b"]
    marker = row[-1].removeprefix("— ")
    assert row[-1].startswith("— [") and any(
        c.startswith(marker) and "Target 0" in c for c in lkj.triwulan_catatan
    )


def test_7_bab_iv_concludes_with_figures_and_the_staffs_proposals(sakip):
    teks = LkjTeks.for_year(2023)
    teks.saran = "Percepat izin belajar\nPerluas uji kompetensi"
    teks.save()
    lkj = build_lkj(2023)
    assert lkj.simpulan[0] == (
        "Dari 5 indikator kinerja utama tahun 2023, 2 melampaui target, 1 mencapai target dan "
        "2 belum mencapai target."
    )
    assert "Indeks kualifikasi pendidikan ASN (95,23 %)" in lkj.simpulan[1]
    assert any("terserap Rp7.089.765.835,00 (98,71 %)" in p for p in lkj.simpulan)
    assert lkj.saran == ("Percepat izin belajar", "Perluas uji kompetensi")
    assert "lkj.saran" in _docx_template_tags()


def _docx_template_tags() -> str:
    from docx import Document

    from sikap.lkj.docx_template import TEMPLATE

    return "\n".join(p.text for p in Document(TEMPLATE).paragraphs)


def test_9_the_legal_basis_is_correct():
    text = default_for("dasar_hukum", 2023)
    assert "Peraturan Badan Kepegawaian Negara Nomor 8 Tahun 2019" in text
    assert "Peraturan Kepala Badan Kepegawaian Negara" not in text
    assert "Nomor 38 Tahun 2018 tentang Pengukuran Indeks Profesionalitas" in text


def test_14_default_texts_follow_the_report_year():
    assert "109 Tahun 2021" not in default_for("dasar_hukum", 2020)
    assert "109 Tahun 2021" not in default_for("gambaran_umum", 2020)
    assert "sebagaimana telah diubah" in default_for("gambaran_umum", 2023)
    assert default_for("hambatan", 2020) == "" and default_for("upaya", 2020) == ""
    assert "SIPERLU" in default_for("upaya", 2023)
    assert default_for("tanggal", 2020) == "Januari 2021"
    assert "E-Berkala" not in default_for("inovasi", 2020)
    assert "SIPERLU" in default_for("inovasi", 2020)


def test_12_tujuan_and_sasaran_have_their_own_columns(sakip):
    lkj = build_lkj(2023)
    assert lkj.capaian.headers[1:3] == ("Tujuan", "Sasaran Strategis")
    ip = lkj.capaian.rows[0].cells
    assert ip[1] == "Meningkatnya Profesionalitas ASN" and ip[2] == "—"
    assert lkj.pk_sasaran.rows[0].cells[:2] == ("Meningkatnya Profesionalitas ASN", "—")
    assert "target 100 %" in lkj.charts[0].svg


def test_13_a_year_without_iku_or_budget_leaves_out_what_it_does_not_have(renja_only):
    lkj = build_lkj(2024)
    assert [r.cells[3] for r in lkj.capaian.rows] == [
        "Persentase layanan selesai tepat waktu",
        "Jumlah keluhan layanan",
    ]
    assert lkj.charts[0].title == "Capaian indikator program tahun 2024"
    assert lkj.anggaran is None and lkj.charts[1] is None
    assert any("indikator program" in p for p in lkj.ikhtisar)
    assert lkj.catatan_indeks is None and lkj.ip_total is None
    text = _pdf_text(lkj)
    assert "Rp0,00" not in text and "Nilai indeks adalah" not in text
    assert "tidak memuat anggaran" in text


def test_2_3_10_formulas_name_their_population_and_the_published_figure(seed_regency, db):
    lkj = build_lkj(2023)
    populations = [f.populasi for f in lkj.formulas]
    assert populations[0] == "Penyebut: jumlah PNS aktif = 5.508"
    assert populations[1] == (
        "Penyebut: jumlah PNS dan PPPK aktif yang memiliki nilai SKP tahun 2023 = 5.845"
    )
    assert all("LKj:" not in f.rumus for f in lkj.formulas)
    assert lkj.formulas[1].rumus.endswith(
        "/ Jumlah PNS dan PPPK aktif yang memiliki nilai SKP tahun 2023"
    )
    published = [r.cells[3] for r in lkj.konsistensi.rows if r.cells[1] == "angka terbit"]
    assert any("66,90" in t and "66,91" in t and "setengah ke atas" in t for t in published)
    assert "(setengah ke atas)" in lkj.catatan_indeks


def test_16_the_ip_asn_per_status_and_the_configured_roll_up(seed_regency, db):
    # PNS counts CPNS too; its kinerja leaves the PPPK out, so it differs from all ASN.
    rows = {r.cells[0]: r.cells for r in build_lkj(2023).ip_status.rows}
    assert rows["PNS"][1:] == ("5.509", "66,97") and rows["PPPK"][2] == "—"
    assert rows["Seluruh ASN (satu indeks)"][2] == "66,91"
    Configuration.objects.update(gabungan_status=GabunganStatus.TERTIMBANG)
    lkj = build_lkj(2023)
    assert lkj.ip_status_catatan == (
        "IP ASN yang dilaporkan adalah gabungan tertimbang jumlah pegawai: (66,97 × 5.509) ÷ "
        "5.509 = 66,97."
    )
    assert lkj.capaian.rows[0].cells[6] == "66,97"  # the IKU states the configured figure
    assert lkj.ip_total is None  # 66,97 is not the sum of all ASN's dimensions
