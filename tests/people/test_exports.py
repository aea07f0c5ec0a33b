"""XLSX export of the pegawai list and the DRH as PDF: same visibility as the pages."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from sikap.people.models import RiwayatDiklat, RiwayatPangkat
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    return rows[0], rows[1:]


def _export(client, **params):
    return client.get(reverse("people:pegawai_export"), params)


def test_export_has_indonesian_headers_and_typed_values(world):
    headers, rows = _sheet(_export(world.client("admin_bkd"), q="Rudi"))
    assert headers[:5] == ("NIP", "Nama", "Jenis kelamin", "Tempat lahir", "Tanggal lahir")
    assert "Pendidikan terakhir" in headers
    (row,) = rows
    record = dict(zip(headers, row, strict=True))
    assert record["NIP"] == world.pegawai_b.nip  # text, so Excel keeps all 18 digits
    assert record["Tanggal lahir"].date() == date(1985, 1, 20)
    assert record["OPD"] == "Dinas Kesehatan"
    assert record["Status"] == "PNS"


@pytest.mark.parametrize(
    "persona, params, expected",
    [
        ("admin_opd", {}, {"Siti Rahayu", "Budi Santoso", "Agus Wibowo", "Dewi Lestari"}),
        ("admin_opd_lain", {}, {"Rudi Hartono"}),
        ("pegawai", {}, {"Budi Santoso"}),
        ("atasan", {"q": "o"}, {"Budi Santoso", "Agus Wibowo"}),  # not Rudi Hartono
        ("admin_bkd", {"jenis_jabatan": "jf"}, {"Dewi Lestari"}),
        ("pimpinan", {"golongan": "IV/b"}, {"Siti Rahayu"}),
    ],
)
def test_export_contains_exactly_the_visible_filtered_rows(world, persona, params, expected):
    headers, rows = _sheet(_export(world.client(persona), **params))
    names = [row[headers.index("Nama")] for row in rows]
    assert sorted(names) == sorted(expected)  # no duplicates either


def test_export_filter_cannot_reach_past_visibility(world):
    # An OPD the user may not see is not a valid choice: the filter is dropped, not obeyed.
    headers, rows = _sheet(_export(world.client("admin_opd"), opd=world.opd_b.pk))
    opds = {row[headers.index("OPD")] for row in rows}
    assert opds == {"Dinas Pendidikan"}


def test_export_includes_every_page(world):
    for i in range(60):
        make_pegawai(world.opd_b, nama=f"Pegawai {i:02d}")
    _headers, rows = _sheet(_export(world.client("admin_opd_lain")))
    assert len(rows) == 61


def test_export_query_count_does_not_grow_with_data(world, django_assert_max_num_queries):
    client = world.client("admin_bkd")
    _sheet(_export(client))  # warm: the session, content types, per-process caches
    with CaptureQueriesContext(connection) as small:
        _sheet(_export(client))
    for i in range(40):
        make_pegawai(world.opd_a, nama=f"Pegawai {i:02d}")
    with django_assert_max_num_queries(len(small)):
        _headers, rows = _sheet(_export(client))
    assert len(rows) == 45


@pytest.mark.pdf
def test_drh_pdf_for_own_profile(world):
    RiwayatPangkat.objects.create(pegawai=world.pegawai, golongan="III/b", tmt=date(2019, 4, 1))
    response = world.client("pegawai").get(reverse("people:pegawai_pdf", args=[world.pegawai.nip]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"DRH-{world.pegawai.nip}.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "persona, target, status",
    [
        ("pegawai", "pegawai_b", 404),
        ("admin_opd", "pegawai_b", 404),
        ("admin_opd_lain", "pegawai", 404),
        ("atasan", "pegawai_lain", 404),
        ("anonymous", "pegawai", 302),
    ],
)
def test_drh_pdf_follows_visibility(world, persona, target, status):
    nip = getattr(world, target).nip
    response = world.client(persona).get(reverse("people:pegawai_pdf", args=[nip]))
    assert response.status_code == status


@pytest.mark.pdf
def test_drh_pdf_for_admin_of_the_opd(world):
    response = world.client("admin_opd").get(
        reverse("people:pegawai_pdf", args=[world.pegawai.nip])
    )
    assert response.content.startswith(b"%PDF")


def test_export_writes_formula_like_values_as_text(world):
    # Stored before input was checked (or by a path that does not check): exported as text.
    make_pegawai(world.opd_b, nama='=HYPERLINK("http://x.example","klik")', tempat_lahir="@SUM(1)")
    response = _export(world.client("admin_opd_lain"), q="HYPERLINK")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    nama, tempat = row[header.index("Nama")], row[header.index("Tempat lahir")]
    assert (nama.data_type, nama.value) == ("s", '=HYPERLINK("http://x.example","klik")')
    assert (tempat.data_type, tempat.value) == ("s", "@SUM(1)")


@pytest.mark.pdf
def test_the_drh_signature_stays_on_a_page_with_the_last_section(world):
    """With 27 to 32 training rows the A4 page used to end just before the signature, which
    then stood alone on the last page; the last section, the signature and the print note
    now move together."""
    url = reverse("people:pegawai_pdf", args=[world.pegawai.nip])
    client = world.client("pegawai")
    RiwayatDiklat.objects.bulk_create(
        RiwayatDiklat(
            pegawai=world.pegawai, kategori="teknis", nama=f"Diklat teknis {k}", jp=20,
            tanggal_mulai=date(2010, 1, 1), tanggal_selesai=date(2010, 1, 5),
        )
        for k in range(25)
    )  # fmt: skip
    for extra in (0, 3, 3):  # 25, 28 and 31 rows
        RiwayatDiklat.objects.bulk_create(
            RiwayatDiklat(
                pegawai=world.pegawai, kategori="teknis", nama="Diklat tambahan", jp=20,
                tanggal_mulai=date(2011, 1, 1), tanggal_selesai=date(2011, 1, 5),
            )
            for _ in range(extra)
        )  # fmt: skip
        response = client.get(url)
        assert response["Content-Disposition"].startswith("attachment;")
        pages = PdfReader(io.BytesIO(response.content)).pages
        last = pages[-1].extract_text()
        assert len(pages) > 2 and "KELUARGA" in last.upper() and "Yang bersangkutan" in last
