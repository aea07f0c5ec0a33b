from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sikap.documents import services as documents
from sikap.people.models import RiwayatPangkat, RiwayatPendidikan, RiwayatSkp
from sikap.promotion.models import PeriodeKp
from sikap.rules import promotion as rule
from tests.documents.conftest import pdf_bytes


def next_period(after: date) -> date:
    for year in (after.year, after.year + 1):
        for d in rule.periode_tahun(year):
            if d > after:
                return d
    raise AssertionError("no period")


def pdf(name: str = "berkas.pdf", pages: int = 1) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(pages), content_type="application/pdf")


def years_before(d: date, n: int) -> date:
    return d.replace(year=d.year - n)


@dataclass
class Kp:
    world: object
    periode: PeriodeKp
    pegawai: object  # III/a for exactly 4 years at the period, S1, SKP Baik: eligible reguler

    def user(self, persona):
        return self.world.users[persona]


def give_history(pegawai, periode: date, *, golongan="III/a", years=4, skp="baik"):
    RiwayatPangkat.objects.create(
        pegawai=pegawai, golongan="II/c", tmt=years_before(periode, 12), sk_nomor="813/CPNS"
    )
    RiwayatPangkat.objects.create(
        pegawai=pegawai, golongan=golongan, tmt=years_before(periode, years), sk_nomor="823/KP"
    )
    RiwayatPendidikan.objects.create(pegawai=pegawai, tingkat="40", tahun_lulus=2004)
    for tahun in (periode.year - 1, periode.year - 2, periode.year - 3):
        RiwayatSkp.objects.create(pegawai=pegawai, tahun=tahun, predikat=skp)
    pegawai.golongan, pegawai.tmt_golongan = golongan, years_before(periode, years)
    pegawai.save()


@pytest.fixture
def kp(world) -> Kp:
    today = timezone.localdate()
    tanggal = next_period(today + timedelta(days=20))
    periode = PeriodeKp.objects.create(tanggal=tanggal, batas_usul=today + timedelta(days=10))
    give_history(world.pegawai, tanggal)
    # the superior (IV/b) has a rank history too, so refresh_current keeps it
    world.atasan.tmt_golongan = years_before(tanggal, 3)
    world.atasan.save()
    return Kp(world, periode, world.pegawai)


def file_all(usulan, actor):
    """Upload every missing document of a proposal."""
    from sikap.promotion import services

    for berkas in usulan.berkas.filter(aktif=True, dokumen__isnull=True):
        services.unggah_dokumen(berkas, pdf(f"{berkas.syarat.jenis_dokumen.kode}.pdf"), actor=actor)


def upload_to_file(pegawai, kode, actor, riwayat=None):
    return documents.upload_dokumen(
        pegawai, kode, pdf(f"{kode}.pdf", 2), actor=actor, riwayat=riwayat
    )
