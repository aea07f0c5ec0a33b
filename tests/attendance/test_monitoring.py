"""Today's monitoring and the monthly recap (page and XLSX): who sees whom, the counts, the TPP
deduction, and a fixed number of queries."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from sikap.attendance.day_close import tutup_hari
from sikap.attendance.models import Presensi
from sikap.attendance.monitoring import REKAP_HEADERS
from sikap.settings import _tile_origin
from tests.attendance.test_day_close import accepted
from tests.factories import make_pegawai

pytestmark = pytest.mark.usefixtures("clock")
APRIL = date(2026, 4, 7)


def test_admin_opd_sees_todays_counts_and_list_of_their_opd(world):
    accepted(world.pegawai, "masuk", 7, 41)
    accepted(world.atasan, "masuk", 7, 10)
    page = world.client("admin_opd").get("/presensi/pantau/")
    assert page.status_code == 200
    counts = {k: n for k, _, n in page.context["pantauan"].summary()}
    assert counts == {"tepat": 1, "terlambat": 1, "belum": 2, "tidak_hadir": 0, "libur": 0}
    body = page.content.decode()
    assert "Terlambat 11 menit" in body and "Rudi Hartono" not in body


def test_another_opds_admin_cannot_pick_opd_a(world):
    page = world.client("admin_opd_lain").get(f"/presensi/pantau/?opd={world.opd_a.pk}")
    assert page.context["picked"] == world.opd_b
    assert "Budi Santoso" not in page.content.decode()


def test_a_superior_sees_their_subordinates_not_themself(world):
    page = world.client("atasan").get("/presensi/pantau/")
    names = {row.nama for row in page.context["pantauan"].rows}
    assert "Budi Santoso" in names and "Siti Rahayu" not in names


def test_a_pegawai_without_subordinates_is_refused_monitoring(world):
    page = world.client("pegawai").get("/presensi/pantau/")
    assert page.status_code == 403
    assert "tidak memiliki bawahan" in page.content.decode()


def test_the_recap_xlsx_has_days_by_status_minutes_and_the_tpp_deduction(world):
    accepted(world.pegawai, "masuk", 8, 11)  # 41 minutes late: TL2
    accepted(world.pegawai, "pulang", 16, 0)
    tutup_hari(APRIL)
    tutup_hari(date(2026, 4, 8))  # nobody checked in: TK for everyone
    response = world.client("admin_opd").get("/presensi/rekap/?bulan=2026-04&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert list(rows[0]) == REKAP_HEADERS
    budi = next(r for r in rows if r[1] == "Budi Santoso")
    line = dict(zip(REKAP_HEADERS, budi, strict=True))
    assert line["Hadir"] == 1 and line["Tanpa keterangan"] == 1 and line["TL2"] == 1
    assert line["Terlambat (menit)"] == 41
    assert Decimal(str(line["Potongan TPP (%)"])) == Decimal("5")  # 1 % TL2 + 4 % TK
    assert not any(r[2] == "Dinas Kesehatan" for r in rows[1:])


def test_a_pegawai_sees_only_their_own_recap(world):
    tutup_hari(APRIL)
    page = world.client("pegawai").get("/presensi/rekap/?bulan=2026-04")
    assert [r.nama for r in page.context["rows"]] == ["Budi Santoso"]
    assert "tarif bawaan" in page.content.decode()


def test_a_bad_month_falls_back_to_this_month(world):
    page = world.client("pegawai").get("/presensi/rekap/?bulan=2026-13")
    assert page.status_code == 200 and page.context["bulan"] == date(2026, 4, 1)


def test_monitoring_and_recap_cost_the_same_for_few_or_many(world):
    client = world.client("admin_opd")
    tutup_hari(APRIL)

    def cost():
        counts = []
        for url in ("/presensi/pantau/", "/presensi/rekap/?bulan=2026-04"):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    cost()  # the first visit warms per-process caches (the region's configuration of the day)
    few = cost()
    for n in range(8):
        make_pegawai(world.opd_a, nama=f"Pegawai {n}")
    tutup_hari(APRIL)
    assert cost() == few


def _pdf_text(response) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@pytest.mark.pdf
def test_the_recap_pdf_says_only_what_its_rows_make_true(world):
    accepted(world.pegawai, "masuk", 8, 11)  # TL2
    accepted(world.pegawai, "pulang", 16, 0)
    tutup_hari(APRIL)
    tutup_hari(date(2026, 4, 8))
    response = world.client("admin_opd").get("/presensi/rekap/?bulan=2026-04&format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"rekap-presensi-202604-{world.opd_a.kode}.pdf" in response["Content-Disposition"]
    text = _pdf_text(response)
    assert "REKAP PRESENSI BULAN APRIL 2026" in text and world.opd_a.nama in text
    people = len(page_rows := world.client("admin_opd").get("/presensi/rekap/?bulan=2026-04")
                 .context["rows"])  # fmt: skip
    assert page_rows and f"Memuat {people} pegawai" in text
    assert "sampai 8 April 2026" in text
    assert "tarif bawaan" in text and "Budi Santoso" in text and "Rudi Hartono" not in text


@pytest.mark.pdf
def test_an_empty_month_pdf_says_so(world):
    response = world.client("pegawai").get("/presensi/rekap/?bulan=2026-02&format=pdf")
    text = _pdf_text(response)
    assert "Belum ada status harian pada bulan ini" in text and "Data Anda" in text
    assert "Memuat" not in text


def placed(pegawai, jenis, *hm, lat=-6.2001, lon=106.8002):
    row = accepted(pegawai, jenis, *hm)
    Presensi.objects.filter(pk=row.pk).update(latitude=lat, longitude=lon, lokasi="Kantor")
    return row


def map_of(page) -> dict:
    """The map's data as the page embeds it (json_script), not as the view handed it over."""
    html = page.content.decode()
    start = html.index('<script id="peta-data" type="application/json">')
    text = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(text)


