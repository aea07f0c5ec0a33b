"""The HTTP client against the real stand-in server: answers, failures, retries, the circuit
breaker, the cache and what the log lines say."""

import logging
import time
from datetime import date

import pytest

from sikap.dukcapil.client import HttpRegistry, Setelan, TanpaLayanan, registry
from sikap.dukcapil.contract import (
    AnggotaKK,
    JawabanTidakSah,
    NikTidakDitemukan,
    NikTidakSah,
    RegistryTidakTersedia,
)
from tests.dukcapil.keluarga import NIK_ANAK, NIK_BUDI, NIK_SITI, NO_KK, keluarga_budi

NIK_LAIN = "3508012304750001"


@pytest.fixture
def standin(dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    return dukcapil_standin


def test_a_found_nik_comes_back_mapped_with_its_family_card(standin):
    penduduk = registry().cari_nik(NIK_BUDI)

    assert (penduduk.nik, penduduk.nama, penduduk.tempat_lahir) == (
        NIK_BUDI, "BUDI SANTOSO", "LUMAJANG",
    )  # fmt: skip
    assert penduduk.tanggal_lahir == date(1980, 5, 17)
    assert (penduduk.jenis_kelamin, penduduk.status_kawin, penduduk.no_kk) == ("L", "kawin", NO_KK)
    assert penduduk.alamat == "JL. VETERAN NO. 4 RT 002/RW 001, DITOTRUNAN, LUMAJANG, LUMAJANG"
    assert penduduk.anggota_kk == (
        AnggotaKK(NIK_BUDI, "BUDI SANTOSO", "kepala", date(1980, 5, 17), "L"),
        AnggotaKK(NIK_SITI, "SITI AMINAH", "istri", date(1983, 8, 22), "P"),
        AnggotaKK(NIK_ANAK, "RIZKY PRATAMA", "anak", date(2010, 1, 3), "L"),
    )
    assert not penduduk.meninggal


def test_a_death_record_is_read(dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi(TGL_KEMATIAN="01-11-2026"))
    assert registry().cari_nik(NIK_BUDI).tanggal_kematian == date(2026, 11, 1)


def test_a_divorced_woman_is_janda(dukcapil_standin):
    dukcapil_standin.muat(keluarga_budi())
    dukcapil_standin.server.data.penduduk[NIK_SITI]["STATUS_KAWIN"] = "CERAI HIDUP"
    assert registry().cari_nik(NIK_SITI).status_kawin == "janda"


def test_a_nik_not_in_the_registry_is_not_found(standin):
    with pytest.raises(NikTidakDitemukan, match=f"berakhiran {NIK_LAIN[-4:]} tidak ditemukan"):
        registry().cari_nik(NIK_LAIN)


@pytest.mark.parametrize("nik", ["12345", "3508019905800001", "35080117058000x1", ""])
def test_an_impossible_nik_is_refused_before_any_call(standin, nik):
    with pytest.raises(NikTidakSah, match="NIK tidak sah"):
        registry().cari_nik(nik)
    assert standin.permintaan == 0


def test_a_slow_registry_times_out_after_the_retries(standin, settings):
    settings.SIKAP_DUKCAPIL_TIMEOUT_SECONDS = 0.2
    settings.SIKAP_DUKCAPIL_RETRIES = 1
    standin.mode("lambat", jeda=0.6)

    with pytest.raises(RegistryTidakTersedia, match="batas waktu"):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 2


def test_a_slow_answer_within_the_timeout_is_fine(standin):
    standin.mode("lambat", jeda=0.1, jumlah=1)
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"


@pytest.mark.parametrize(
    ("mode", "pesan"), [("bukan_json", "bukan JSON"), ("tidak_lengkap", "NAMA_LGKP")]
)
def test_a_malformed_answer_is_refused_and_not_retried(standin, mode, pesan):
    standin.mode(mode)
    with pytest.raises(JawabanTidakSah, match=pesan):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 1


def test_5xx_is_retried_with_backoff_then_succeeds(standin):
    standin.mode("galat", jumlah=2, status=503)
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert standin.permintaan == 3


def test_5xx_after_every_retry_is_unavailable(standin):
    standin.mode("galat", status=500)
    with pytest.raises(RegistryTidakTersedia, match="HTTP 500"):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 3  # 1 + SIKAP_DUKCAPIL_RETRIES


def test_a_dropped_connection_is_retried(standin):
    standin.mode("putus", jumlah=1)
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert standin.permintaan == 2


def test_backoff_doubles_between_attempts(standin):
    standin.mode("galat")
    waits = []
    klien = HttpRegistry(Setelan.dari_settings(), tidur=waits.append)
    with pytest.raises(RegistryTidakTersedia):
        klien.cari_nik(NIK_BUDI)
    assert len(waits) == 2
    assert 0.01 <= waits[0] <= 0.0125 and 0.02 <= waits[1] <= 0.025


def test_429_waits_for_retry_after_then_succeeds(standin):
    standin.mode("batas", jumlah=1, retry_after=1)
    waits = []
    klien = HttpRegistry(Setelan.dari_settings(), tidur=waits.append)
    assert klien.cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert waits == [pytest.approx(1.0, abs=0.01)] or waits[0] >= 1.0


def test_a_rate_limit_longer_than_a_person_waits_fails_at_once(standin):
    standin.server.batas_per_menit = 1
    registry().cari_nik(NIK_BUDI)
    with pytest.raises(RegistryTidakTersedia, match="Batas jumlah permintaan"):
        registry().cari_nik(NIK_SITI)
    assert standin.permintaan == 2  # Retry-After up to 60 s: not waited for, not retried


def test_refused_credentials_are_unavailable_and_not_retried(standin, settings):
    settings.SIKAP_DUKCAPIL_PASSWORD = "salah"
    with pytest.raises(RegistryTidakTersedia, match="kredensial"):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 1


def test_nothing_listening_is_unavailable(settings):
    settings.SIKAP_DUKCAPIL_URL = "http://127.0.0.1:9"  # discard port: connection refused
    settings.SIKAP_DUKCAPIL_BACKOFF_SECONDS = 0.0
    with pytest.raises(RegistryTidakTersedia, match="Sambungan gagal"):
        registry().cari_nik(NIK_BUDI)


def test_without_a_configured_service_every_lookup_asks_for_a_manual_check(settings):
    settings.SIKAP_DUKCAPIL_URL = ""
    assert isinstance(registry(), TanpaLayanan)
    with pytest.raises(RegistryTidakTersedia, match="belum dikonfigurasi"):
        registry().cari_nik(NIK_BUDI)


def test_the_circuit_opens_after_n_failures_and_spares_the_registry(standin, settings):
    settings.SIKAP_DUKCAPIL_RETRIES = 0
    standin.mode("galat")
    for _ in range(3):  # SIKAP_DUKCAPIL_BREAKER_FAILURES
        with pytest.raises(RegistryTidakTersedia, match="HTTP 503"):
            registry().cari_nik(NIK_BUDI)
    standin.mode("normal")

    with pytest.raises(RegistryTidakTersedia, match="dihentikan sementara"):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 3


def test_the_circuit_state_is_shared_through_the_cache(standin, settings):
    """Another worker (another client object, same cache) finds the circuit open."""
    settings.SIKAP_DUKCAPIL_RETRIES = 0
    standin.mode("galat")
    for _ in range(3):
        with pytest.raises(RegistryTidakTersedia):
            HttpRegistry(Setelan.dari_settings()).cari_nik(NIK_BUDI)
    assert HttpRegistry(Setelan.dari_settings()).pemutus.keadaan() == "terbuka"


def test_half_open_lets_one_probe_through_and_closes_on_success(standin, settings):
    settings.SIKAP_DUKCAPIL_RETRIES = 0
    settings.SIKAP_DUKCAPIL_BREAKER_SECONDS = 0.2
    standin.mode("galat")
    for _ in range(3):
        with pytest.raises(RegistryTidakTersedia):
            registry().cari_nik(NIK_BUDI)
    standin.mode("normal")
    time.sleep(0.25)

    klien = registry()
    assert klien.pemutus.keadaan() == "setengah"
    assert klien.cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert klien.pemutus.keadaan() == "tertutup"
    assert registry().cari_nik(NIK_SITI).nama == "SITI AMINAH"


def test_a_failed_probe_opens_the_circuit_again(standin, settings):
    settings.SIKAP_DUKCAPIL_RETRIES = 0
    settings.SIKAP_DUKCAPIL_BREAKER_SECONDS = 0.2
    standin.mode("galat")
    for _ in range(3):
        with pytest.raises(RegistryTidakTersedia):
            registry().cari_nik(NIK_BUDI)
    time.sleep(0.25)

    with pytest.raises(RegistryTidakTersedia, match="HTTP 503"):
        registry().cari_nik(NIK_BUDI)  # the probe
    with pytest.raises(RegistryTidakTersedia, match="dihentikan sementara"):
        registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 4


def test_only_one_caller_probes_a_half_open_circuit(standin, settings):
    settings.SIKAP_DUKCAPIL_BREAKER_SECONDS = 0.2
    klien = registry()
    for _ in range(3):
        klien.pemutus.gagal()
    time.sleep(0.25)
    assert klien.pemutus.izinkan()
    assert not registry().pemutus.izinkan()


def test_an_answer_is_cached_and_the_second_lookup_does_not_call(standin):
    registry().cari_nik(NIK_BUDI)
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert standin.permintaan == 1


def test_with_the_cache_off_every_lookup_calls(standin, settings):
    settings.SIKAP_DUKCAPIL_CACHE_SECONDS = 0
    registry().cari_nik(NIK_BUDI)
    registry().cari_nik(NIK_BUDI)
    assert standin.permintaan == 2


def test_not_found_is_not_cached(standin):
    for _ in range(2):
        with pytest.raises(NikTidakDitemukan):
            registry().cari_nik(NIK_LAIN)
    assert standin.permintaan == 2


def test_log_lines_carry_no_personal_data(standin, caplog):
    caplog.set_level(logging.DEBUG)
    registry().cari_nik(NIK_BUDI)
    registry().cari_nik(NIK_BUDI)
    with pytest.raises(NikTidakDitemukan):
        registry().cari_nik(NIK_LAIN)
    standin.mode("galat")
    with pytest.raises(RegistryTidakTersedia):
        registry().cari_nik(NIK_SITI)

    lines = [r.getMessage() for r in caplog.records if r.name.startswith("sikap.dukcapil")]
    assert len(lines) == 4
    text = "\n".join(lines)
    for secret in (NIK_BUDI, NIK_LAIN, NIK_SITI, NIK_BUDI[-8:], "BUDI", "SANTOSO", "SITI"):
        assert secret not in text
    assert "hasil=ditemukan status=200" in lines[0] and "cache=lewat" in lines[0]
    assert "cache=kena" in lines[1]
    assert "hasil=tidak_ditemukan status=404" in lines[2]
    assert "hasil=tidak_tersedia status=503 percobaan=3" in lines[3]
    # The same NIK gets the same tag, so a case can be followed through the log.
    tag = lines[0].split()[2]
    assert tag.startswith("nik=h:") and tag in lines[1]


def test_a_fresh_lookup_skips_the_cached_answer_and_caches_the_new_one(standin):
    registry().cari_nik(NIK_BUDI)
    standin.server.data.penduduk[NIK_BUDI]["NAMA_LGKP"] = "BUDI SANTOSA"
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"
    assert registry(segar=True).cari_nik(NIK_BUDI).nama == "BUDI SANTOSA"
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSA"
    assert standin.permintaan == 2


def test_sikaps_own_quota_refuses_without_calling_and_spares_cached_answers(standin, settings):
    settings.SIKAP_DUKCAPIL_PER_MINUTE = 2
    registry().cari_nik(NIK_BUDI)
    registry().cari_nik(NIK_SITI)
    with pytest.raises(RegistryTidakTersedia, match="kuota 2 pencarian per menit"):
        registry().cari_nik(NIK_ANAK)
    assert registry().cari_nik(NIK_BUDI).nama == "BUDI SANTOSO"  # cached: no quota used
    assert standin.permintaan == 2
    assert registry().pemutus.keadaan() == "tertutup"  # our own limit is not a failure
