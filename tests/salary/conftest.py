import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from sikap.accounts.models import Peran
from sikap.people.models import RiwayatGaji, RiwayatSkp
from sikap.salary.models import Penandatangan
from tests.factories import make_opd, make_pegawai, make_user


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 20), "white").save(out, "PNG")
    return out.getvalue()


@dataclass
class Kantor:
    opd: object
    pegawai: object  # III/a, last KGB 1 Mar 2025 at MKG 2: next 1 Mar 2027 at MKG 4
    akun_pegawai: object
    verifikator: object
    kepala: object  # head of BKD: the configured signer
    penandatangan: object
    admin_opd: object


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def add_gaji(pegawai, tmt, mkg, gaji, dasar="kgb", golongan="III/a", nomor="822/1/2025"):
    return RiwayatGaji.objects.create(
        pegawai=pegawai, golongan=golongan, tmt=tmt, mkg_tahun=mkg[0], mkg_bulan=mkg[1],
        gaji_pokok=Decimal(gaji), dasar=dasar, sk_nomor=nomor, sk_tanggal=date(2025, 2, 10),
    )  # fmt: skip


@pytest.fixture
def kantor(db, media_root) -> Kantor:
    opd = make_opd("Dinas Pendidikan", kode="DINDIK")
    pegawai = make_pegawai(opd, nama="Siti Aminah", tmt_cpns=date(2023, 3, 1))
    add_gaji(pegawai, date(2023, 3, 1), (0, 0), 2_228_560, dasar="cpns", nomor="813/1/2023")
    add_gaji(pegawai, date(2025, 3, 1), (2, 0), 2_873_500)
    for tahun in (2023, 2024, 2025, 2026):
        RiwayatSkp.objects.create(pegawai=pegawai, tahun=tahun, predikat="baik")
    kepala_pegawai = make_pegawai(opd, nama="Kepala BKD", tanggal_lahir=date(1970, 1, 2))
    # At the top of IV/c: no KGB of their own to draft.
    add_gaji(kepala_pegawai, date(2024, 1, 1), (32, 0), 5_866_400, golongan="IV/c")
    kepala = make_user("kepala", Peran.PIMPINAN, pegawai=kepala_pegawai)
    ttd = Penandatangan.objects.create(
        user=kepala, nama="Dr. Kepala BKD, M.Si.", nip=kepala_pegawai.nip,
        jabatan="Kepala Badan Kepegawaian Daerah", pangkat="Pembina Utama Muda (IV/c)",
    )  # fmt: skip
    ttd.tanda_tangan.save("ttd.png", ContentFile(png()))
    return Kantor(
        opd=opd,
        pegawai=pegawai,
        akun_pegawai=make_user(pegawai.nip, pegawai=pegawai),
        verifikator=make_user("verif", Peran.VERIFIKATOR),
        kepala=kepala,
        penandatangan=ttd,
        admin_opd=make_user("adminopd", Peran.ADMIN_OPD, opds=[opd]),
    )
