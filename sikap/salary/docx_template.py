"""Builds the KGB letter's Word template (`templates/salary/surat-kgb.docx`) with python-docx.

Run once after changing this file: `python -m sikap.salary.docx_template`. The result is
committed so that staff can restyle it in Word (fonts, margins, wording around the tags) while
keeping the `{{ … }}` / `{%p … %}` / `{%tr … %}` tags: docxtpl fills them from the same context
as the PDF (`letter.letter_context`), see docx.py.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

TEMPLATE = Path(__file__).resolve().parent / "templates" / "salary" / "surat-kgb.docx"


def _para(doc, text: str = "", *, bold=False, center=False, size=11, after=2):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(after)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    return p


def _rows(doc, loop: str, numbered: bool = False) -> None:
    """A borderless two-column table repeated per `Baris` with {%tr %} rows."""
    t = doc.add_table(rows=3, cols=2)
    t.rows[0].cells[0].text = f"{{%tr for b in {loop} %}}"
    label = "{{ loop.index }}. {{ b.label }}" if numbered else "{{ b.label }}"
    t.rows[1].cells[0].text = label
    t.rows[1].cells[1].text = ": {{ b.value }}"
    t.rows[2].cells[0].text = "{%tr endfor %}"
    for row in t.rows:
        row.cells[0].width, row.cells[1].width = Mm(60), Mm(100)


def build() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.top_margin, section.bottom_margin = Mm(12), Mm(12)
    section.left_margin, section.right_margin = Mm(25), Mm(18)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)
    _para(doc, "{{ lambang }}", center=True)
    _para(doc, "{%p for baris in kop %}")
    _para(doc, "{{ baris }}", bold=True, center=True, size=13, after=0)
    _para(doc, "{%p endfor %}")
    _para(doc, "{{ setting.alamat }}", center=True, size=9, after=8)
    head = doc.add_table(rows=4, cols=2)
    for i, (label, value) in enumerate(
        (("Nomor", "{{ nomor }}"), ("Sifat", "Penting"), ("Lampiran", "-"),
         ("Perihal", "Kenaikan Gaji Berkala"))
    ):  # fmt: skip
        head.rows[i].cells[0].text = f"{label}\t: {value}"
    head.rows[0].cells[1].text = "{{ setting.kota }}, {{ tanggal_surat }}"
    head.rows[1].cells[1].text = "Kepada Yth. {{ tujuan|join(', ') }}"
    head.rows[2].cells[1].text = "di {{ setting.kota }}"
    _para(doc)
    _para(
        doc,
        "Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja dan "
        "syarat-syarat lainnya kepada:",
    )
    _rows(doc, "pegawai", numbered=True)
    _para(doc, "atas dasar {{ dasar_sk }} terakhir tentang gaji pokok yang ditetapkan:")
    _rows(doc, "lama")
    _para(doc, "diberikan kenaikan gaji berkala hingga memperoleh:")
    _rows(doc, "baru")
    _para(doc, "{%p for t in penundaan %}")
    _para(doc, "{{ t }}.")
    _para(doc, "{%p endfor %}")
    _para(
        doc,
        "{% if berikutnya %}Kenaikan gaji berkala berikutnya akan diberikan pada tanggal "
        "{{ berikutnya }} apabila memenuhi syarat.{% else %}Dengan kenaikan ini masa kerja "
        "golongan telah mencapai batas tertinggi tabel gaji golongan {{ kgb.golongan }}; tidak "
        "ada kenaikan gaji berkala berikutnya dalam golongan ini.{% endif %}",
    )
    _para(
        doc,
        "Kenaikan gaji berkala ini diberikan berdasarkan Peraturan Pemerintah Nomor 7 Tahun 1977 "
        "tentang Peraturan Gaji Pegawai Negeri Sipil beserta perubahannya, terakhir dengan "
        "{{ regulasi }}. Kepada pegawai tersebut dapat dibayarkan penghasilannya berdasarkan "
        "gaji pokok yang baru.",
    )
    sign = doc.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = "{{ qr }}"
    sign.rows[0].cells[
        1
    ].text = "{% if ttd %}{% if ttd.atas_nama %}{{ ttd.atas_nama }} {% endif %}{{ ttd.jabatan }},"
    cell = sign.rows[0].cells[1]
    cell.add_paragraph("{{ ttd_gambar }}")
    cell.add_paragraph("{{ ttd.nama }}").runs[0].bold = True
    cell.add_paragraph("{{ ttd.pangkat }}")
    cell.add_paragraph("NIP {{ ttd.nip }}{% else %}(belum ditandatangani){% endif %}")
    _para(doc, "Tembusan:", size=9)
    _para(doc, "{%p for t in tembusan %}")
    _para(doc, "{{ loop.index }}. {{ t }}", size=9, after=0)
    _para(doc, "{%p endfor %}")
    return doc


if __name__ == "__main__":
    build().save(TEMPLATE)
    print(TEMPLATE)
