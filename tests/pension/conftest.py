import io
from dataclasses import dataclass
from datetime import date

import pytest
from PIL import Image

from sikap.accounts.models import Peran
from sikap.org.models import JenisJabatan
from sikap.people.models import AnggotaKeluarga, StatusKawin
from tests.documents.conftest import pdf_bytes, upload
from tests.factories import make_jabatan, make_opd, make_pegawai, make_user, root_unit

__all__ = ["pdf_bytes", "png_bytes", "upload"]


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 50), "white").save(out, "PNG")
    return out.getvalue()


@dataclass
class Kantor:
    opd: object
    opd_lain: object
    pegawai: object  # born 1969-04-07, BUP 58 (pelaksana): TMT 2027-05-01
    akun_pegawai: object
    admin_opd: object
    admin_opd_lain: object
    verifikator: object
    admin_bkd: object
    guru: object  # born 1967-01-15, guru: BUP 60 → TMT 2027-02-01
    tanpa_jabatan: object


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def kantor(db, media_root, settings) -> Kantor:
    # A whole file is a dozen uploads in a row; the per-minute limit is not what is tested here.
    settings.SIKAP_UPLOAD_RATE_PER_MINUTE = 100
    opd = make_opd("Dinas Pendidikan", kode="DINDIK")
    lain = make_opd("Dinas Kesehatan", kode="DINKES")
    unit = root_unit(opd)
    pelaksana = make_jabatan(unit, "Pengadministrasi Umum")
    guru_jabatan = make_jabatan(unit, "Guru Ahli Madya", jenis=JenisJabatan.JF)
    guru_jabatan.bup = 60
    guru_jabatan.save()
    pegawai = make_pegawai(
        opd, nama="Siti Aminah", jabatan=pelaksana, tanggal_lahir=date(1969, 4, 7),
        tmt_cpns=date(1995, 3, 1), jenis_kelamin="P", nik="3508014704690001",
        status_kawin=StatusKawin.KAWIN,
    )  # fmt: skip
    AnggotaKeluarga.objects.create(
        pegawai=pegawai, hubungan="suami", nama="Ahmad Fauzi", nik="3508011203650002",
        tanggal_lahir=date(1965, 3, 12), jenis_kelamin="L",
    )  # fmt: skip
    guru = make_pegawai(
        opd, nama="Bambang Guru", jabatan=guru_jabatan, tanggal_lahir=date(1967, 1, 15),
        tmt_cpns=date(1990, 3, 1),
    )  # fmt: skip
    tanpa = make_pegawai(opd, nama="Tanpa Jabatan", tanggal_lahir=date(1970, 1, 1))
    return Kantor(
        opd=opd,
        opd_lain=lain,
        pegawai=pegawai,
        akun_pegawai=make_user(pegawai.nip, pegawai=pegawai),
        admin_opd=make_user("adminopd", Peran.ADMIN_OPD, opds=[opd]),
        admin_opd_lain=make_user("adminlain", Peran.ADMIN_OPD, opds=[lain]),
        verifikator=make_user("verif", Peran.VERIFIKATOR),
        admin_bkd=make_user("adminbkd", Peran.ADMIN_BKD),
        guru=guru,
        tanpa_jabatan=tanpa,
    )
