"""Daily activities: the pegawai records them, the atasan approves or returns them in bulk,
approved minutes reach the recap; bad input refused, nobody decides their own."""

from datetime import date, time

import pytest

from sikap.attendance import aktivitas
from sikap.attendance.day_close import tutup_hari
from sikap.attendance.models import Aktivitas
from sikap.core import inbox
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry

pytestmark = pytest.mark.usefixtures("clock")
TODAY = date(2026, 4, 7)


def catat(world, persona="pegawai", day=TODAY, mulai=(8, 0), selesai=(10, 30), **kw):
    return aktivitas.catat(
        tanggal=day, mulai=time(*mulai), selesai=time(*selesai),
        uraian=kw.get("uraian", "Verifikasi berkas kenaikan pangkat"), output="berkas",
        volume=kw.get("volume", 12), actor=world.users[persona],
    )  # fmt: skip


def test_the_atasan_approves_in_bulk_and_the_minutes_reach_the_recap(world):
    first = catat(world)
    second = catat(world, mulai=(10, 30), selesai=(12, 0))
    assert first.menit == 150 and first.status == "diajukan"
    assert aktivitas.putuskan([first.pk, second.pk], setujui=True,
                              actor=world.users["atasan"]) == 2  # fmt: skip
    assert set(Aktivitas.objects.values_list("status", flat=True)) == {"disetujui"}
    assert AuditEntry.objects.filter(kind="aktivitas.updated").count() == 2
    tutup_hari(TODAY)
    page = world.client("pegawai").get("/presensi/rekap/?bulan=2026-04")
    assert page.context["rows"][0].aktivitas_menit == 240


def test_returning_needs_a_reason_which_the_pegawai_sees(world):
    found = catat(world)
    with pytest.raises(SikapError, match="Alasan wajib"):
        aktivitas.putuskan([found.pk], setujui=False, actor=world.users["atasan"])
    aktivitas.putuskan([found.pk], setujui=False, catatan="Lengkapi output",
                       actor=world.users["atasan"])  # fmt: skip
    page = world.client("pegawai").get("/presensi/aktivitas/").content.decode()
    assert "Dikembalikan" in page and "Lengkapi output" in page


@pytest.mark.parametrize("persona", ["pegawai", "kabid", "admin_bkd", "admin_opd"])
def test_only_the_atasan_decides(world, persona):
    found = catat(world)
    with pytest.raises(SikapError, match="Tidak ada aktivitas"):
        aktivitas.putuskan([found.pk], setujui=True, actor=world.users[persona])
    assert Aktivitas.objects.get().status == "diajukan"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": date(2026, 4, 8)}, "akan datang"),
        ({"day": date(2026, 3, 20)}, "paling lambat 7 hari"),
        ({"mulai": (10, 0), "selesai": (9, 0)}, "setelah jam mulai"),
        ({"uraian": "  "}, "wajib diisi"),
        ({"volume": 0}, "paling sedikit 1"),
    ],
)
def test_bad_activities_are_refused(world, changes, message):
    with pytest.raises(SikapError, match=message):
        catat(world, **changes)
    assert not Aktivitas.objects.exists()


def test_overlapping_activities_are_refused(world):
    catat(world)
    with pytest.raises(SikapError, match="tumpang tindih"):
        catat(world, mulai=(9, 0), selesai=(9, 30))


def test_the_pages_record_and_decide_and_the_inbox_lists_them(world):
    response = world.client("pegawai").post(
        "/presensi/aktivitas/",
        {"tanggal": "2026-04-07", "mulai": "08:00", "selesai": "09:00", "uraian": "Rapat",
         "output": "notulen", "volume": 1},
    )  # fmt: skip
    assert response.status_code == 302
    source = next(s for s in inbox.sources() if s.kind == "attendance.aktivitas")
    assert source.count(world.users["atasan"], inbox.Filters()) == 1
    assert source.count(world.users["pegawai"], inbox.Filters()) == 0
    found = Aktivitas.objects.get()
    world.client("atasan").post(
        "/presensi/aktivitas/persetujuan/", {"pilih": [found.pk], "keputusan": "setujui"}
    )
    assert Aktivitas.objects.get().status == "disetujui"
    bad = world.client("pegawai").post("/presensi/aktivitas/", {"tanggal": "besok"})
    assert bad.status_code == 200 and not Aktivitas.objects.exclude(pk=found.pk).exists()


def test_the_decision_message_says_approved_or_returned(world):
    first, second = catat(world), catat(world, mulai=(10, 30), selesai=(12, 0))
    atasan = world.client("atasan")
    url = "/presensi/aktivitas/persetujuan/"
    r = atasan.post(url, {"pilih": [first.pk], "keputusan": "setujui"}, follow=True)
    assert [m.message for m in r.context["messages"]] == ["1 aktivitas disetujui."]
    r = atasan.post(
        url, {"pilih": [second.pk], "keputusan": "kembalikan", "catatan": "Lengkapi"}, follow=True
    )
    assert [m.message for m in r.context["messages"]] == ["1 aktivitas dikembalikan."]
