"""The pension file against the population registry: the real HTTP client talking to the
local stand-in server (tests/dukcapil_standin.py), made to misbehave over HTTP."""

from datetime import date

import pytest
from django.core.management import call_command

from sikap.core.errors import SikapError
from sikap.core.models import Notifikasi
from sikap.documents.models import AksesBerkas
from sikap.dukcapil.standin import DataPenduduk
from sikap.pension import kependudukan, services
from sikap.pension.models import BerkasPensiun, JenisPensiun
from tests.dukcapil.keluarga import _orang
from tests.pension.test_workflow import complete

Cek = BerkasPensiun.Cek
NO_KK = "3508010000000009"


def family(kantor, **siti) -> DataPenduduk:
    """Siti Aminah and her husband as the registry holds them."""
    data = DataPenduduk()
    data.tambah_keluarga(
        NO_KK,
        [
            _orang(kantor.pegawai.nik, "SITI AMINAH", "07-04-1969", "PEREMPUAN", "KAWIN",
                   "ISTRI", **siti),
            _orang("3508011203650002", "AHMAD FAUZI", "12-03-1965", "LAKI-LAKI", "KAWIN",
                   "KEPALA KELUARGA"),
        ],
    )  # fmt: skip
    return data


def open_bup(kantor):
    return services.open_file(kantor.pegawai, JenisPensiun.BUP, actor=kantor.admin_opd)


def test_matching_data_is_recorded_as_such_and_the_lookup_logged(kantor, dukcapil_standin):
    dukcapil_standin.muat(family(kantor))
    berkas = open_bup(kantor)
    assert berkas.cek_kependudukan == Cek.SESUAI and not berkas.perbedaan.exists()
    assert AksesBerkas.objects.filter(pegawai=kantor.pegawai, jenis="dukcapil").count() == 1


def test_differences_are_listed_for_the_verifier(kantor, dukcapil_standin):
    dukcapil_standin.muat(family(kantor, NAMA_LGKP="SITI AMINAH ZAHRA", TGL_LHR="08-04-1969"))
    berkas = open_bup(kantor)
    assert berkas.cek_kependudukan == Cek.BERBEDA
    rows = {d.jenis: d for d in berkas.perbedaan.all()}
    assert rows["nama"].registry == "SITI AMINAH ZAHRA" and rows["nama"].simak == "Siti Aminah"
    assert "tanggal_lahir" in rows


def test_a_nik_not_found_means_a_manual_check_and_the_file_goes_on(kantor, dukcapil_standin):
    dukcapil_standin.muat(DataPenduduk())
    berkas = open_bup(kantor)
    assert berkas.cek_kependudukan == Cek.MANUAL and "tidak ditemukan" in berkas.cek_catatan
    assert "KK" in berkas.cek_catatan and berkas.state == "dibuka"


@pytest.mark.parametrize("mode", ["galat", "lambat", "bukan_json", "tidak_lengkap"])
def test_a_registry_down_slow_or_malformed_means_a_manual_check(kantor, dukcapil_standin, mode):
    dukcapil_standin.muat(family(kantor))
    dukcapil_standin.mode(mode, jumlah=10, jeda=2)
    berkas = open_bup(kantor)
    assert berkas.cek_kependudukan == Cek.MANUAL
    assert "Berkas tetap berjalan" in berkas.cek_catatan


def test_the_registry_down_in_the_middle_of_a_case(kantor, dukcapil_standin):
    dukcapil_standin.muat(family(kantor, NAMA_LGKP="SITI AMINA"))
    berkas = open_bup(kantor)
    assert berkas.cek_kependudukan == Cek.BERBEDA
    services.confirm_dpcp(berkas, actor=kantor.akun_pegawai)
    dukcapil_standin.mode("galat", jumlah=10)
    assert kependudukan.recheck(berkas, actor=kantor.verifikator) == Cek.MANUAL
    berkas.refresh_from_db()
    assert berkas.state == "dpcp_dikonfirmasi" and not berkas.perbedaan.exists()
    assert "tidak dapat dihubungi" in berkas.cek_catatan
    complete(berkas, kantor.admin_opd)
    berkas = services.submit(berkas, actor=kantor.admin_opd)  # the case goes on
    assert berkas.state == "diajukan"
    dukcapil_standin.mode("normal")  # back: asked again, the differences return
    assert kependudukan.recheck(berkas, actor=kantor.verifikator) == Cek.BERBEDA


def test_only_the_bkd_runs_the_check_again(kantor, dukcapil_standin):
    dukcapil_standin.muat(family(kantor))
    berkas = open_bup(kantor)
    with pytest.raises(SikapError, match="verifikator"):
        kependudukan.recheck(berkas, actor=kantor.admin_opd)


def test_a_death_record_opens_a_janda_duda_file_for_the_bkd(
    kantor, dukcapil_standin, django_capture_on_commit_callbacks
):
    dukcapil_standin.muat(family(kantor, TGL_KEMATIAN="15-11-2026"))
    with django_capture_on_commit_callbacks(execute=True):
        berkas = kependudukan.death_check(kantor.pegawai, actor=kantor.admin_bkd)
    assert (berkas.jenis, berkas.tmt_pensiun) == (JenisPensiun.JANDA_DUDA, date(2026, 12, 1))
    assert Notifikasi.objects.filter(user=kantor.admin_bkd, message__contains="meninggal").exists()
    assert kependudukan.death_check(kantor.pegawai, actor=kantor.admin_bkd) is None  # once
    assert BerkasPensiun.objects.count() == 1


def test_a_death_record_during_a_bup_file_is_told_to_the_bkd(
    kantor, dukcapil_standin, django_capture_on_commit_callbacks
):
    dukcapil_standin.muat(family(kantor, TGL_KEMATIAN="15-11-2026"))
    with django_capture_on_commit_callbacks(execute=True):
        berkas = open_bup(kantor)
    assert berkas.jenis == JenisPensiun.BUP
    assert Notifikasi.objects.filter(
        user=kantor.admin_bkd, message__contains="masih terbuka"
    ).exists()


def test_the_death_scan_command_reports_a_registry_that_is_down(kantor, dukcapil_standin, capsys):
    dukcapil_standin.mode("galat", jumlah=10)
    call_command("pensiun", "periksa-kematian", "--opd", "DINDIK")
    captured = capsys.readouterr()
    assert "Dukcapil" in captured.err and "0 berkas janda/duda dibuka" in captured.out
