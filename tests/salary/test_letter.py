import io
import os
from datetime import date

import pytest
from pypdf import PdfReader

from sikap.accounts.system import system_actor
from sikap.people.models import RiwayatGaji
from sikap.salary import services
from sikap.salary.letter import letter_pdf
from sikap.salary.models import Kgb
from tests.salary.conftest import add_gaji


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def published(kantor, capture) -> Kgb:
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    services.verify(Kgb.objects.values_list("pk", flat=True), actor=kantor.verifikator)
    with capture(execute=True):
        services.sign(Kgb.objects.values_list("pk", flat=True), actor=kantor.kepala)
    return Kgb.objects.select_related("dokumen").get()


def test_the_published_letter_prints_every_element_true_to_its_data(
    kantor, django_capture_on_commit_callbacks
):
    kgb = published(kantor, django_capture_on_commit_callbacks)
    pdf = kgb.dokumen.file.read()
    if os.environ.get("SIKAP_KGB_LETTER_OUT"):
        open(os.environ["SIKAP_KGB_LETTER_OUT"], "wb").write(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = text_of(pdf)
    for part in (
        f"Nomor : {kgb.dokumen.nomor}",
        "Perihal : Kenaikan Gaji Berkala",
        "Kepala Badan Pengelola Keuangan dan Aset Daerah",
        "Siti Aminah",
        kantor.pegawai.nip,
        "Penata Muda (III/a)",
        "Nomor SK : 822/1/2025",
        "Tanggal SK : 10 Februari 2025",
        "Berlaku mulai (TMT) : 1 Maret 2025",
        "Gaji pokok lama : Rp2.873.500",
        "Gaji pokok baru : Rp2.964.000",
        "Dua juta sembilan ratus enam puluh empat ribu rupiah",
        "Terhitung mulai tanggal : 1 Maret 2027",
        "berikutnya akan diberikan pada tanggal 1 Maret 2029",
        "Peraturan Pemerintah Nomor 5 Tahun 2024",
        "Dr. Kepala BKD, M.Si.",
        "Tembusan",
    ):
        assert part in text, part


def test_a_letter_at_the_top_of_the_table_says_there_is_no_next_kgb(kantor):
    RiwayatGaji.objects.filter(pegawai=kantor.pegawai).delete()
    add_gaji(kantor.pegawai, date(2025, 3, 1), (25, 0), 2_589_100, golongan="I/b")
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    kgb = Kgb.objects.get()
    assert (kgb.mkg_tahun, kgb.tmt_berikutnya) == (27, None)
    text = text_of(letter_pdf(kgb, paper_code="f4"))
    assert "tidak ada kenaikan gaji berkala berikutnya" in text
    assert "berikutnya akan diberikan" not in text


@pytest.mark.parametrize(("kertas", "height_pt"), [("a4", 842), ("f4", 935)])
def test_the_letter_prints_on_a4_and_f4(kantor, kertas, height_pt):
    services.draft_due(date(2026, 12, 10), actor=system_actor())
    page = PdfReader(io.BytesIO(letter_pdf(Kgb.objects.get(), paper_code=kertas))).pages[0]
    assert round(float(page.mediabox.height)) == height_pt


def test_the_docx_letter_carries_the_same_facts_on_a4_and_f4(
    kantor, django_capture_on_commit_callbacks
):
    from docx import Document

    from sikap.salary.docx import letter_docx

    kgb = published(kantor, django_capture_on_commit_callbacks)
    for kertas, height_mm in (("a4", 297), ("f4", 330)):
        doc = Document(io.BytesIO(letter_docx(kgb, terbit=kgb.dokumen, paper_code=kertas)))
        assert round(doc.sections[0].page_height.mm) == height_mm
        text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
            c.text for t in doc.tables for r in t.rows for c in r.cells
        )
        for part in (
            kgb.dokumen.nomor,
            "Siti Aminah",
            ": Rp2.964.000",
            ": 1 Maret 2027",
            "1 Maret 2029",
            "Peraturan Pemerintah Nomor 5 Tahun 2024",
            "{{",
            "{%",
        ):
            assert (part in text) == (part not in ("{{", "{%")), part  # fmt: skip
        assert len(doc.inline_shapes) == 2  # the QR and the signature (no arms uploaded)
