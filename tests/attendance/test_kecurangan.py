"""The anti-fraud report: leads from recorded attempts of the pegawai one monitors, on the page
and in the XLSX; who may see it."""

import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from sikap.attendance.models import PerangkatPresensi, Presensi
from tests.attendance.conftest import WIB

pytestmark = pytest.mark.usefixtures("kantor", "clock")
T = datetime(2026, 4, 7, 7, 30, tzinfo=WIB)


def attempt(pegawai, minutes, lat, lon, *, alasan="diterima", jarak=30.0, device="hp-1",
            mock=False, tanggal=True):  # fmt: skip
    moment = T + timedelta(minutes=minutes)
    return Presensi.objects.create(
        pegawai=pegawai, jenis="masuk", waktu=moment, tanggal=moment.date() if tanggal else None,
        latitude=lat, longitude=lon, akurasi_m=10, mock=mock, device_id=device,
        kunci=f"k{pegawai.pk}-{minutes}-{lat}", sidik="x", alasan=alasan, pesan="",
        jarak_m=jarak, lokasi="Kantor Dinas Pendidikan", via="api",
    )  # fmt: skip


def report(world, persona="admin_opd", **params):
    return world.client(persona).get("/presensi/kecurangan/", {"bulan": "2026-04", **params})


def test_each_kind_of_lead_is_listed_for_the_admin_opd(world):
    p = world.pegawai
    attempt(p, 0, -6.2003, 106.8, jarak=95.0)  # edge of a 100 m circle
    attempt(p, 5, -6.9147, 107.6098, alasan="luar_radius", jarak=80_000.0)  # 80 km in 5 min
    attempt(p, 6, -6.2003, 106.8, alasan="lokasi_palsu", mock=True, tanggal=False)
    for n in range(3):
        attempt(world.pegawai_lain, 60 * 24 * (n + 1), -6.2001, 106.8001, device="hp-bersama")
    attempt(world.atasan, 0, -6.2, 106.8, device="hp-bersama")
    PerangkatPresensi.objects.create(pegawai=p, device_id="hp-1", status="disetujui")
    PerangkatPresensi.objects.create(pegawai=p, device_id="hp-2", status="menunggu")
    PerangkatPresensi.objects.create(pegawai=world.pegawai_lain, device_id="hp-bersama",
                                     status="disetujui")  # fmt: skip
    PerangkatPresensi.objects.create(pegawai=world.atasan, device_id="hp-bersama",
                                     status="disetujui")  # fmt: skip
    page = report(world)
    assert page.status_code == 200
    counts = dict(page.context["counts"])
    assert counts == {
        "Lokasi palsu (mock)": 1, "Perangkat baru": 1, "Satu perangkat, beberapa pegawai": 2,
        "Perpindahan tidak wajar": 2, "Koordinat persis berulang": 1, "Di tepi radius": 1,
        "Banyak ditolak": 0,
    }  # fmt: skip
    body = page.content.decode()
    assert "95 m dari pusat Kantor Dinas Pendidikan (radius 100 m)" in body
    assert "perangkat hp-bersama dipakai 2 pegawai" in body
    assert "persis sama 3 kali" in body
    assert "Rudi Hartono" not in body


def test_the_xlsx_holds_every_lead(world):
    attempt(world.pegawai, 0, -6.2003, 106.8, alasan="lokasi_palsu", mock=True, tanggal=False)
    response = report(world, format="xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert list(rows[0]) == ["Jenis", "NIP", "Nama", "OPD", "Waktu", "Rincian"]
    assert rows[1][0] == "Lokasi palsu (mock)" and rows[1][1] == world.pegawai.nip


def test_another_opd_and_a_pegawai_without_subordinates_see_nothing_of_opd_a(world):
    attempt(world.pegawai, 0, -6.2003, 106.8, alasan="lokasi_palsu", mock=True, tanggal=False)
    assert "Budi Santoso" not in report(world, "admin_opd_lain").content.decode()
    assert report(world, "pegawai").status_code == 403
    assert "Budi Santoso" in report(world, "atasan").content.decode()


def test_a_bad_month_falls_back_to_this_month(world):
    page = world.client("admin_opd").get("/presensi/kecurangan/?bulan=2026-99")
    assert page.status_code == 200 and page.context["bulan"].month == 4
