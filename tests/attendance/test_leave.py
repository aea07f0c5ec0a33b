"""Leave and permission requests through the one workflow: the atasan decides, admin BKD where
the type requires; approval changes past day statuses; every bad request refused clearly."""

from datetime import date

import pytest

from sikap.attendance import leave
from sikap.attendance.day_close import tutup_hari
from sikap.attendance.flows import FLOW
from sikap.attendance.models import Ketidakhadiran, PengajuanKetidakhadiran, StatusHarian
from sikap.core.errors import SikapError
from sikap.core.models import Notifikasi
from tests.documents.conftest import pdf_bytes, upload

pytestmark = pytest.mark.usefixtures("clock")
S = PengajuanKetidakhadiran.Status


def ask(world, jenis="cuti_tahunan", mulai=date(2026, 4, 7), selesai=date(2026, 4, 9), **kw):
    return leave.ajukan(
        jenis=jenis, mulai=mulai, selesai=selesai, alasan=kw.pop("alasan", "Keperluan keluarga"),
        actor=world.users["pegawai"], **kw,
    )  # fmt: skip


def test_the_atasan_approves_annual_leave_and_past_days_become_cuti(
    world, clock, django_capture_on_commit_callbacks
):
    clock.set(2026, 4, 10, 9, 0)
    for day in (7, 8, 9):
        tutup_hari(date(2026, 4, day))
    assert StatusHarian.objects.get(pegawai=world.pegawai, tanggal=date(2026, 4, 8)).status == "tk"
    with django_capture_on_commit_callbacks(execute=True):
        case = ask(world)
    assert case.hari_kerja == 3 and case.state == S.DIAJUKAN
    assert Notifikasi.objects.filter(user=world.users["atasan"]).exists()
    assert [t.name for t in FLOW.available(case, world.users["atasan"])] == [
        "setujui", "kembalikan", "tolak",
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        FLOW.run(case, "setujui", actor=world.users["atasan"])
    assert Ketidakhadiran.objects.get(pegawai=world.pegawai).jenis == "cuti_tahunan"
    statuses = StatusHarian.objects.filter(pegawai=world.pegawai).values_list("status", flat=True)
    assert set(statuses) == {"cuti"}
    assert leave.sisa_cuti(world.pegawai, 2026) == 12 + 6 - 3


def test_long_leave_goes_on_to_admin_bkd(world):
    case = ask(world, "cuti_besar", date(2026, 5, 4), date(2026, 5, 29))
    FLOW.run(case, "teruskan", actor=world.users["atasan"])
    assert case.state == S.MENUNGGU_BKD
    assert not FLOW.available(case, world.users["atasan"])
    FLOW.run(case, "setujui_bkd", actor=world.users["admin_bkd"])
    assert case.state == S.DISETUJUI and Ketidakhadiran.objects.count() == 1


@pytest.mark.parametrize("persona", ["pegawai", "pegawai_lain", "admin_bkd", "admin_opd"])
def test_only_the_atasan_decides_the_first_step(world, persona):
    case = ask(world)
    actor = world.users.get(persona) or world.users["kabid"]
    with pytest.raises(SikapError, match="tidak berhak"):
        FLOW.run(case, "setujui", actor=actor)
    assert PengajuanKetidakhadiran.objects.get().state == S.DIAJUKAN


def test_returned_with_a_reason_then_asked_again(world):
    case = ask(world)
    with pytest.raises(SikapError, match="Alasan wajib"):
        FLOW.run(case, "kembalikan", actor=world.users["atasan"])
    FLOW.run(case, "kembalikan", actor=world.users["atasan"], reason="Tanggal bentrok rapat")
    FLOW.run(case, "ajukan_ulang", actor=world.users["pegawai"])
    assert case.state == S.DIAJUKAN


def test_sick_leave_needs_a_document_which_is_content_checked(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(SikapError, match="surat keterangan dokter"):
        ask(world, "sakit")
    with pytest.raises(SikapError):
        ask(world, "sakit", berkas=upload("dokter.pdf", b"bukan pdf"))
    case = ask(world, "sakit", berkas=upload("dokter.pdf", pdf_bytes()))
    assert case.dokumen.jenis.kode == "bukti_ketidakhadiran"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"mulai": date(2026, 4, 9), "selesai": date(2026, 4, 7)}, "tidak boleh sebelum"),
        ({"mulai": date(2026, 4, 11), "selesai": date(2026, 4, 12)}, "Tidak ada hari kerja"),
        ({"mulai": date(2026, 1, 1), "selesai": date(2026, 2, 28)}, "Sisa cuti tahunan 18"),
        ({"alasan": "   "}, "Alasan wajib"),
        ({"jenis": "liburan"}, "tidak dikenal"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(world, changes, message):
    with pytest.raises(SikapError, match=message):
        ask(world, **changes)
    assert not PengajuanKetidakhadiran.objects.exists()


def test_overlapping_requests_are_refused(world):
    ask(world)
    with pytest.raises(SikapError, match="tumpang tindih"):
        ask(world, "izin", date(2026, 4, 9), date(2026, 4, 9))


def test_a_staff_account_cannot_ask(world):
    with pytest.raises(SikapError, match="untuk dirinya sendiri"):
        leave.ajukan(jenis="izin", mulai=date(2026, 4, 7), selesai=date(2026, 4, 7),
                     alasan="x", actor=world.users["admin_bkd"])  # fmt: skip


def test_the_web_pages_ask_and_decide(world):
    pegawai = world.client("pegawai")
    response = pegawai.post(
        "/presensi/cuti/",
        {"jenis": "izin", "mulai": "2026-04-08", "selesai": "2026-04-08", "alasan": "Urusan"},
    )
    case = PengajuanKetidakhadiran.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/presensi/cuti/{case.pk}/"
    page = world.client("atasan").get(f"/presensi/cuti/{case.pk}/")
    assert "Setujui" in page.content.decode()
    world.client("atasan").post(
        f"/presensi/cuti/{case.pk}/langkah/", {"langkah": "setujui", "version": case.version}
    )
    assert PengajuanKetidakhadiran.objects.get().state == S.DISETUJUI
    assert world.client("admin_opd_lain").get(f"/presensi/cuti/{case.pk}/").status_code == 404
    bad = pegawai.post("/presensi/cuti/", {"jenis": "izin", "mulai": "kemarin"})
    assert bad.status_code == 200 and "Masukkan tanggal yang valid" in bad.content.decode()


def test_a_decision_says_whose_request_and_its_new_status(world):
    """From the inbox the next page is the next request, so the message names this one; a
    one-day request shows its date once."""
    case = ask(world, jenis="izin", mulai=date(2026, 4, 8), selesai=date(2026, 4, 8))
    r = world.client("atasan").post(
        f"/presensi/cuti/{case.pk}/langkah/",
        {"langkah": "setujui", "version": case.version},
        follow=True,
    )
    label = FLOW.state_label(S.DISETUJUI).lower()
    assert [m.message for m in r.context["messages"]] == [
        f"Izin 08-04-2026 — {world.pegawai.nama}: kini {label}."
    ]