def test_the_map_shows_todays_check_ins_and_the_offices_of_whom_one_monitors(world, kantor):
    placed(world.pegawai, "masuk", 7, 41)
    placed(world.atasan, "masuk", 7, 10, lat=-6.3)
    placed(world.pegawai_b, "masuk", 7, 5, lat=-7.0)
    Presensi.objects.create(
        pegawai=world.pegawai_lain, jenis="masuk", waktu=timezone.now(), tanggal=APRIL,
        alasan="luar_radius", pesan="", kunci="ditolak", sidik="x", via="api",
        latitude=-6.5, longitude=106.9,
    )  # fmt: skip
    admin = map_of(world.client("admin_opd").get("/presensi/pantau/"))
    assert admin["kantor"] == [
        {"lat": -6.2, "lon": 106.8, "radius_m": 100, "nama": "Kantor Dinas Pendidikan"}
    ]
    assert [(t["nama"], t["jenis"], t["jam"]) for t in admin["titik"]] == [
        ("Siti Rahayu", "masuk", "07.10"), ("Budi Santoso", "masuk", "07.41"),
    ]  # fmt: skip
    atasan = map_of(world.client("atasan").get("/presensi/pantau/"))
    assert [t["nama"] for t in atasan["titik"]] == ["Budi Santoso"]
    other = map_of(world.client("admin_opd_lain").get("/presensi/pantau/"))
    assert [t["nama"] for t in other["titik"]] == ["Rudi Hartono"] and other["kantor"] == []


def test_the_map_is_drawn_without_tiles_unless_a_tile_url_is_set(world, kantor, settings):
    page = world.client("admin_opd").get("/presensi/pantau/").content.decode()
    assert 'data-tiles=""' in page and "tanpa peta latar" in page
    assert "/static/vendor/leaflet/leaflet.js" in page
    settings.SIKAP_PETA_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    page = world.client("admin_opd").get("/presensi/pantau/").content.decode()
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in page
    assert "tanpa peta latar" not in page


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("", ""),
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.id/{z}/{x}/{y}.png", "https://*.tile.example.id"),
    ],
)
def test_the_csp_allows_images_from_the_tile_host_only(url, origin):
    assert _tile_origin(url) == origin


@pytest.mark.parametrize(
    "url", ["http://tile.example.id/{z}/{x}/{y}.png", "tile.example.id", "https://a;b/{z}"]
)
def test_a_tile_url_that_is_not_plain_https_stops_the_start(url):
    with pytest.raises(ImproperlyConfigured, match="SIKAP_PETA_TILE_URL"):
        _tile_origin(url)
