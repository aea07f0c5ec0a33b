"""Taking a test through /api/v1/kompetensi with a device token: the hp's whole path, the
one error shape for each refusal, and no key or option score in anything sent."""

import json

import pytest

from sikap.api.v1 import api
from sikap.competency.models import Jawaban, LogFokus, OpsiJawaban, Percobaan
from tests.api.conftest import assert_error
from tests.competency.conftest import telepon

BASE = "kompetensi"


def _mulai(hp, ujian):
    response = hp.post(f"{BASE}/ujian/{ujian.pk}/mulai")
    assert response.status_code in (200, 201), response.content
    return response.json()


def test_a_phone_lists_starts_answers_and_submits(hp, ujian, clock):
    (listed,) = hp.get(f"{BASE}/ujian").json()
    assert listed["keadaan"] == "terbuka" and listed["bisa_mulai"]
    p = _mulai(hp, ujian)
    assert p["sisa_detik"] == 30 * 60 and p["jumlah_soal"] == 10 and p["terjawab"] == []
    soal = hp.get(f"{BASE}/percobaan/{p['id']}/soal/0").json()
    saved = hp.post(
        f"{BASE}/percobaan/{p['id']}/jawaban",
        {"urutan": 0, "opsi": soal["opsi"][1]["id"], "nomor_kirim": 1},
    )
    assert saved.status_code == 200 and saved.json()["tersimpan"]
    clock.advance(minutes=2)
    assert hp.post(f"{BASE}/percobaan/{p['id']}/posisi", {"urutan": 4}).json() == {
        "sisa_detik": 28 * 60
    }
    state = hp.get(f"{BASE}/percobaan/{p['id']}").json()
    assert state["posisi"] == 4 and state["terjawab"] == [0]
    assert hp.get(f"{BASE}/percobaan/{p['id']}/soal-kini").json()["urutan"] == 4
    again = hp.post(f"{BASE}/ujian/{ujian.pk}/mulai")
    assert again.status_code == 200 and again.json()["id"] == p["id"]
    done = hp.post(f"{BASE}/percobaan/{p['id']}/serahkan").json()
    assert done["status"] == "diserahkan"


def test_nothing_sent_holds_a_key_or_an_option_score(hp, ujian, clock):
    p = _mulai(hp, ujian)
    items = hp.get(f"{BASE}/percobaan/{p['id']}/soal").json()
    assert len(items) == 10
    for item in items:
        assert set(item) == {"urutan", "teks", "gambar", "opsi", "dipilih"}
        for opsi in item["opsi"]:
            assert set(opsi) == {"id", "teks"}
    text = json.dumps(items)
    assert "benar" not in text and "skor" not in text
    # The option order is the attempt's, not the bank's.
    first = items[0]
    stored = list(
        OpsiJawaban.objects.filter(pk__in=[o["id"] for o in first["opsi"]]).values_list(
            "pk", flat=True
        )
    )
    assert sorted(stored) == sorted(o["id"] for o in first["opsi"])


def test_answer_after_time_out_is_409_and_the_saved_answer_stays(hp, ujian, clock):
    p = _mulai(hp, ujian)
    soal = hp.get(f"{BASE}/percobaan/{p['id']}/soal/0").json()
    hp.post(f"{BASE}/percobaan/{p['id']}/jawaban", {"urutan": 0, "opsi": soal["opsi"][0]["id"]})
    clock.advance(minutes=30, seconds=1)
    late = hp.post(
        f"{BASE}/percobaan/{p['id']}/jawaban", {"urutan": 0, "opsi": soal["opsi"][1]["id"]}
    )
    assert_error(late, 409, "kedaluwarsa")
    assert Jawaban.objects.get().opsi_id == soal["opsi"][0]["id"]
    assert Percobaan.objects.get().status == Percobaan.Status.DISERAHKAN_OTOMATIS


