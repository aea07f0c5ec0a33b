"""The latest IP ASN shown on the home card and as the default year is that of the newest year
with complete data: a year with partial SKP, or without any training recorded, is passed over
and named with its reason (the demo's KGB continuation writes such years)."""

from datetime import date

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.ipasn import years
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatSkp
from tests.ipasn.test_views import regency  # noqa: F401  (fixture)


def _rate(year: int, pegawai) -> None:
    RiwayatSkp.objects.bulk_create(
        RiwayatSkp(pegawai=p, tahun=year, predikat="baik") for p in pegawai
    )


def test_a_year_with_partial_skp_is_passed_over_with_its_reason(regency):  # noqa: F811
    _rate(2025, Pegawai.objects.filter(status="pns")[:1])
    choice = years.latest_complete()
    assert choice.year == 2023 and choice.result.year == 2023
    assert [y for y, _ in choice.skipped] == [2025, 2024]
    why_2025 = dict(choice.skipped)[2025]
    assert "SKP 2025 baru tercatat untuk 1 dari" in why_2025
    assert "belum ada data untuk Indeks Kompetensi ASN" in why_2025


def test_a_year_rated_in_full_but_without_trainings_is_not_the_latest(regency):  # noqa: F811
    _rate(2025, Pegawai.objects.all())
    why = dict(years.latest_complete().skipped)[2025]
    assert why == "belum ada data untuk Indeks Kompetensi ASN"
    RiwayatDiklat.objects.create(
        pegawai=regency.pegawai, kategori="teknis", nama="Arsip", jp=24,
        tanggal_mulai=date(2025, 5, 1), tanggal_selesai=date(2025, 5, 4),
    )  # fmt: skip
    choice = years.latest_complete()
    assert (choice.year, choice.skipped) == (2025, ())


def test_the_home_card_says_which_year_it_shows_and_why_not_a_later_one(regency):  # noqa: F811
    _rate(2025, Pegawai.objects.filter(status="pns")[:1])
    cache.clear()
    response = regency.client("pimpinan").get("/")
    card = next(c for c in response.context["summary"] if c.key == "ipasn.tahun")
    assert card.title == "IP ASN 2023"
    body = response.content.decode()
    assert "Tahun terakhir dengan data lengkap: 2023." in body
    assert "2025 belum ditampilkan: SKP 2025 baru tercatat untuk 1 dari" in body
    assert regency.client("pimpinan").get("/ip-asn/")["Location"] == "/ip-asn/2023/"


def test_the_default_year_page_is_refused_before_anything_is_counted(regency):  # noqa: F811
    with CaptureQueriesContext(connection) as queries:
        assert regency.client("pegawai").get("/ip-asn/").status_code == 403
    assert not [q for q in queries if "people_riwayatskp" in q["sql"]]
