"""The home cards and the inbox source of the attendance module."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.attendance import leave
from sikap.attendance.flows import FLOW
from sikap.attendance.models import PerangkatPresensi
from sikap.core import home, inbox
from tests.attendance.test_day_close import accepted
from tests.factories import make_pegawai

pytestmark = pytest.mark.usefixtures("clock")
TODAY = date(2026, 4, 7)


def cards(user):
    return {c.key: c for c in home.cards_for(user, TODAY) if c.key.startswith("attendance.")}


def test_a_pegawai_sees_todays_state_and_a_head_their_subordinates_counts(world):
    accepted(world.pegawai, "masuk", 7, 41)
    mine = cards(world.users["pegawai"])
    assert set(mine) == {"attendance.hari_ini"}
    assert mine["attendance.hari_ini"].context["hari"]["keadaan"] == "Sudah masuk 07.41"
    head = cards(world.users["atasan"])
    summary = {k: n for k, _, n in head["attendance.pantauan"].context["summary"]}
    assert summary["terlambat"] == 1
    assert "attendance.pantauan" in cards(world.users["admin_opd"])
    assert not cards(world.users["verifikator"]).get("attendance.hari_ini")


def test_the_counts_card_costs_the_same_for_few_or_many(world):
    def cost():
        with CaptureQueriesContext(connection) as ctx:
            cards(world.users["admin_opd"])
        return len(ctx.captured_queries)

    cost()  # the first call warms per-process caches (other modules' home cards, the day's
    # configuration), which earlier tests may or may not have warmed in a random order
    few = cost()
    for n in range(6):
        make_pegawai(world.opd_a, nama=f"Pegawai {n}")
    assert cost() == few


def source():
    return next(s for s in inbox.sources() if s.kind == "attendance.cuti")


def test_the_atasan_and_then_admin_bkd_find_the_request_in_their_inbox(world):
    case = leave.ajukan(jenis="cuti_besar", mulai=date(2026, 5, 4), selesai=date(2026, 5, 8),
                        alasan="Umrah", actor=world.users["pegawai"])  # fmt: skip
    none = inbox.Filters()
    assert source().count(world.users["atasan"], none) == 1
    [item] = source().items(world.users["atasan"], none, 10)
    assert item.url == f"/presensi/cuti/{case.pk}/" and item.pegawai_nama == "Budi Santoso"
    for persona in ("pegawai", "admin_bkd", "admin_opd", "kabid"):
        assert source().count(world.users[persona], none) == 0
    FLOW.run(case, "teruskan", actor=world.users["atasan"])
    assert source().count(world.users["atasan"], none) == 0
    assert source().count(world.users["admin_bkd"], none) == 1
    assert source().count(world.users["admin_bkd"], inbox.Filters(opd_id=world.opd_b.pk)) == 0


def test_a_new_phone_waits_in_admin_bkds_inbox_never_its_owners_and_opens_at_kelola(world):
    phones = inbox.get("attendance.perangkat")
    PerangkatPresensi.objects.create(pegawai=world.pegawai, device_id="lama", status="disetujui")
    PerangkatPresensi.objects.create(pegawai=world.pegawai, device_id="baru", status="menunggu")
    admin = world.users["admin_bkd"]
    admin.pegawai = make_pegawai(world.opd_b, nama="Admin Kepegawaian")
    admin.save()
    PerangkatPresensi.objects.create(pegawai=admin.pegawai, device_id="milik", status="menunggu")
    none = inbox.Filters()
    [item] = phones.items(world.users["admin_bkd"], none, 10)
    assert phones.count(world.users["admin_bkd"], none) == 1
    assert item.title == "Perangkat baru Budi Santoso"
    kelola = "/kelola/attendance/perangkatpresensi/"
    assert item.url == f"{kelola}?status__exact=menunggu&q={world.pegawai.nip}"
    assert world.client("admin_bkd").get(item.url).status_code == 200
    for persona in ("pegawai", "atasan", "admin_opd", "verifikator"):
        assert phones.count(world.users[persona], none) == 0
