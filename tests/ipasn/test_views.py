"""IP ASN pages, persona by persona, with the drill-down from every count to its pegawai."""

from datetime import date

import pytest
from django.urls import reverse

from sikap.accounts.models import Peran
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatSkp
from tests.factories import make_pegawai, make_user


@pytest.fixture
def regency(world):
    """The personas' pegawai with 2023 data: everyone S1 and rated baik; one teknis course."""
    Pegawai.objects.update(tingkat_pendidikan="40")
    Pegawai.objects.filter(pk=world.pegawai_b.pk).update(tingkat_pendidikan="45")
    for p in Pegawai.objects.all():
        RiwayatSkp.objects.create(pegawai=p, tahun=2023, predikat="baik")
    RiwayatDiklat.objects.create(
        pegawai=world.pegawai, kategori="teknis", nama="Arsip", jp=24,
        tanggal_mulai=date(2023, 5, 1), tanggal_selesai=date(2023, 5, 4),
    )  # fmt: skip
    world.users["perencana"] = make_user("perencana.bkd", Peran.PERENCANA)
    return world


@pytest.mark.parametrize("persona", ["pimpinan", "perencana", "admin_bkd", "verifikator"])
def test_bkd_roles_see_the_whole_regency_and_every_opd(regency, persona):
    response = regency.client(persona).get("/ip-asn/2023/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Indeks Profesionalitas ASN 2023" in body
    result = response.context["result"]
    assert result.sub_index("kualifikasi").population == 5
    assert "{(0 × 25) + (1 × 20) + (4 × 15)" in body
    assert 'href="/ip-asn/2023/kualifikasi/s2/"' in body
    assert 'href="/ip-asn/2023/opd/"' in body


def test_admin_opd_sees_only_their_opd(regency):
    client = regency.client("admin_opd")
    response = client.get("/ip-asn/2023/")
    assert response.status_code == 200
    assert response.context["result"].sub_index("kualifikasi").population == 4
    rows = client.get("/ip-asn/2023/opd/").context["rows"]
    assert [r.opd.kode for r, *_ in rows] == [regency.opd_a.kode]
    assert client.get(f"/ip-asn/2023/?opd={regency.opd_b.kode}").status_code == 404
    assert client.get("/ip-asn/2023/kualifikasi/s2/").context["page"].paginator.count == 0


@pytest.mark.parametrize("persona", ["pegawai", "atasan"])
def test_a_pegawai_is_refused_every_ip_asn_page(regency, persona):
    client = regency.client(persona)
    for url in (
        "/ip-asn/2023/",
        "/ip-asn/2023/opd/",
        "/ip-asn/2023/kualifikasi/s1/",
        "/ip-asn/indikator/tambah/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Tidak berhak" in response.content.decode()


def test_the_start_page_opens_the_latest_year_with_skp_ratings(regency):
    response = regency.client("pimpinan").get("/ip-asn/")
    assert response.status_code == 302
    assert response["Location"] == "/ip-asn/2023/"


def test_anonymous_is_sent_to_log_in(regency):
    response = regency.client("anonymous").get("/ip-asn/2023/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_count_lists_the_pegawai_behind_it_with_their_score(regency):
    client = regency.client("pimpinan")
    response = client.get("/ip-asn/2023/kompetensi/teknis_pelaksana/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(p.nama, score) for p, score in rows] == [("Budi Santoso", 22.5)]
    population = client.get(f"/ip-asn/2023/kualifikasi/populasi/?opd={regency.opd_b.kode}").context[
        "rows"
    ]
    assert [(p.nama, score) for p, score in population] == [("Rudi Hartono", 20)]


def test_the_members_list_is_paginated_and_its_queries_do_not_grow(
    regency, django_assert_max_num_queries
):
    for i in range(60):
        make_pegawai(regency.opd_a, nama=f"Pelaksana {i:02d}", tingkat_pendidikan="40")
    client = regency.client("pimpinan")
    with django_assert_max_num_queries(14):
        response = client.get("/ip-asn/2023/kualifikasi/s1/")
    assert response.context["page"].paginator.count == 64
    assert len(response.context["rows"]) == 50
    assert "Halaman 1 dari 2" in response.content.decode()


def test_the_year_and_per_opd_pages_use_a_bounded_number_of_queries(
    regency, django_assert_max_num_queries
):
    """Session and user, the configuration (two, once per request), the counts (one), the
    user-defined indicators; the menu's inbox count."""
    client = regency.client("pimpinan")
    client.get("/ip-asn/2023/")  # warms per-process caches
    for url in ("/ip-asn/2023/", "/ip-asn/2023/opd/"):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/ip-asn/2023/kualifikasi/s4/",
        "/ip-asn/2023/moralitas/populasi/",
        "/ip-asn/1999/",
        "/ip-asn/2023/?opd=TIDAKADA",
    ],
)
def test_unknown_dimensions_categories_years_and_opds_are_not_found(regency, url):
    assert regency.client("pimpinan").get(url).status_code == 404


def test_a_year_without_configuration_says_so(regency):
    response = regency.client("pimpinan").get("/ip-asn/2018/")
    assert response.status_code == 200
    assert "Belum ada konfigurasi IP ASN yang berlaku untuk tahun 2018" in (
        response.content.decode()
    )


def test_truncation_can_be_chosen_on_the_page(regency):
    response = regency.client("pimpinan").get("/ip-asn/2023/?pembulatan=truncate")
    assert response.context["result"].config.rounding == "truncate"
    rows = regency.client("pimpinan").get("/ip-asn/2023/opd/?pembulatan=truncate").context["rows"]
    assert rows[0][0].config.rounding == "truncate"


@pytest.mark.parametrize("persona", ["pimpinan", "perencana", "admin_bkd", "verifikator"])
def test_the_per_opd_page_ranks_opds_best_first_and_drills_down(regency, persona):
    response = regency.client(persona).get("/ip-asn/2023/opd/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert {r.opd.kode for r, *_ in rows} == {regency.opd_a.kode, regency.opd_b.kode}
    totals = [r.total for r, *_ in rows]
    assert totals == sorted(totals, reverse=True)
    body = response.content.decode()
    for r, *_ in rows:
        assert f'href="/ip-asn/2023/?opd={r.opd.kode}"' in body
        assert f'href="/ip-asn/2023/kualifikasi/populasi/?opd={r.opd.kode}"' in body
    chart = response.context["chart"]
    assert chart["full"] == [r.opd.nama for r, *_ in rows]
    assert [b["label"] for b in chart["bands"]][0] == "Sangat Tinggi"


def test_a_year_without_skp_ratings_says_so_instead_of_showing_partial_indices(regency):
    response = regency.client("pimpinan").get("/ip-asn/2024/")
    body = response.content.decode()
    assert "Belum ada data IP ASN 2024" in body
    assert "Indeks Kinerja ASN" in body and "SKP tahun 2024 belum masuk" in body
    assert "Indeks Disiplin ASN:" not in body  # no sub-index figures without the whole
    assert 'href="/ip-asn/2023/"' in body  # the latest year with data
    per_opd = regency.client("pimpinan").get("/ip-asn/2024/opd/").content.decode()
    assert "Belum ada data IP ASN 2024" in per_opd


def test_the_category_badge_takes_the_colour_of_its_band(regency):
    response = regency.client("pimpinan").get("/ip-asn/2023/")
    result, rank = response.context["result"], response.context["rank"]
    assert f'badge band-{rank} fs-6">{result.kategori}<' in response.content.decode()
    assert "Dua skala yang berbeda" in response.content.decode()
