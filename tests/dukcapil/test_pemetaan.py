"""The field mapping is configuration: another agreement's names work, and a mapping that
cannot work stops SIKAP at start with the file, the key and what is wrong."""

import json
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from sikap.dukcapil import pemetaan
from sikap.dukcapil.contract import JawabanTidakSah, NikTidakDitemukan
from sikap.dukcapil.pemetaan import PemetaanTidakSah, muat

NIK = "3508011705800001"

LAIN = {
    "permintaan": {"nik": "nik", "user": "username", "password": "kunci", "ip": "ip"},
    "wadah": "data",
    "format_tanggal": "%Y-%m-%d",
    "penduduk": {
        "nik": "nik",
        "nama": "nama_lengkap",
        "tanggal_lahir": "tgl_lahir",
        "jenis_kelamin": "jk",
        "status_kawin": "kawin",
        "no_kk": "kk",
        "alamat": "{jalan}, {desa}",
        "anggota_kk": "keluarga",
    },
    "anggota": {"nik": "nik", "nama": "nama_lengkap", "hubungan": "shdk"},
    "nilai": {
        "jenis_kelamin": {"1": "L", "2": "P"},
        "status_kawin": {"1": "belum_kawin", "2": "kawin", "3": "cerai", "4": "cerai"},
        "hubungan": {"1": "kepala", "3": "istri", "4": "anak", "*": "lainnya"},
    },
}


def tulis(tmp_path, isi) -> object:
    path = tmp_path / "pemetaan.json"
    path.write_text(isi if isinstance(isi, str) else json.dumps(isi))
    muat.cache_clear()
    return path


def test_the_shipped_mapping_is_valid():
    assert muat().penduduk["nama"] == "NAMA_LGKP"


def test_another_agreements_names_and_codes_map_to_the_same_penduduk(tmp_path):
    peta = muat(tulis(tmp_path, LAIN))
    jawaban = {
        "data": {
            "nik": NIK,
            "nama_lengkap": "Budi Santoso",
            "tgl_lahir": "1980-05-17",
            "jk": "1",
            "kawin": "4",
            "kk": "3508010000000001",
            "jalan": "Jl. Veteran 4",
            "desa": "",
            "keluarga": [{"nik": NIK, "nama_lengkap": "Budi Santoso", "shdk": "9"}],
        }
    }
    penduduk = peta.baca(jawaban, NIK)
    assert (penduduk.nama, penduduk.tanggal_lahir) == ("Budi Santoso", date(1980, 5, 17))
    assert (penduduk.jenis_kelamin, penduduk.status_kawin) == ("L", "duda")
    assert penduduk.alamat == "Jl. Veteran 4"
    assert penduduk.anggota_kk[0].hubungan == "lainnya"
    assert peta.body(NIK, user="u", password="p", ip="10.0.0.1") == {
        "nik": NIK, "username": "u", "kunci": "p", "ip": "10.0.0.1",
    }  # fmt: skip


def test_a_respon_record_means_not_found():
    with pytest.raises(NikTidakDitemukan):
        muat().baca({"content": [{"RESPON": "Data Tidak Ditemukan"}]}, NIK)
    with pytest.raises(NikTidakDitemukan):
        muat().baca({"content": []}, NIK)


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"TGL_LHR": "1980/05/17"}, "'TGL_LHR' bukan tanggal"),
        ({"JENIS_KLMIN": "X"}, "nilai jenis_kelamin tidak dikenal"),
        ({"NIK": "35080117"}, "bukan 16 digit"),
        ({"NO_KK": None}, "'NO_KK' kosong"),
        ({"NAMA_LGKP": {"a": 1}}, "'NAMA_LGKP' bukan teks"),
        ({"ANGGOTA_KK": "semua"}, "harus daftar"),
    ],
)
def test_a_malformed_record_names_the_field_at_fault(ubah, pesan):
    rekaman = {
        "NIK": NIK, "NAMA_LGKP": "BUDI", "TGL_LHR": "17-05-1980", "JENIS_KLMIN": "LAKI-LAKI",
        "STATUS_KAWIN": "KAWIN", "NO_KK": "3508010000000001", **ubah,
    }  # fmt: skip
    with pytest.raises(JawabanTidakSah, match=pesan):
        muat().baca({"content": [rekaman]}, NIK)


def _tanpa(bagian, kunci):
    data = json.loads(json.dumps(LAIN))
    del data[bagian][kunci]
    return data


def _dengan(bagian, kunci, nilai):
    data = json.loads(json.dumps(LAIN))
    data[bagian][kunci] = nilai
    return data


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("{bukan json", "bukan JSON yang sah"),
        ("[1, 2]", "harus objek JSON"),
        (_tanpa("penduduk", "nama"), "'penduduk' belum memetakan nama"),
        (_tanpa("permintaan", "password"), "'permintaan' belum memetakan password"),
        (_dengan("penduduk", "agama", "AGAMA"), "kunci yang tidak dikenal: agama"),
        (_dengan("penduduk", "nik", "NIK KTP"), "'penduduk.nik': 'NIK KTP' bukan nama field"),
        (_dengan("penduduk", "alamat", "{jalan"), "'penduduk.alamat'"),
        (_dengan("penduduk", "no_kk", 7), "'penduduk.no_kk' harus teks"),
        (_dengan("nilai", "status_kawin", {"1": "cerai_hidup"}), "yang sah: belum_kawin"),
        (_tanpa("nilai", "hubungan"), "'nilai.hubungan' tidak ada"),
        ({**LAIN, "format_tanggal": "%d-%m"}, "'format_tanggal'"),
        ({**LAIN, "wadah": "data.isi"}, "'wadah' harus nama field"),
    ],
)
def test_a_mapping_that_cannot_work_is_refused_saying_where(tmp_path, isi, pesan):
    with pytest.raises(PemetaanTidakSah, match=pesan) as e:
        muat(tulis(tmp_path, isi))
    assert "SIKAP_DUKCAPIL_MAPPING" in str(e.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(PemetaanTidakSah, match="tidak dapat dibaca"):
        muat(tmp_path / "tidak-ada.json")


def test_a_bad_mapping_stops_sikap_at_start(tmp_path, settings):
    settings.SIKAP_DUKCAPIL_MAPPING = str(tulis(tmp_path, _tanpa("penduduk", "nik")))
    with pytest.raises(ImproperlyConfigured, match="belum memetakan nik"):
        apps.get_app_config("dukcapil").ready()


def test_the_configured_mapping_is_what_the_client_uses(tmp_path, settings):
    from sikap.dukcapil.client import Setelan

    settings.SIKAP_DUKCAPIL_MAPPING = str(tulis(tmp_path, LAIN))
    assert Setelan.dari_settings().pemetaan.wadah == "data"
    settings.SIKAP_DUKCAPIL_MAPPING = ""
    assert Setelan.dari_settings().pemetaan == muat(pemetaan.BAWAAN)
