"""The check-in context (attendance/konteks.py): a check-in costs four queries once the
pegawai's day is prepared, and every change of an input takes effect on the next check-in, in
this process (remembered contexts) and in any other (stored contexts, marks in the database)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.attendance import konteks
from sikap.attendance.models import (
    HariLibur,
    Ketidakhadiran,
    KonteksPresensi,
    LokasiSementara,
    PerangkatPresensi,
    Presensi,
)
from sikap.attendance.services import decide_device
from sikap.people.models import Pegawai
from tests.api.conftest import assert_error
from tests.attendance.conftest import body

pytestmark = pytest.mark.usefixtures("kantor", "clock")
SELASA = date(2026, 4, 7)


def _statements(queries) -> list[str]:
    """The statements a request sent, without the test's savepoints."""
    return [
        q["sql"]
        for q in queries
        if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO"))
    ]


def test_a_prepared_check_in_costs_four_queries_in_a_fresh_process(hp):
    hp.post("presensi", body())  # binds the device: the pegawai's mark changes
    konteks.siapkan_konteks(SELASA)
    konteks.lupakan()  # another process: no pegawai's day remembered, the stored one is found
    konteks.konfigurasi(SELASA, konteks.tanda_wilayah())  # the region's: once per process
    with CaptureQueriesContext(connection) as queries:
        response = hp.post("presensi", body(jenis="pulang"))
    assert response.status_code == 201  # an early check-out (PSW) is still accepted
    sent = _statements(queries)
    assert len(sent) == 4, sent  # token, pegawai + marks + context, today's attempts, INSERT
    assert "attendance_tandakonteks" in sent[1] and "attendance_kontekspresensi" in sent[1]


def test_the_first_check_in_of_the_day_stores_the_context_for_every_process(world, hp):
    assert hp.post("presensi", body()).status_code == 201
    stored = KonteksPresensi.objects.get(pegawai=world.pegawai, tanggal=SELASA)
    assert stored.data["d"] == {}  # computed before this check-in bound the phone
    konteks.lupakan()
    assert hp.post("presensi", body(jenis="pulang")).status_code == 201
    stored = KonteksPresensi.objects.get(pegawai=world.pegawai, tanggal=SELASA)
    assert stored.data["d"] == {"android-0001-abcd": "disetujui"}
    assert stored.data["g"] == [
        ["2026-04-06", "07:30:00", "16:00:00", 60],
        ["2026-04-07", "07:30:00", "16:00:00", 60],
    ]


def test_an_approved_absence_takes_effect_on_the_next_check_in(world, hp):
    hp.post("presensi", body())
    Ketidakhadiran.objects.create(
        pegawai=world.pegawai, jenis="sakit", mulai=SELASA, selesai=SELASA
    )
    assert_error(hp.post("presensi", body(jenis="pulang")), 409, "sedang_tidak_hadir")


def test_a_moved_office_takes_effect_on_the_next_check_in(hp, kantor):
    assert hp.post("presensi", body()).status_code == 201
    Presensi.objects.all().delete()
    kantor.latitude = Decimal("-6.3")
    kantor.save()
    assert_error(hp.post("presensi", body()), 409, "luar_radius")


def test_a_holiday_added_today_takes_effect_on_the_next_check_in(hp):
    hp.post("presensi", body(latitude=0.0))  # refused, but the context is remembered
    HariLibur.objects.create(tanggal=SELASA, nama="Hari jadi kabupaten", jenis="daerah")
    assert_error(hp.post("presensi", body()), 409, "bukan_hari_kerja")


def test_a_refused_device_is_refused_on_the_next_check_in(world, hp):
    hp.post("presensi", body())
    device = PerangkatPresensi.objects.get()
    decide_device(device, approve=False, actor=world.users["admin_bkd"])
    assert_error(hp.post("presensi", body(jenis="pulang")), 409, "perangkat_belum_terdaftar")


def test_a_stored_context_under_old_marks_is_not_used(world, hp):
    """Another process prepared the day, then a temporary place was approved: the stored row's
    mark is stale, so the check-in computes the context again and finds the place."""
    konteks.siapkan_konteks(SELASA)
    LokasiSementara.objects.create(
        pegawai=world.pegawai, nama="Hotel tempat rapat", latitude=Decimal("-7.25"),
        longitude=Decimal("112.75"), radius_m=200, mulai=SELASA, selesai=SELASA,
        alasan="Dinas luar",
    )  # fmt: skip
    konteks.lupakan()
    response = hp.post("presensi", body(latitude=-7.2501, longitude=112.75))
    assert response.status_code == 201, response.content
    assert response.json()["lokasi"] == "Hotel tempat rapat"


def test_a_pegawai_moved_to_another_opd_gets_that_opds_offices(world, hp):
    hp.post("presensi", body(latitude=0.0))
    Pegawai.objects.filter(pk=world.pegawai.pk).update(opd=world.opd_b)  # no signal needed
    assert_error(hp.post("presensi", body()), 409, "tidak_ada_lokasi")


def test_a_context_stored_for_the_old_opd_is_computed_again_after_a_move(world, hp):
    konteks.siapkan_konteks(SELASA)  # another process prepared the day at the old OPD
    konteks.lupakan()
    Pegawai.objects.filter(pk=world.pegawai.pk).update(opd=world.opd_b)
    assert_error(hp.post("presensi", body()), 409, "tidak_ada_lokasi")
    stored = KonteksPresensi.objects.get(pegawai=world.pegawai, tanggal=SELASA)
    assert stored.data["u"] == [world.opd_b.pk, world.pegawai.unit_id]


def test_preparing_the_day_costs_the_same_queries_for_more_pegawai(world):
    with CaptureQueriesContext(connection) as few:
        konteks.siapkan_konteks(SELASA)
    Pegawai.objects.bulk_create(
        Pegawai(nip=f"19900101201501{i:04d}", nama=f"Pegawai {i}", tanggal_lahir=date(1990, 1, 1),
                jenis_kelamin="P", status="pns", opd=world.opd_a, unit=world.pegawai.unit)
        for i in range(30)
    )  # fmt: skip
    with CaptureQueriesContext(connection) as more:
        count = konteks.siapkan_konteks(SELASA)
    assert count == Pegawai.objects.in_service().count()
    assert len(_statements(more)) == len(_statements(few))
    assert KonteksPresensi.objects.filter(tanggal=SELASA).count() == count
