"""Builds the LKj's Word template (`templates/lkj/lkj-template.docx`) with python-docx.

Run once after changing this file: `python -m sikap.lkj.docx_template`. The result is committed
so that staff can restyle it in Word (fonts, margins, the cover, wording around the tags) while
keeping the `{{ … }}` / `{%p … %}` tags: docxtpl fills them from the same `Lkj` object as the
PDF. Tables and charts are inserted where `{{p … }}` tags stand (see docx.py).
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TEMPLATE = Path(__file__).resolve().parent / "templates" / "lkj" / "lkj-template.docx"


def _centered(doc, text: str, *, size: int = 11, bold: bool = False, before: int = 0):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(before)
    run = p.add_run(text)
    run.bold, run.font.size = bold, Pt(size)
    return p


def _chapter(doc, text: str, sub: str = ""):
    h = doc.add_heading(text, level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if sub:
        h.add_run().add_break()
        h.add_run(sub)
    return h


def _page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _paragraphs(doc, var: str):
    doc.add_paragraph(f"{{%p for p in {var} %}}")
    doc.add_paragraph("{{ p }}").paragraph_format.first_line_indent = Mm(10)
    doc.add_paragraph("{%p endfor %}")


def _numbered(doc, var: str, marker: str = "{{ loop.index }}."):
    doc.add_paragraph(f"{{%p for i in {var} %}}")
    p = doc.add_paragraph(f"{marker}\t{{{{ i }}}}")
    p.paragraph_format.left_indent = Mm(8)
    p.paragraph_format.first_line_indent = Mm(-8)
    doc.add_paragraph("{%p endfor %}")


def _toc(doc):
    """A Word TOC field; Word fills the page numbers when the document opens (updateFields)."""
    p = doc.add_paragraph()
    for kind, text in (("begin", None), (None, 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None)):
        run = p.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    p.add_run("Daftar isi diperbarui saat dokumen dibuka (atau tekan F9).")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    p.add_run()._r.append(end)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _signature(doc):
    for text, bold in (
        ("{{ lkj.ttd.tempat_tanggal }}", False),
        ("{{ lkj.ttd.jabatan }},", False),
        ("", False),
        ("", False),
        ("", False),
        ("{{ lkj.ttd.nama }}", True),
        ("{{ lkj.ttd.nip }}", False),
    ):
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(85)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold


def build(path: Path = TEMPLATE) -> Path:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name, style.font.size = "Arial", Pt(size)
        style.font.color.rgb = None
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(22)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)

    # Cover
    _centered(doc, "LAPORAN KINERJA", size=26, bold=True, before=80)
    _centered(doc, "(LKj)", size=22, bold=True)
    _centered(doc, "TAHUN {{ lkj.tahun }}", size=16, before=12)
    _centered(doc, "{{ lkj.instansi|upper }}", size=17, bold=True, before=260)
    _centered(doc, "{{ lkj.pemda|upper }}", size=17, bold=True)
    _centered(doc, "{{ lkj.alamat }}", size=9)
    _page_break(doc)

    _chapter(doc, "KATA PENGANTAR")
    _paragraphs(doc, "lkj.kata_pengantar")
    _signature(doc)
    _page_break(doc)
    _centered(doc, "DAFTAR ISI", size=14, bold=True)
    _toc(doc)
    _page_break(doc)
    _chapter(doc, "IKHTISAR EKSEKUTIF")
    _paragraphs(doc, "lkj.ikhtisar")
    _page_break(doc)

    _chapter(doc, "BAB I", "PENDAHULUAN")
    doc.add_heading("A. Latar Belakang", level=2)
    _paragraphs(doc, "lkj.latar_belakang")
    doc.add_heading("B. Maksud dan Tujuan", level=2)
    doc.add_heading("1. Maksud", level=3)
    _paragraphs(doc, "lkj.maksud")
    doc.add_heading("2. Tujuan", level=3)
    _paragraphs(doc, "lkj.tujuan")
    doc.add_heading("C. Gambaran Umum", level=2)
    _paragraphs(doc, "lkj.gambaran_umum")
    doc.add_heading("1. Tugas Pokok", level=3)
    _paragraphs(doc, "lkj.tugas_pokok")
    doc.add_heading("2. Fungsi", level=3)
    _numbered(doc, "lkj.fungsi", "{{ 'abcdefghijklmnopqrstuvwxyz'[loop.index0] }}.")
    doc.add_heading("3. Struktur Organisasi", level=3)
    _numbered(doc, "lkj.struktur", "{{ 'abcdefghijklmnopqrstuvwxyz'[loop.index0] }}.")
    doc.add_heading("D. Dasar Hukum", level=2)
    _numbered(doc, "lkj.dasar_hukum")
    doc.add_heading("E. Sistematika Penulisan", level=2)
    doc.add_paragraph("{%p for title, text in lkj.sistematika %}")
    doc.add_paragraph("{{ title }}: {{ text }}")
    doc.add_paragraph("{%p endfor %}")
    _page_break(doc)

    _chapter(doc, "BAB II", "PERENCANAAN KINERJA")
    doc.add_heading("A. Rencana Strategis {{ lkj.renstra_periode }}", level=2)
    _paragraphs(doc, "lkj.renstra_pengantar")
    for title, var in (
        ("1. Visi", "lkj.visi"),
        ("2. Misi", "lkj.misi"),
        ("3. Tujuan", "lkj.tujuan_renstra"),
        ("4. Sasaran", "lkj.sasaran_renstra"),
        ("5. Indikator Sasaran", "lkj.indikator_renstra"),
        ("6. Kebijakan", "lkj.kebijakan"),
        ("7. Program", "lkj.program_renstra"),
    ):
        doc.add_heading(title, level=3)
        _numbered(doc, var, "•" if var != "lkj.misi" else "{{ loop.index }}.")
    doc.add_heading("B. Rencana Kinerja Tahunan", level=2)
    doc.add_paragraph("{%p if tabel.rencana_tahunan %}")
    doc.add_paragraph("Target kinerja tahun {{ lkj.tahun }} untuk setiap sasaran strategis:")
    doc.add_paragraph("{{p tabel.rencana_tahunan }}")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(
        "Tahun {{ lkj.tahun }} tidak memiliki indikator kinerja utama (IKU) dalam SIKAP; target "
        "kinerja adalah target indikator program, kegiatan dan sub kegiatan di bawah ini."
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if lkj.formulas %}")
    doc.add_heading("Indikator Kinerja Utama dan formulanya", level=3)
    doc.add_paragraph("{%p for f in lkj.formulas %}")
    doc.add_paragraph("{{ loop.index }}. {{ f.nama }}").runs[0].bold = True
    doc.add_paragraph("{{ f.rumus }}").style = doc.styles["Quote"]
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ lkj.catatan_indeks or '' }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Program, kegiatan dan sub kegiatan beserta target kinerja dan anggarannya:")
    doc.add_paragraph("{{p tabel.renja }}")
    doc.add_paragraph("{%p if tabel.program_anggaran %}")
    doc.add_paragraph("{{p tabel.program_anggaran }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("C. Perjanjian Kinerja", level=2)
    doc.add_paragraph("{{ lkj.pk_keterangan }}")
    doc.add_paragraph("{%p if tabel.pk_sasaran %}")
    doc.add_paragraph("{{p tabel.pk_sasaran }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if tabel.pk_program %}")
    doc.add_paragraph("{{p tabel.pk_program }}")
    doc.add_paragraph("{%p endif %}")
    _page_break(doc)

    _chapter(doc, "BAB III", "AKUNTABILITAS KINERJA")
    doc.add_heading("A. Capaian Kinerja Organisasi", level=2)
    doc.add_paragraph("{{ lkj.metode }}")
    doc.add_paragraph("{%p if tabel.capaian %}")
    doc.add_paragraph("{{p tabel.capaian }}")
    doc.add_paragraph("{{ grafik.capaian }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _centered(doc, "Gambar 1. {{ lkj.charts[0].title }}", size=9)
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ lkj.capaian_kosong }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if tabel.ip_status %}")
    doc.add_paragraph("{{p tabel.ip_status }}")
    doc.add_paragraph("{{ lkj.ip_status_catatan }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for a in lkj.analisis %}")
    doc.add_heading("{{ a.nomor }}. {{ a.indikator }}", level=3)
    doc.add_paragraph("{%p if a.formula %}")
    doc.add_paragraph("{{ a.formula.rumus }}").style = doc.styles["Quote"]
    doc.add_paragraph("= {{ a.formula.substitusi }}").style = doc.styles["Quote"]
    doc.add_paragraph("{{ a.formula.populasi }}; nilai indeks = {{ a.formula.nilai }}.")
    doc.add_paragraph("{%p elif loop.first and lkj.ip_total %}")
    doc.add_paragraph("{{ lkj.ip_total }}").style = doc.styles["Quote"]
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph(
        "{{ a.narasi }}{% if a.tahun_lalu %} {{ a.tahun_lalu }}{% endif %}"
        "{% if a.renstra %} {{ a.renstra }}{% endif %}{% if a.standar %} {{ a.standar }}{% endif %}"
    )
    for var, label in (
        ("a.faktor", ""),
        ("a.penyebab|join(' ')", "Penyebab: "),
        ("a.solusi|join(' ')", "Solusi: "),
        ("a.pendukung", ""),
    ):
        test = var.split("|")[0]
        doc.add_paragraph(f"{{%p if {test} %}}")
        doc.add_paragraph(f"{label}{{{{ {var} }}}}")
        doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if lkj.multi_tahun %}")
    doc.add_paragraph("{{p tabel.multi_tahun }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Efisiensi penggunaan sumber daya", level=3)
    doc.add_paragraph("{%p if tabel.efisiensi %}")
    doc.add_paragraph("{{p tabel.efisiensi }}")
    _paragraphs(doc, "lkj.efisiensi_narasi")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(
        "Tidak ada program dengan capaian indikator dan penyerapan anggaran sekaligus: "
        "efisiensi tidak dapat dinilai."
    )
    doc.add_paragraph("{%p endif %}")
    for title, var in (
        ("Hambatan dan kendala", "lkj.hambatan"),
        ("Upaya dan strategi", "lkj.upaya"),
        ("Inovasi pendukung", "lkj.inovasi"),
    ):
        doc.add_paragraph(f"{{%p if {var} %}}")
        doc.add_heading(title, level=3)
        _numbered(doc, var)
        doc.add_paragraph("{%p endif %}")
    doc.add_heading("B. Realisasi Anggaran", level=2)
    doc.add_paragraph("{%p if tabel.anggaran %}")
    doc.add_paragraph("{{p tabel.anggaran }}")
    doc.add_paragraph("{{ lkj.anggaran_narasi }}")
    doc.add_paragraph("{{ grafik.anggaran }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _centered(doc, "Gambar 2. {{ lkj.charts[1].title }}", size=9)
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ lkj.anggaran_narasi }}")
    doc.add_paragraph("{%p endif %}")

    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Mm(297), Mm(210)
    wide.left_margin = wide.right_margin = Mm(12)
    wide.top_margin = wide.bottom_margin = Mm(16)
    doc.add_heading(
        "Capaian Kinerja dan Realisasi Anggaran per Triwulan Tahun {{ lkj.tahun }}", level=2
    )
    doc.add_paragraph("{{p tabel.triwulan }}")
    note = doc.add_paragraph(
        "K: realisasi kinerja; Rp: realisasi anggaran. Anggaran dibelanjakan di sub kegiatan: "
        "baris “Jumlah” program dan kegiatan adalah jumlah sub kegiatannya. Capaian baris "
        "indikator = realisasi K terhadap target K; capaian baris “Jumlah” = penyerapan anggaran."
    )
    note.runs[0].font.size = Pt(8)
    doc.add_paragraph("{%p for c in lkj.triwulan_catatan %}")
    doc.add_paragraph("{{ c }}").runs[0].font.size = Pt(8)
    doc.add_paragraph("{%p endfor %}")

    back = doc.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = Mm(210), Mm(297)
    back.left_margin, back.right_margin = Mm(30), Mm(22)
    back.top_margin, back.bottom_margin = Mm(25), Mm(22)
    doc.add_heading("C. Catatan Konsistensi Data", level=2)
    doc.add_paragraph("{{ lkj.konsistensi_pengantar }}")
    doc.add_paragraph("{%p if tabel.konsistensi %}")
    doc.add_paragraph("{{p tabel.konsistensi }}")
    doc.add_paragraph("{%p endif %}")
    _page_break(doc)
    _chapter(doc, "BAB IV", "PENUTUP")
    doc.add_heading("A. Simpulan", level=2)
    _paragraphs(doc, "lkj.simpulan")
    doc.add_heading("B. Usulan dan Saran", level=2)
    doc.add_paragraph("{%p if lkj.saran %}")
    _numbered(doc, "lkj.saran")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("Belum ada usulan dan saran yang dicatat untuk tahun {{ lkj.tahun }}.")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("C. Penutup", level=2)
    _paragraphs(doc, "lkj.penutup")
    _signature(doc)
    _page_break(doc)
    _chapter(doc, "LAMPIRAN", "PERJANJIAN KINERJA TAHUN {{ lkj.tahun }}")
    doc.add_paragraph("{{ lkj.pk_keterangan }}")
    doc.add_paragraph(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
        "serta berorientasi pada hasil, {{ lkj.ttd.jabatan|title }} (pihak pertama) berjanji "
        "mewujudkan target kinerja tahunan berikut kepada {{ lkj.pk_pihak_kedua }} (pihak "
        "kedua), dan pihak kedua melakukan supervisi serta evaluasi atas capaiannya."
    )
    doc.add_paragraph("{%p if tabel.pk_sasaran %}")
    doc.add_paragraph("{{p tabel.pk_sasaran }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if tabel.pk_program %}")
    doc.add_paragraph("{{p tabel.pk_program }}")
    doc.add_paragraph("{%p endif %}")
    _centered(doc, "{{ lkj.pk_tanggal }}", before=12)
    _centered(
        doc, "Pihak kedua, {{ lkj.pk_pihak_kedua|upper }} · Pihak pertama, {{ lkj.ttd.jabatan }}"
    )
    _centered(doc, "……………………………          {{ lkj.ttd.nama }} ({{ lkj.ttd.nip }})", before=48)
    # The scan's sentence and its pages (docx.py), or the sentence that it is not uploaded.
    doc.add_paragraph("{%p if pindaian %}")
    doc.add_paragraph("{{p pindaian }}")
    doc.add_paragraph("{%p else %}")
    _centered(doc, "[{{ lkj.pindaian_teks }}]", size=9, before=24)
    doc.add_paragraph("{%p endif %}")
    doc.core_properties.title = "Laporan Kinerja"
    doc.core_properties.author = "SIKAP"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
