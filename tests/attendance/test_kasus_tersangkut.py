"""A discipline proposal, a temporary-place request or a leave request at its first step waits
for "the atasan": the pegawai's atasan now, not the one it was filed to, and admin BKD when
there is none, so no case is stuck with a head who moved on or retired. Nobody acts on their
own record."""

from datetime import date

import pytest
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.attendance.flows import DISIPLIN_FLOW, FLOW, LOKASI_FLOW
from sikap.attendance.models import (
    LokasiSementara,
    PengajuanKetidakhadiran,
    PengajuanLokasi,
    UsulanDisiplin,
)
from sikap.core import inbox
from sikap.core.errors import SikapError
from sikap.core.models import Notifikasi
from sikap.org.models import UnitKerja
from sikap.people.models import Pegawai
from sikap.rules import kedudukan
from tests.attendance.test_disiplin import run, statuses, working_days
from tests.attendance.test_leave import ask
from tests.attendance.test_lokasi import propose

pytestmark = pytest.mark.usefixtures("kantor", "clock")


def teguran(world) -> UsulanDisiplin:
    statuses(world.pegawai, working_days(date(2026, 1, 12), 3))
    [case] = run()
    assert case.penindak == world.atasan and not case.ke_bkd
    return case


def moves_under_the_kabid(world) -> None:
    """Budi moves from the Kepala Dinas's own staff into the kabid's field."""
    bidang = UnitKerja.objects.get(nama="Bidang Pembinaan SD")
    Pegawai.objects.filter(pk=world.pegawai.pk).update(unit=bidang)


def the_atasan_retires(world) -> None:
    Pegawai.objects.filter(pk=world.atasan.pk).update(kedudukan=kedudukan.PENSIUN)


def waiting_for(world, kind: str, persona: str) -> set[str]:
    items = inbox.get(kind).items(world.users[persona], inbox.Filters(), 10)
    return {i.pegawai_nip for i in items}


def test_a_teguran_goes_to_the_new_atasan_and_not_the_old(world):
    case = teguran(world)
    moves_under_the_kabid(world)
    assert waiting_for(world, "attendance.disiplin", "kabid") == {world.pegawai.nip}
    assert waiting_for(world, "attendance.disiplin", "atasan") == set()
    with pytest.raises(SikapError):
        DISIPLIN_FLOW.run(case, "tindak_lanjuti", actor=world.users["atasan"], reason="x")
    step = {"langkah": "tindak_lanjuti", "version": case.version, "alasan": "Teguran lisan"}
    response = world.client("kabid").post(
        reverse("attendance:disiplin_langkah", args=[case.pk]), step
    )
    assert response.status_code == 302
    assert UsulanDisiplin.objects.get().state == UsulanDisiplin.Status.DITINDAKLANJUTI


@pytest.mark.parametrize("persona", ["atasan", "admin_opd", "kabid", "pegawai"])
def test_a_teguran_without_an_atasan_is_only_for_admin_bkd(world, persona):
    case = teguran(world)
    the_atasan_retires(world)
    with pytest.raises(SikapError):
        DISIPLIN_FLOW.run(case, "batalkan", actor=world.users[persona], reason="x")
    assert waiting_for(world, "attendance.disiplin", persona) == set()
    assert waiting_for(world, "attendance.disiplin", "admin_bkd") == {world.pegawai.nip}
    page = world.client("admin_bkd").get(case.get_absolute_url()).content.decode()
    assert "Catat tindak lanjut" in page
    DISIPLIN_FLOW.run(case, "batalkan", actor=world.users["admin_bkd"], reason="Sudah izin")
    assert UsulanDisiplin.objects.get().state == UsulanDisiplin.Status.DIBATALKAN


def test_an_admin_bkd_does_not_act_on_their_own_proposal_without_an_atasan(world):
    own = world.users["pegawai"]
    own.peran = Peran.ADMIN_BKD
    own.save(update_fields=["peran"])
    case = teguran(world)
    the_atasan_retires(world)
    with pytest.raises(SikapError):
        DISIPLIN_FLOW.run(case, "tindak_lanjuti", actor=own, reason="x")
    assert inbox.get("attendance.disiplin").count(own, inbox.Filters()) == 0
    place = propose(world)
    with pytest.raises(SikapError):
        LOKASI_FLOW.run(place, "setujui", actor=own)
    assert inbox.get("attendance.lokasi").count(own, inbox.Filters()) == 0
    cuti = ask(world)
    with pytest.raises(SikapError):
        FLOW.run(cuti, "setujui", actor=own)
    assert inbox.get("attendance.cuti").count(own, inbox.Filters()) == 0


