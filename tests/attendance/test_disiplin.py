"""PP 94/2021 proposals from the day statuses (RULES §8): filed once per threshold a year with
the days listed, to the atasan for teguran and to admin BKD for heavier ones, through the
workflow; never a punishment; each bad step refused with a clear message and nothing changed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from sikap.attendance import disiplin
from sikap.attendance.flows import DISIPLIN_FLOW
from sikap.attendance.models import StatusHarian, UsulanDisiplin
from sikap.core import inbox
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi

MARCH = date(2026, 3, 31)


def working_days(start: date, n: int) -> list[date]:
    days, day = [], start
    while len(days) < n:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def statuses(pegawai, tk: list[date], hadir: list[date] = ()) -> None:
    StatusHarian.objects.bulk_create(
        [StatusHarian(pegawai=pegawai, opd_id=pegawai.opd_id, tanggal=d, status="tk") for d in tk]
        + [StatusHarian(pegawai=pegawai, opd_id=pegawai.opd_id, tanggal=d, status="hadir")
           for d in hadir]
    )  # fmt: skip


def run(sampai=MARCH, actor=None):
    from sikap.accounts.system import system_actor

    return disiplin.ajukan_usulan(sampai, actor=actor or system_actor())


def test_three_unexcused_days_go_to_the_atasan_with_the_days_listed(
    world, django_capture_on_commit_callbacks
):
    days = [date(2026, 1, 5), date(2026, 2, 10), date(2026, 3, 16)]
    statuses(world.pegawai, days, hadir=[date(2026, 1, 6)])
    with django_capture_on_commit_callbacks(execute=True):
        [case] = run()
    assert case.hukuman == "teguran lisan" and case.tingkat == "ringan"
    assert case.kumulatif == 3 and case.tanggal == days and case.state == "menunggu"
    assert case.penindak == world.atasan and not case.ke_bkd
    assert AuditEntry.objects.filter(kind="usulan_disiplin.created").count() == 1
    text = Notifikasi.objects.get(user=world.users["atasan"]).message
    assert text.startswith(f"{world.pegawai.nama}: 3 hari tanpa keterangan pada 2026")
    assert not Notifikasi.objects.filter(user=world.users["admin_bkd"]).exists()


def test_two_days_file_nothing_and_a_rerun_files_nothing_twice(world):
    statuses(world.pegawai, [date(2026, 1, 5), date(2026, 1, 6)])
    assert run() == []
    statuses(world.pegawai, [date(2026, 1, 7)])
    assert len(run()) == 1
    assert run() == []
    assert UsulanDisiplin.objects.count() == 1


def test_a_higher_threshold_files_a_new_proposal_and_heavier_ones_go_to_bkd(world):
    statuses(world.pegawai, working_days(date(2026, 1, 5), 4)[::1][:3])
    run(date(2026, 1, 31))
    mondays = [date(2026, 2, 2) + timedelta(days=7 * n) for n in range(9)]  # not in a row
    statuses(world.pegawai, mondays, hadir=[d + timedelta(days=1) for d in mondays])
    [case] = run()
    assert case.kumulatif == 12 and case.ambang == 11 and case.tingkat == "sedang"
    assert case.hukuman == "pemotongan tunjangan kinerja 25% selama 6 bulan"
    assert case.ke_bkd and case.penindak is None
    assert case.ambang_teks == "11–13 hari kerja dalam setahun"
    assert UsulanDisiplin.objects.count() == 2


def test_ten_consecutive_working_days_propose_pdhtaps_listing_the_run(world):
    run_days = working_days(date(2026, 3, 2), 10)  # across two weekends
    statuses(world.pegawai, run_days, hadir=[date(2026, 2, 27)])
    [case] = run()
    assert case.dasar == "berturut" and case.berturut == 10
    assert case.hukuman == "pemberhentian dengan hormat tidak atas permintaan sendiri"
    assert case.tanggal == run_days and case.ke_bkd


def test_days_after_the_count_date_and_of_another_year_do_not_count(world):
    statuses(
        world.pegawai, [date(2025, 12, 29), date(2025, 12, 30), date(2026, 1, 5), date(2026, 4, 1)]
    )
    assert run() == []


def test_the_atasan_records_the_follow_up_and_the_pegawai_is_told(
    world, django_capture_on_commit_callbacks
):
    statuses(world.pegawai, working_days(date(2026, 1, 12), 3))
    [case] = run()
    assert [s.name for s in DISIPLIN_FLOW.available(case, world.users["atasan"])] == [
        "tindak_lanjuti", "batalkan",
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        DISIPLIN_FLOW.run(case, "tindak_lanjuti", actor=world.users["atasan"],
                          reason="Teguran lisan diberikan 2 April 2026")  # fmt: skip
    assert UsulanDisiplin.objects.get().state == "ditindaklanjuti"
    assert CaseEvent.objects.filter(transition="tindak_lanjuti").exists()
    assert "Teguran lisan diberikan" in Notifikasi.objects.get(user=world.users["pegawai"]).message


@pytest.mark.parametrize("persona", ["pegawai", "admin_bkd", "admin_opd", "kabid"])
def test_only_the_atasan_acts_on_a_teguran(world, persona):
    statuses(world.pegawai, working_days(date(2026, 1, 12), 3))
    [case] = run()
    actor = world.users[persona]
    with pytest.raises(SikapError):
        DISIPLIN_FLOW.run(case, "tindak_lanjuti", actor=actor, reason="x")
    assert UsulanDisiplin.objects.get().state == "menunggu"


def test_a_follow_up_without_its_note_is_refused_and_nothing_changes(world):
    statuses(world.pegawai, working_days(date(2026, 1, 12), 3))
    [case] = run()
    with pytest.raises(SikapError, match="Alasan wajib diisi"):
        DISIPLIN_FLOW.run(case, "batalkan", actor=world.users["atasan"], reason="  ")
    assert UsulanDisiplin.objects.get().state == "menunggu"


def test_the_inbox_shows_each_head_their_teguran_and_bkd_the_rest(world):
    statuses(world.pegawai, working_days(date(2026, 1, 5), 11))  # 10 in a row: BKD
    statuses(world.pegawai_lain, working_days(date(2026, 1, 5), 3))  # teguran: the kabid
    statuses(world.pegawai_b, working_days(date(2026, 1, 5), 3))  # no atasan: BKD
    run()
    source = inbox.get("attendance.disiplin")

    def nips(persona):
        return {i.pegawai_nip for i in source.items(world.users[persona], inbox.Filters(), 10)}

    assert nips("admin_bkd") == {world.pegawai.nip, world.pegawai_b.nip}
    assert nips("kabid") == {world.pegawai_lain.nip}
    assert nips("atasan") == set()
    assert source.count(world.users["pegawai"], inbox.Filters()) == 0


def test_the_pages_list_and_decide_and_admin_bkd_counts_on_demand(world):
    statuses(world.pegawai, working_days(date(2026, 1, 12), 3))
    [case] = run()
    atasan = world.client("atasan")
    page = atasan.get(reverse("attendance:disiplin_list"))
    assert page.status_code == 200 and "teguran lisan" in page.content.decode()
    detail = atasan.get(case.get_absolute_url()).content.decode()
    assert "3 hari kerja" in detail and "Catat tindak lanjut" in detail
    assert "tanpa keterangan 3 hari kerja dalam setahun diancam" in detail
    step = {"langkah": "tindak_lanjuti", "version": case.version, "alasan": ""}
    response = atasan.post(reverse("attendance:disiplin_langkah", args=[case.pk]), step)
    assert response.status_code == 302 and UsulanDisiplin.objects.get().state == "menunggu"
    assert world.client("kabid").get(case.get_absolute_url()).status_code == 404
    assert world.client("atasan").post(reverse("attendance:disiplin_hitung")).status_code == 403
    assert world.client("admin_bkd").post(reverse("attendance:disiplin_hitung")).status_code == 302


def test_a_cancelled_proposal_blocks_its_days_until_one_of_them_is_excused(world):
    first = working_days(date(2026, 1, 12), 3)
    statuses(world.pegawai, first)
    [case] = run()
    DISIPLIN_FLOW.run(case, "batalkan", actor=world.users["atasan"], reason="Dinas luar, SPT ada")
    assert run() == []  # the same unexcused days: not proposed again
    StatusHarian.objects.filter(pegawai=world.pegawai, tanggal=first[0]).update(status="dinas_luar")
    statuses(world.pegawai, working_days(date(2026, 2, 2), 1))
    [again] = run()  # three unexcused days again, not the cancelled ones: a new proposal
    assert again.pk != case.pk and again.ambang == case.ambang
    assert UsulanDisiplin.objects.filter(state="menunggu").count() == 1
