"""`cek_pegawai`: who may check, what is logged, and a registry that fails never stops the
case — it says a manual check is needed."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from sikap.accounts.models import Peran
from sikap.accounts.system import system_actor
from sikap.documents.models import AksesBerkas
from sikap.dukcapil.services import cek_pegawai
from sikap.people.models import AnggotaKeluarga
from sikap.rules.kependudukan import Jenis
from tests.dukcapil.keluarga import NIK_ANAK, NIK_BUDI, NIK_SITI, keluarga_budi


def lengkapi_keluarga(pegawai):
    pegawai.nik, pegawai.status_kawin = NIK_BUDI, "kawin"
    pegawai.save()
    AnggotaKeluarga.objects.create(
        pegawai=pegawai, hubungan="istri", nama="Siti Aminah", nik=NIK_SITI,
        tanggal_lahir=date(1983, 8, 22), jenis_kelamin="P",
    )  # fmt: skip
    AnggotaKeluarga.objects.create(
        pegawai=pegawai, hubungan="anak", nama="Rizky Pratama", nik=NIK_ANAK,
        tanggal_lahir=date(2010, 1, 3), jenis_kelamin="L",
    )  # fmt: skip
    return pegawai


@pytest.fixture
def budi(world, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    return lengkapi_keluarga(world.pegawai)


def test_matching_data_is_cocok_and_the_lookup_is_logged_as_a_personal_data_read(world, budi):
    hasil = cek_pegawai(world.users["verifikator"], budi)

    assert (hasil.status, hasil.perbedaan, hasil.perlu_cek_manual) == ("cocok", [], False)
    assert hasil.penduduk.no_kk
    log = AksesBerkas.objects.get()
    assert (log.user, log.pegawai, log.jenis) == (world.users["verifikator"], budi, "dukcapil")


def test_differences_are_listed_for_the_verifier(world, budi, dukcapil_standin):
    data = keluarga_budi(NAMA_LGKP="BUDI SANTOSA", STATUS_KAWIN="CERAI HIDUP")
    del data.penduduk[NIK_ANAK]
    data.kk[next(iter(data.kk))].remove(NIK_ANAK)
    dukcapil_standin.muat(data)

    hasil = cek_pegawai(world.users["admin_bkd"], budi)

    assert hasil.status == "berbeda"
    assert [(b.jenis, b.siapa) for b in hasil.perbedaan] == [
        (Jenis.NAMA, "Pegawai"),
        (Jenis.STATUS_KAWIN, "Pegawai"),
        (Jenis.TIDAK_DI_REGISTRY, "Anak: Rizky Pratama"),
    ]


def test_a_death_record_is_flagged(world, budi, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi(TGL_KEMATIAN="01-11-2026"))
    hasil = cek_pegawai(system_actor(), budi)
    assert hasil.meninggal and hasil.perbedaan[0].jenis == Jenis.MENINGGAL


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "admin_opd", "pimpinan"])
def test_only_the_bkd_desk_checks(world, budi, persona):
    with pytest.raises(PermissionDenied, match="petugas BKD"):
        cek_pegawai(world.users[persona], budi)
    assert not AksesBerkas.objects.exists()


def test_nobody_checks_their_own_record(world, budi):
    bkd_budi = world.users["pegawai"]  # Budi himself works at the BKD desk
    bkd_budi.peran = Peran.ADMIN_BKD
    bkd_budi.save()
    with pytest.raises(PermissionDenied, match="sendiri"):
        cek_pegawai(bkd_budi, budi)


def test_an_unreachable_registry_asks_for_a_manual_check(world, budi, settings):
    settings.SIKAP_DUKCAPIL_URL = "http://127.0.0.1:9"
    settings.SIKAP_DUKCAPIL_BACKOFF_SECONDS = 0.0
    hasil = cek_pegawai(world.users["verifikator"], budi)
    assert (hasil.status, hasil.perlu_cek_manual) == ("tidak_tersedia", True)
    assert "KK/KTP" in hasil.pesan and hasil.perbedaan == []
    assert AksesBerkas.objects.count() == 1  # the attempt is logged too


def test_a_nik_not_found_asks_for_a_manual_check(world, budi, dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    del dukcapil_standin.server.data.penduduk[NIK_BUDI]
    hasil = cek_pegawai(world.users["verifikator"], budi)
    assert hasil.status == "tidak_ditemukan" and "tidak ditemukan" in hasil.pesan


def test_a_malformed_answer_asks_for_a_manual_check(world, budi, dukcapil_standin):
    dukcapil_standin.mode("bukan_json")
    hasil = cek_pegawai(world.users["verifikator"], budi)
    assert hasil.status == "tidak_sah" and hasil.perlu_cek_manual


def test_a_pegawai_without_a_nik_is_not_looked_up(world, dukcapil_standin):
    hasil = cek_pegawai(world.users["verifikator"], world.pegawai_b)
    assert hasil.status == "tanpa_nik" and "NIK pegawai belum tercatat" in hasil.pesan
    assert dukcapil_standin.permintaan == 0 and not AksesBerkas.objects.exists()


def test_without_a_configured_registry_the_check_asks_for_a_manual_one(world, budi, settings):
    settings.SIKAP_DUKCAPIL_URL = ""
    hasil = cek_pegawai(world.users["verifikator"], budi)
    assert hasil.status == "tidak_tersedia"
    assert hasil.pesan == (
        "Layanan data kependudukan (Dukcapil) sedang tidak dapat dihubungi. Alamat layanan belum "
        "dikonfigurasi (SIKAP_DUKCAPIL_URL). Periksa dengan pindaian KK/KTP."
    )