def test_a_place_goes_to_the_new_atasan_and_not_the_old(world):
    case = propose(world)
    moves_under_the_kabid(world)
    assert waiting_for(world, "attendance.lokasi", "kabid") == {world.pegawai.nip}
    assert waiting_for(world, "attendance.lokasi", "atasan") == set()
    with pytest.raises(SikapError):
        LOKASI_FLOW.run(case, "setujui", actor=world.users["atasan"])
    step = {"langkah": "setujui", "version": case.version}
    response = world.client("kabid").post(
        reverse("attendance:lokasi_langkah", args=[case.pk]), step
    )
    assert response.status_code == 302 and LokasiSementara.objects.count() == 1


@pytest.mark.parametrize("persona", ["atasan", "admin_opd", "kabid"])
def test_a_place_without_an_atasan_goes_to_admin_bkd(
    world, persona, django_capture_on_commit_callbacks
):
    the_atasan_retires(world)
    with django_capture_on_commit_callbacks(execute=True):
        case = propose(world)
    assert Notifikasi.objects.get(user=world.users["admin_bkd"]).url == case.get_absolute_url()
    with pytest.raises(SikapError):
        LOKASI_FLOW.run(case, "setujui", actor=world.users[persona])
    assert waiting_for(world, "attendance.lokasi", persona) == set()
    assert waiting_for(world, "attendance.lokasi", "admin_bkd") == {world.pegawai.nip}
    step = {"langkah": "setujui", "version": case.version}
    response = world.client("admin_bkd").post(
        reverse("attendance:lokasi_langkah", args=[case.pk]), step
    )
    assert response.status_code == 302
    assert PengajuanLokasi.objects.get().state == PengajuanLokasi.Status.DISETUJUI


def test_a_leave_request_goes_to_the_new_atasan_and_not_the_old(world):
    case = ask(world)
    moves_under_the_kabid(world)
    assert waiting_for(world, "attendance.cuti", "kabid") == {world.pegawai.nip}
    assert waiting_for(world, "attendance.cuti", "atasan") == set()
    with pytest.raises(SikapError):
        FLOW.run(case, "setujui", actor=world.users["atasan"])
    FLOW.run(case, "setujui", actor=world.users["kabid"])
    assert PengajuanKetidakhadiran.objects.get().state == PengajuanKetidakhadiran.Status.DISETUJUI


def test_a_leave_request_asked_without_an_atasan_is_sent_to_admin_bkd(
    world, django_capture_on_commit_callbacks
):
    the_atasan_retires(world)
    with django_capture_on_commit_callbacks(execute=True):
        case = ask(world)
    assert Notifikasi.objects.get(user=world.users["admin_bkd"]).url == case.get_absolute_url()
    assert not Notifikasi.objects.filter(user=world.users["atasan"]).exists()


@pytest.mark.parametrize("persona", ["atasan", "admin_opd", "kabid", "pegawai"])
def test_a_leave_request_left_without_an_atasan_is_decided_by_admin_bkd(world, persona):
    case = ask(world)
    the_atasan_retires(world)
    with pytest.raises(SikapError):
        FLOW.run(case, "setujui", actor=world.users[persona])
    assert waiting_for(world, "attendance.cuti", persona) == set()
    assert waiting_for(world, "attendance.cuti", "admin_bkd") == {world.pegawai.nip}
    page = world.client("admin_bkd").get(case.get_absolute_url()).content.decode()
    assert "Setujui" in page
    step = {"langkah": "setujui", "version": case.version}
    response = world.client("admin_bkd").post(
        reverse("attendance:cuti_langkah", args=[case.pk]), step
    )
    assert response.status_code == 302
    assert PengajuanKetidakhadiran.objects.get().state == PengajuanKetidakhadiran.Status.DISETUJUI
