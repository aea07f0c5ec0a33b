"""The demo's digital personnel files: a real spread (most pegawai complete, some lacking,
a few rejected with a reason or waiting), valid sample files, removed again by --reset."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from sikap.demo.documents import FOLDER
from sikap.demo.samples import sample_pdf, sample_png
from sikap.documents import completeness
from sikap.documents.models import Dokumen, JenisDokumen
from sikap.documents.selectors import arsip
from sikap.documents.validation import inspect
from sikap.people.models import Pegawai

Status = Dokumen.Status


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--scale", "0.05", "--seed", "7")


def test_most_pegawai_are_complete_and_some_lack_documents(demo):
    types = completeness.mandatory_types()
    rows = completeness.flag_rows(Pegawai.objects.still_employed(), types)
    complete = sum(not completeness.lacking([r]) for r in rows) / len(rows)
    assert 0.5 < complete < 0.9
    states = set(Dokumen.objects.values_list("state", flat=True))
    assert {
        Status.TERVERIFIKASI,
        Status.MENUNGGU,
        Status.DITOLAK,
        Status.TANPA_VERIFIKASI,
    } <= states


def test_a_rejected_document_shows_its_reason(demo):
    rejected = Dokumen.objects.filter(state=Status.DITOLAK).select_related("pegawai").first()
    files = arsip(rejected.pegawai, with_choices=False)
    versi = next(v for s in files.sections for v in s.current if v.dokumen == rejected)
    assert versi.alasan.endswith(".") and len(versi.alasan) > 20


def test_documents_attach_to_the_history_rows_their_type_needs(demo):
    ijazah = Dokumen.objects.filter(jenis__kode="ijazah")
    assert ijazah.exists()
    assert not ijazah.filter(riwayat_id__isnull=True).exists()
    assert set(ijazah.values_list("riwayat_kind", flat=True)) == {"pendidikan"}


def test_every_sample_passes_the_upload_check_of_its_type(demo):
    for jenis in JenisDokumen.objects.filter(dokumen__file__startswith=FOLDER).distinct():
        sample = Dokumen.objects.filter(jenis=jenis).first()
        with default_storage.open(sample.file.name) as handle:
            data = handle.read()
        assert len(data) == sample.ukuran < 4096
        found = inspect(
            data, allowed=jenis.formats, max_bytes=jenis.max_bytes, jenis_nama=jenis.nama
        )
        assert found.format == sample.format


def test_reset_removes_the_demo_documents_and_builds_them_again(demo):
    first = set(Dokumen.objects.values_list("pk", flat=True))
    call_command("demo", "--scale", "0.05", "--seed", "8", "--reset")
    again = set(Dokumen.objects.values_list("pk", flat=True))
    assert again and not first & again
    assert default_storage.exists(f"{FOLDER}ktp.pdf")


def test_sample_files_are_small_and_well_formed():
    pdf = sample_pdf("KTP (CONTOH)", ["Baris (satu)", "Baris \\ dua"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) < 2048
    assert b"KTP \\(CONTOH\\)" in pdf
    png = sample_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) < 4096
