"""POST /api/v1/presensi: accepted inside the radius in working hours; every bad input of the
issue refused with the one JSON error shape, stored with its reason, never double-counted."""

import json

import pytest

from sikap.accounts.tokens import revoke_token
from sikap.attendance.models import Ketidakhadiran, PerangkatPresensi, Presensi
from sikap.attendance.services import decide_device
from sikap.core.models import AuditEntry
from tests.api.conftest import assert_error
from tests.attendance.conftest import body

pytestmark = pytest.mark.usefixtures("kantor", "clock")


def test_check_in_inside_the_radius_is_accepted_and_the_day_shows_it(world, hp):
    response = hp.post("presensi", body())
    assert response.status_code == 201, response.content
    answer = response.json()
    assert answer["diterima"] and answer["alasan"] == "diterima"
    assert answer["pesan"] == "Presensi masuk diterima pukul 07.41."
    assert answer["lokasi"] == "Kantor Dinas Pendidikan" and answer["jarak_m"] == 33.4
    assert answer["tanggal"] == "2026-04-07"
    day = hp.get("presensi/hari-ini").json()
    assert day["keadaan"] == "Sudah masuk 07.41" and day["berikutnya"] == "pulang"
    assert day["lokasi"][0]["radius_m"] == 100
    saved = Presensi.objects.get()
    assert saved.pegawai == world.pegawai and saved.via == "api"


def test_a_pegawai_no_longer_in_service_cannot_check_in_and_nothing_is_stored(world, hp):
    world.pegawai.kedudukan = "pensiun"  # their pension's SK took effect
    world.pegawai.save()
    found = assert_error(hp.post("presensi", body()), 403, "tidak_berhak")
    assert "kedudukan Anda: Pensiun" in found["message"]
    assert not Presensi.objects.exists()


def test_check_out_after_check_in_closes_the_day(hp, clock):
    hp.post("presensi", body())
    clock.set(2026, 4, 7, 16, 5)
    response = hp.post("presensi", body(jenis="pulang"))
    assert response.status_code == 201
    assert hp.get("presensi/hari-ini").json()["keadaan"] == "Sudah pulang 16.05"


def test_a_retry_with_the_same_key_returns_the_first_answer_and_stores_nothing(hp):
    sent = body()
    first = hp.post("presensi", sent)
    again = hp.post("presensi", sent)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert Presensi.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(hp):
    sent = body()
    hp.post("presensi", sent)
    response = hp.post("presensi", {**sent, "latitude": -6.2004})
    assert_error(response, 409, "duplikat")
    assert Presensi.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"latitude": 91}, "body.body.latitude"),
        ({"longitude": -180.5}, "body.body.longitude"),
        ({"latitude": "-6.2"}, "body.body.latitude"),
        ({"akurasi_m": -1}, "body.body.akurasi_m"),
        ({"jenis": "istirahat"}, "body.body.jenis"),
        ({"kunci": "a b c d e f"}, "body.body.kunci"),
        ({"waktu_ponsel": "2026-04-07T07:41:00"}, "body.body.waktu_ponsel"),
        ({"device_id": ""}, "body.body.device_id"),
        ({"device_id": "ponsel \ud9ff saya"}, "body.body.device_id"),
        ({"waktu_ponsel": "4430-03-03T14:20:35+18:05"}, "body.body.waktu_ponsel"),
    ],
)
def test_malformed_fields_are_422_per_field_and_store_nothing(hp, changes, field):
    response = hp.post("presensi", body(**changes))
    found = assert_error(response, 422, "data_tidak_valid")
    assert [d["field"] for d in found["details"]] == [field]
    assert found["details"][0]["message"]
    assert not Presensi.objects.exists()


