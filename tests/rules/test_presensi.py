"""The check-in decision: each refusal reason, in the order a person would fix them."""

import math
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from sikap.rules.geofence import Lingkaran
from sikap.rules.presensi import Alasan, Keadaan, Perangkat, Percobaan, putuskan

NOW = datetime(2026, 3, 3, 7, 41)
KANTOR = Lingkaran("Kantor BKD", -6.2, 106.8, 100)
OK = Percobaan("masuk", -6.2003, 106.8, 15, False, NOW)
KEADAAN = Keadaan(
    sekarang=NOW,
    perangkat=Perangkat.TERIKAT,
    hari_kerja=True,
    dalam_jam_kerja=True,
    lokasi=[KANTOR],
)


def test_inside_the_radius_in_working_hours_is_accepted():
    found = putuskan(OK, KEADAAN)
    assert found.diterima and found.alasan == Alasan.DITERIMA
    assert found.pesan == "Presensi masuk diterima pukul 07.41."
    assert found.nearest.lokasi == KANTOR and found.nearest.jarak_m == pytest.approx(33.4, 0.01)


@pytest.mark.parametrize(
    ("percobaan", "keadaan", "alasan", "pesan"),
    [
        (dict(lat=91), {}, Alasan.KOORDINAT_TIDAK_SAH, "Koordinat lokasi tidak sah."),
        (dict(lon=math.nan), {}, Alasan.KOORDINAT_TIDAK_SAH, "Koordinat"),
        (dict(mock=True), {}, Alasan.LOKASI_PALSU, "Lokasi palsu"),
        (dict(akurasi_m=180), {}, Alasan.AKURASI_RENDAH, "Akurasi GPS 180 m terlalu rendah"),
        (
            dict(waktu_ponsel=NOW + timedelta(hours=3)),
            {},
            Alasan.WAKTU_PONSEL_TIDAK_WAJAR,
            "Jam ponsel jauh di depan",
        ),
        ({}, dict(perangkat=Perangkat.BARU), Alasan.PERANGKAT_BELUM_TERDAFTAR, "Perangkat belum"),
        ({}, dict(tidak_hadir="cuti tahunan"), Alasan.SEDANG_TIDAK_HADIR, "tercatat cuti"),
        ({}, dict(hari_kerja=False), Alasan.BUKAN_HARI_KERJA, "bukan hari kerja"),
        ({}, dict(dalam_jam_kerja=False), Alasan.LUAR_JAM_KERJA, "Di luar jam kerja"),
        ({}, dict(lokasi=[]), Alasan.TIDAK_ADA_LOKASI, "Belum ada lokasi"),
        (
            dict(lat=-6.19784),
            {},
            Alasan.LUAR_RADIUS,
            "Di luar radius: 240 m dari Kantor BKD (radius 100 m).",
        ),
        (
            {},
            dict(sudah_masuk=datetime(2026, 3, 3, 7, 20)),
            Alasan.SUDAH_MASUK,
            "sudah presensi masuk pukul 07.20",
        ),
        (dict(jenis="pulang"), {}, Alasan.BELUM_MASUK, "belum presensi masuk"),
        (
            dict(jenis="pulang"),
            dict(sudah_masuk=NOW, sudah_pulang=NOW),
            Alasan.SUDAH_PULANG,
            "sudah presensi pulang",
        ),
        ({}, dict(swafoto_wajib=True), Alasan.SWAFOTO_WAJIB, "Swafoto wajib di OPD Anda"),
    ],
)
def test_each_refusal_has_its_reason_and_message(percobaan, keadaan, alasan, pesan):
    found = putuskan(replace(OK, **percobaan), replace(KEADAAN, **keadaan))
    assert not found.diterima
    assert found.alasan == alasan
    assert pesan in found.pesan


def test_a_phone_clock_slightly_ahead_or_behind_is_fine_the_server_decides():
    for skew in (timedelta(minutes=4), -timedelta(hours=5)):
        assert putuskan(replace(OK, waktu_ponsel=NOW + skew), KEADAAN).diterima


def test_check_out_after_check_in_is_accepted():
    keadaan = replace(KEADAAN, sudah_masuk=datetime(2026, 3, 3, 7, 20))
    assert putuskan(replace(OK, jenis="pulang"), keadaan).pesan.startswith("Presensi pulang")


def test_accuracy_limit_is_configurable():
    assert putuskan(replace(OK, akurasi_m=150), replace(KEADAAN, akurasi_maks_m=200)).diterima


def test_a_selfie_is_asked_only_where_the_opd_requires_it_and_after_place_and_time():
    assert putuskan(replace(OK, swafoto=True), replace(KEADAAN, swafoto_wajib=True)).diterima
    assert putuskan(OK, KEADAAN).diterima
    outside = putuskan(replace(OK, lat=-6.19784), replace(KEADAAN, swafoto_wajib=True))
    assert outside.alasan == Alasan.LUAR_RADIUS
    missing = putuskan(OK, replace(KEADAAN, swafoto_wajib=True))
    assert "tanpa pencocokan wajah" in missing.pesan and missing.nearest.lokasi == KANTOR