def test_item_not_in_the_attempt_is_400(hp, ujian, clock):
    p = _mulai(hp, ujian)
    soal = hp.get(f"{BASE}/percobaan/{p['id']}/soal/0").json()
    response = hp.post(
        f"{BASE}/percobaan/{p['id']}/jawaban", {"urutan": 99, "opsi": soal["opsi"][0]["id"]}
    )
    assert_error(response, 400, "data_tidak_valid")
    assert_error(hp.get(f"{BASE}/percobaan/{p['id']}/soal/99"), 404, "tidak_ditemukan")
    assert not Jawaban.objects.exists()


def test_someone_elses_attempt_is_404_and_changes_nothing(hp, world, ujian, clock):
    p = _mulai(hp, ujian)
    soal = hp.get(f"{BASE}/percobaan/{p['id']}/soal/0").json()
    other = telepon(world.users["atasan"])
    body = {"urutan": 0, "opsi": soal["opsi"][0]["id"]}
    assert_error(other.post(f"{BASE}/percobaan/{p['id']}/jawaban", body), 404, "tidak_ditemukan")
    assert_error(other.get(f"{BASE}/percobaan/{p['id']}/soal"), 404, "tidak_ditemukan")
    assert_error(other.post(f"{BASE}/percobaan/{p['id']}/serahkan"), 404, "tidak_ditemukan")
    assert not Jawaban.objects.exists()
    assert Percobaan.objects.get().status == Percobaan.Status.BERJALAN


def test_a_closed_window_is_409(hp, ujian, clock):
    clock.advance(days=8)
    assert_error(hp.post(f"{BASE}/ujian/{ujian.pk}/mulai"), 409, "langkah_tidak_sah")
    assert not Percobaan.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"urutan": -1, "opsi": 1},
        {"urutan": 0},
        {"urutan": "x", "opsi": 1},
        {"urutan": 0, "opsi": 0},
    ],
)
def test_malformed_answers_are_422(hp, ujian, clock, body):
    p = _mulai(hp, ujian)
    assert_error(hp.post(f"{BASE}/percobaan/{p['id']}/jawaban", body), 422, "data_tidak_valid")
    assert not Jawaban.objects.exists()


def test_focus_events_are_logged_and_unknown_ones_refused(hp, ujian, clock):
    p = _mulai(hp, ujian)
    ok = hp.post(
        f"{BASE}/percobaan/{p['id']}/fokus",
        {"jenis": "tab_tersembunyi", "urutan": 1, "waktu_klien": "2026-12-07T09:01:00+07:00"},
    )
    assert ok.json() == {"dicatat": True}
    assert_error(
        hp.post(f"{BASE}/percobaan/{p['id']}/fokus", {"jenis": "x"}), 422, "data_tidak_valid"
    )
    assert LogFokus.objects.count() == 1


def test_the_taking_endpoints_are_in_the_openapi_schema():
    paths = api.get_openapi_schema()["paths"]
    for path in (
        "/api/v1/kompetensi/ujian",
        "/api/v1/kompetensi/ujian/{ujian_id}/mulai",
        "/api/v1/kompetensi/percobaan/{pk}/soal-kini",
        "/api/v1/kompetensi/percobaan/{pk}/jawaban",
        "/api/v1/kompetensi/percobaan/{pk}/serahkan",
    ):
        assert path in paths, path


def test_saving_an_answer_is_the_token_and_one_guarded_write(
    hp, ujian, clock, django_assert_num_queries
):
    from django.db import connection

    p = _mulai(hp, ujian)
    first, soal = (hp.get(f"{BASE}/percobaan/{p['id']}/soal/{n}").json() for n in (0, 1))
    hp.post(f"{BASE}/percobaan/{p['id']}/jawaban", {"urutan": 0, "opsi": first["opsi"][0]["id"]})
    # PostgreSQL: the token, then one statement (guard, position and upsert). SQLite, which has
    # no writing WITH: the guard and the upsert as two statements (in a savepoint here, since
    # the test runs in a transaction).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 5):
        saved = hp.post(
            f"{BASE}/percobaan/{p['id']}/jawaban",
            {"urutan": 1, "opsi": soal["opsi"][1]["id"], "nomor_kirim": 3},
        )
    assert saved.json() == {"tersimpan": True, "sisa_detik": 30 * 60}
