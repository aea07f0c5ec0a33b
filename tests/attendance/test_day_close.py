"""The day close: statuses for everyone in service, idempotent, re-run after approved leave,
holidays, Ramadan, unit overrides and night shifts; a fixed number of queries."""

import itertools
from datetime import date, datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.attendance.day_close import close_yesterday, tutup_hari
from sikap.attendance.models import (
    HariJadwal,
    HariLibur,
    JadwalKerja,
    JadwalShift,
    Ketidakhadiran,
    PengaturanPresensi,
    Presensi,
    Shift,
    StatusHarian,
)
from sikap.attendance.services import save_ketidakhadiran
from sikap.people.models import Pegawai
from tests.attendance.conftest import WIB
from tests.factories import make_pegawai

SELASA = date(2026, 4, 7)
_keys = itertools.count()


def accepted(pegawai, jenis, *hms, day=SELASA, on=None):
    at = datetime.combine(on or day, time(*hms), tzinfo=WIB)
    return Presensi.objects.create(
        pegawai=pegawai, jenis=jenis, waktu=at, tanggal=day, alasan="diterima",
        pesan="", kunci=f"k{next(_keys)}", sidik="x", via="api",
    )  # fmt: skip


def status(pegawai, day=SELASA) -> StatusHarian:
    return StatusHarian.objects.get(pegawai=pegawai, tanggal=day)


def test_every_pegawai_in_service_gets_the_days_status(world):
    accepted(world.pegawai, "masuk", 7, 41)
    accepted(world.pegawai, "pulang", 15, 50)
    accepted(world.atasan, "masuk", 7, 20)
    Ketidakhadiran.objects.create(
        pegawai=world.pegawai_b, jenis="cuti_tahunan", mulai=SELASA, selesai=SELASA
    )
    count = tutup_hari(SELASA)
    assert count == Pegawai.objects.in_service().count()
    mine = status(world.pegawai)
    assert (mine.status, mine.tl, mine.terlambat_menit, mine.psw, mine.pulang_cepat_menit) == (
        "hadir", 1, 11, 1, 10,
    )  # fmt: skip
    head = status(world.atasan)
    assert (head.status, head.tl, head.psw) == ("hadir", 0, 4)  # no check-out: PSW4
    assert status(world.pegawai_lain).status == "tk"
    leave = status(world.pegawai_b)
    assert (leave.status, leave.jenis_ketidakhadiran) == ("cuti", "cuti_tahunan")


def test_closing_again_replaces_the_day_and_changes_nothing_else(world):
    accepted(world.pegawai, "masuk", 7, 41)
    first = tutup_hari(SELASA)
    before = list(StatusHarian.objects.values_list("pegawai_id", "status", "tl").order_by("pk"))
    assert tutup_hari(SELASA) == first
    after = list(StatusHarian.objects.values_list("pegawai_id", "status", "tl").order_by("pk"))
    assert sorted(before) == sorted(after)
    assert StatusHarian.objects.count() == first


def test_leave_approved_afterwards_recloses_the_past_days(
    world, django_capture_on_commit_callbacks
):
    tutup_hari(SELASA)
    assert status(world.pegawai_lain).status == "tk"
    with django_capture_on_commit_callbacks(execute=True):
        save_ketidakhadiran(
            Ketidakhadiran(pegawai=world.pegawai_lain, jenis="sakit", mulai=SELASA,
                           selesai=SELASA),
            actor=world.users["admin_bkd"],
        )  # fmt: skip
    assert status(world.pegawai_lain).status == "sakit"


def test_holidays_and_weekends_are_libur(world):
    HariLibur.objects.create(tanggal=SELASA, nama="Libur daerah", jenis="daerah")
    tutup_hari(SELASA)
    tutup_hari(date(2026, 4, 11))  # a Saturday
    assert set(StatusHarian.objects.values_list("status", flat=True)) == {"libur"}


def test_ramadan_starts_at_eight(world):
    # 3 March 2026 is in the seeded Ramadan 1447 H period.
    day = date(2026, 3, 3)
    accepted(world.pegawai, "masuk", 7, 55, day=day)
    accepted(world.pegawai, "pulang", 15, 0, day=day)
    tutup_hari(day)
    mine = status(world.pegawai, day)
    assert (mine.tl, mine.psw) == (0, 0)


def test_a_unit_schedule_overrides_the_opd_and_the_region(world):
    jadwal = JadwalKerja.objects.create(
        nama="Sekolah", unit=world.pegawai_lain.unit, berlaku_mulai=date(2026, 1, 1)
    )
    HariJadwal.objects.create(jadwal=jadwal, hari=1, masuk=time(7, 0), pulang=time(13, 0))
    accepted(world.pegawai_lain, "masuk", 7, 20)
    accepted(world.pegawai_lain, "pulang", 13, 0)
    accepted(world.pegawai, "masuk", 7, 20)
    tutup_hari(SELASA)
    assert status(world.pegawai_lain).terlambat_menit == 20
    assert status(world.pegawai).terlambat_menit == 0


