"""The demo's digital personnel files: a real spread (most pegawai complete, some lacking,
a few rejected with a reason or waiting), attached where their type needs a history row, and
sample files that pass the upload check of their type. (--reset: tests/demo/test_command.py.)"""

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


@pytest.mark.django_db
def test_the_demo_files_show_a_real_spread_of_valid_documents(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--scale", "0.05", "--seed", "7")

    rows = completeness.flag_rows(Pegawai.objects.still_employed(), completeness.mandatory_types())
    complete = sum(not r.missing for r in rows) / len(rows)
    assert 0.5 < complete < 0.9
    states = set(Dokumen.objects.values_list("state", flat=True))
    assert {
        Status.TERVERIFIKASI,
        Status.MENUNGGU,
        Status.DITOLAK,
        Status.TANPA_VERIFIKASI,
    } <= states

    rejected = Dokumen.objects.filter(state=Status.DITOLAK).select_related("pegawai").first()
    files = arsip(rejected.pegawai, with_choices=False)
    versi = next(v for s in files.sections for v in s.current if v.dokumen == rejected)
    assert versi.alasan.endswith(".") and len(versi.alasan) > 20

    ijazah = Dokumen.objects.filter(jenis__kode="ijazah")
    assert ijazah.exists() and not ijazah.filter(riwayat_id__isnull=True).exists()

    for jenis in JenisDokumen.objects.filter(dokumen__file__startswith=FOLDER).distinct():
        sample = Dokumen.objects.filter(jenis=jenis).first()
        with default_storage.open(sample.file.name) as handle:
            data = handle.read()
        assert len(data) == sample.ukuran < 4096
        found = inspect(
            data, allowed=jenis.formats, max_bytes=jenis.max_bytes, jenis_nama=jenis.nama
        )
        assert found.format == sample.format


def test_sample_files_are_small_and_well_formed():
    pdf = sample_pdf("KTP (CONTOH)", ["Baris (satu)", "Baris \\ dua"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) < 2048
    assert b"KTP \\(CONTOH\\)" in pdf
    png = sample_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) < 4096