def test_nan_coordinates_are_refused(hp):
    raw = json.dumps(body()).replace("-6.2003", "NaN")
    response = hp.client.post(
        "/api/v1/presensi",
        raw,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {hp.raw}",
    )
    found = assert_error(response, 422, "data_tidak_valid")
    assert "NaN" in found["details"][0]["message"]


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        ({"latitude": -6.19784}, "luar_radius", "240 m dari Kantor Dinas Pendidikan"),
        ({"akurasi_m": 180}, "akurasi_rendah", "Akurasi GPS 180 m terlalu rendah"),
        ({"akurasi_m": 50_000}, "akurasi_rendah", "Akurasi GPS 50.000 m"),
        ({"mock": True}, "lokasi_palsu", "Lokasi palsu"),
        ({"waktu_ponsel": "2026-04-07T12:00:00+07:00"}, "waktu_ponsel_tidak_wajar", "Jam ponsel"),
        ({"jenis": "pulang"}, "belum_masuk", "belum presensi masuk"),
    ],
)
def test_each_refusal_is_a_409_with_its_code_and_is_stored(world, hp, changes, code, message):
    response = hp.post("presensi", body(**changes))
    found = assert_error(response, 409, code)
    assert message in found["message"]
    stored = Presensi.objects.get()
    assert stored.alasan == code and stored.mock == changes.get("mock", False)


def test_outside_working_hours_and_on_a_saturday(hp, clock):
    clock.set(2026, 4, 7, 3, 0)
    assert_error(hp.post("presensi", body()), 409, "luar_jam_kerja")
    clock.set(2026, 4, 11, 8, 0)
    assert_error(hp.post("presensi", body()), 409, "bukan_hari_kerja")


def test_a_pegawai_on_approved_leave_cannot_check_in(world, hp):
    Ketidakhadiran.objects.create(
        pegawai=world.pegawai, jenis="cuti_tahunan", mulai="2026-04-06", selesai="2026-04-08"
    )
    found = assert_error(hp.post("presensi", body()), 409, "sedang_tidak_hadir")
    assert "cuti tahunan" in found["message"]


def test_two_check_ins_in_the_same_second_count_once(hp):
    assert hp.post("presensi", body()).status_code == 201
    found = assert_error(hp.post("presensi", body()), 409, "sudah_masuk")
    assert "07.41" in found["message"]
    assert Presensi.objects.diterima().count() == 1
    assert Presensi.objects.count() == 2


def test_a_new_device_waits_for_admin_bkd_who_approves_it_audited(world, hp):
    hp.post("presensi", body())
    found = assert_error(
        hp.post("presensi", body(jenis="pulang", device_id="android-9999-lain")),
        409,
        "perangkat_belum_terdaftar",
    )
    assert "admin BKD" in found["message"]
    new = PerangkatPresensi.objects.get(device_id="android-9999-lain")
    assert new.status == "menunggu"
    decide_device(new, approve=True, actor=world.users["admin_bkd"])
    assert AuditEntry.objects.filter(kind="perangkat_presensi.updated").exists()
    response = hp.post("presensi", body(jenis="pulang", device_id="android-9999-lain"))
    assert response.status_code == 201


def test_nobody_approves_their_own_device_and_a_pegawai_cannot_at_all(world, hp):
    hp.post("presensi", body())
    hp.post("presensi", body(device_id="android-9999-lain"))
    new = PerangkatPresensi.objects.get(device_id="android-9999-lain")
    with pytest.raises(Exception, match="admin BKD"):
        decide_device(new, approve=True, actor=world.users["pegawai"])
    assert PerangkatPresensi.objects.get(pk=new.pk).status == "menunggu"


def test_a_revoked_token_is_401_and_stores_nothing(world, hp):
    from sikap.accounts.models import Token

    revoke_token(Token.objects.get(), actor=world.users["pegawai"])
    assert_error(hp.post("presensi", body()), 401, "belum_masuk")
    assert not Presensi.objects.exists()


def test_another_persons_token_checks_in_only_that_person(world, hp_of):
    other = hp_of("atasan")
    other.post("presensi", body())
    assert not Presensi.objects.filter(pegawai=world.pegawai).exists()


def test_a_staff_account_without_pegawai_gets_a_clear_404(hp_of):
    staff = hp_of("verifikator")
    found = assert_error(staff.post("presensi", body()), 404, "tidak_ditemukan")
    assert "tidak terhubung dengan data pegawai" in found["message"]
    assert_error(staff.get("presensi/hari-ini"), 404, "tidak_ditemukan")


def test_the_web_page_checks_in_with_its_session_and_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["pegawai"])
    refused = client.post("/api/v1/presensi", body(), content_type="application/json")
    assert_error(refused, 403, "tidak_berhak")
    client.get("/presensi/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/presensi", body(), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201
    assert Presensi.objects.get().via == "web"