def test_a_night_shift_counts_for_the_night_it_started_and_roster_gaps_are_off(world):
    malam = Shift.objects.create(
        opd=world.opd_a, nama="Malam", masuk=time(21, 0), pulang=time(7, 0)
    )
    JadwalShift.objects.create(pegawai=world.pegawai, tanggal=SELASA, shift=malam)
    accepted(world.pegawai, "masuk", 20, 50)
    accepted(world.pegawai, "pulang", 7, 5, on=date(2026, 4, 8))
    tutup_hari(SELASA)
    tutup_hari(date(2026, 4, 8))
    night = status(world.pegawai)
    assert (night.status, night.tl, night.psw) == ("hadir", 0, 0)
    # On the roster that month but not on the 8th: not a working day, even on a weekday.
    assert status(world.pegawai, date(2026, 4, 8)).status == "libur"
    assert status(world.pegawai_lain, date(2026, 4, 8)).status == "tk"


def test_days_decided_in_sql_and_by_the_rule_meet_at_the_exact_second(world):
    # Tuesday 07.30–16.00. At or before the start and at or after the end: on time, written by
    # the INSERT … SELECT; a second or half a second off goes through the rule.
    cases = {
        (7, 30, 0, 0): ((16, 0, 0), ("hadir", 0, 0, 0, 0)),
        (7, 30, 1, 0): ((16, 0, 0), ("hadir", 1, 0, 1, 0)),
        (7, 30, 0, 500000): ((16, 0, 0), ("hadir", 1, 0, 1, 0)),
        (7, 0, 0, 0): ((15, 59, 59), ("hadir", 0, 1, 0, 1)),
        (6, 59, 0, 0): ((17, 0, 0), ("hadir", 0, 0, 0, 0)),
    }
    people = {}
    for n, (masuk, (pulang, expected)) in enumerate(cases.items()):
        p = make_pegawai(world.opd_a, nama=f"Pegawai {n}")
        people[p.pk] = (accepted(p, "masuk", *masuk), accepted(p, "pulang", *pulang), expected)
    only_out = make_pegawai(world.opd_a, nama="Hanya pulang")
    accepted(only_out, "pulang", 16, 10)
    on_leave = make_pegawai(world.opd_b, nama="Izin tapi presensi")
    accepted(on_leave, "masuk", 7, 0)
    accepted(on_leave, "pulang", 16, 30)
    Ketidakhadiran.objects.create(pegawai=on_leave, jenis="izin", mulai=SELASA, selesai=SELASA)
    tutup_hari(SELASA)
    for pk, (masuk, pulang, expected) in people.items():
        row = StatusHarian.objects.get(pegawai_id=pk, tanggal=SELASA)
        assert (row.status, row.terlambat_menit, row.pulang_cepat_menit, row.tl, row.psw) == (
            expected
        )
        assert (row.masuk, row.pulang) == (masuk.waktu, pulang.waktu)
    assert (status(only_out).status, status(only_out).tl, status(only_out).psw) == ("hadir", 4, 0)
    assert (status(on_leave).status, status(on_leave).jenis_ketidakhadiran) == ("izin", "izin")
    assert StatusHarian.objects.count() == Pegawai.objects.in_service().count()


def test_on_time_follows_the_configured_bands_and_a_roster_keeps_its_days_off(world):
    PengaturanPresensi.objects.update(pita_1=0)  # a region whose TL1/PSW1 start at minute 0
    accepted(world.pegawai, "masuk", 7, 0)
    accepted(world.pegawai, "pulang", 16, 0)
    pagi = Shift.objects.create(opd=world.opd_a, nama="Pagi", masuk=time(7, 0), pulang=time(14, 0))
    JadwalShift.objects.create(pegawai=world.pegawai_lain, tanggal=date(2026, 4, 8), shift=pagi)
    accepted(world.pegawai_lain, "masuk", 7, 0)
    accepted(world.pegawai_lain, "pulang", 16, 0)
    tutup_hari(SELASA)
    assert (status(world.pegawai).status, status(world.pegawai).tl, status(world.pegawai).psw) == (
        "hadir", 1, 1,
    )  # fmt: skip
    assert status(world.pegawai_lain).status == "libur"  # on the roster that month, not today


def test_the_close_costs_the_same_queries_for_few_or_many_pegawai(world):
    def cost():
        with CaptureQueriesContext(connection) as ctx:
            tutup_hari(SELASA)
        return len(ctx.captured_queries)

    cost()  # the first call warms per-process caches (other modules' home cards, the day's
    # configuration), which earlier tests may or may not have warmed in a random order
    few = cost()
    for n in range(12):
        make_pegawai(world.opd_a, nama=f"Pegawai {n}")
    assert cost() == few


def test_the_scheduled_job_closes_yesterday(world, clock):
    clock.set(2026, 4, 8, 13, 0)
    assert close_yesterday() == Pegawai.objects.in_service().count()
    assert StatusHarian.objects.filter(tanggal=SELASA).exists()


@pytest.mark.parametrize("bad", ["2026-02-30", "kemarin"])
def test_a_bad_date_for_the_rerun_is_refused(db, bad):
    from sikap.attendance.day_close import close_days

    with pytest.raises(ValueError):
        close_days([bad])
