"""DOCX and PDF print the same report object: the key figures are in both."""

import io
from io import StringIO

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from sikap.lkj.builder import build_lkj
from sikap.lkj.docx import lkj_docx
from sikap.lkj.pdf import lkj_pdf

# Using the database orders these before the transactional tests, whose flush would take the
# migration-seeded IP ASN configuration with it.
pytestmark = pytest.mark.django_db

KEY_FIGURES = [
    "12,38", "25,44", "4,99", "24,10", "66,91", "Rp7.182.204.967,00", "98,71 %",
    "belum mencapai target: realisasi 12,38 dari target 13,00",
]  # fmt: skip


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.fixture(scope="module")
def report(seed_regency, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkj(2023)


def test_the_docx_opens_and_holds_the_key_figures(report):
    text = docx_text(lkj_docx(report))
    for figure in KEY_FIGURES:
        assert figure in text, figure
    assert "{{" not in text and "{%" not in text  # every tag was filled
    assert "29,04" not in text and "67.089.765.835" not in text


def test_f4_paper_sets_every_section_and_keeps_the_landscape_one(report):
    document = docx.Document(io.BytesIO(lkj_docx(report, "f4")))
    sizes = {(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections}
    assert sizes == {(215, 330), (330, 215)}


@pytest.mark.pdf
def test_the_pdf_has_the_report_and_its_figures(report):
    content = lkj_pdf(report)
    assert content.startswith(b"%PDF")
    pdf = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) > 15
    flat = " ".join(text.split())
    for figure in KEY_FIGURES:
        assert figure in flat, figure
    for heading in ("KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF", "BAB IV"):
        assert heading in text
    # Issue 15, finding 11: an amount never wraps inside the number on the landscape pages.
    assert "7.182.204.9 67" not in flat and "7.089.765.83 5" not in flat
    assert "7.182.204.967 " in flat.replace("Rp7.182.204.967", "")
    assert (
        "KEPALA BADAN KEPEGAWAIAN DAERAH, AKHMAD TAUFIK HIDAYAT, S.H., M.Hum. "
        "NIP. 19660710 199203 1 007" in flat
    )


@pytest.mark.pdf
def test_f4_pdf_pages_are_215_by_330_mm(report):
    first = PdfReader(io.BytesIO(lkj_pdf(report, "f4"))).pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (215, 330)


@pytest.mark.pdf
def test_the_command_writes_both_files(seed_regency, db, tmp_path):
    out = StringIO()
    call_command("lkj", "--year", "2023", "--out", str(tmp_path), "--paper", "f4", stdout=out)
    assert (tmp_path / "LKj-2023.pdf").read_bytes().startswith(b"%PDF")
    assert docx_text((tmp_path / "LKj-2023.docx").read_bytes())
    assert "LKj-2023.docx" in out.getvalue()


def test_the_command_refuses_a_year_without_sakip_data(db, tmp_path):
    with pytest.raises(CommandError, match="Belum ada data SAKIP \\(Renja\\) tahun 2019"):
        call_command("lkj", "--year", "2019", "--out", str(tmp_path), stdout=StringIO())
    assert not list(tmp_path.iterdir())
