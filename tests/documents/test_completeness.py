"""Completeness: who must have which document, what counts as present, the per-OPD dashboard
with its list and XLSX export — scoped by visibility and at a fixed number of queries."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sikap.documents import completeness
from sikap.documents.models import JenisDokumen
from sikap.documents.services import upload_dokumen, verify_dokumen
from sikap.people.models import AnggotaKeluarga, Kedudukan, Pegawai
from tests.documents.conftest import pdf_bytes, upload
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
URL = "/dokumen/kelengkapan/"


@pytest.fixture
def rules(db):
    """Five mandatory types, one per rule, so the expected numbers stay readable."""
    JenisDokumen.objects.update(wajib_untuk="tidak")
    for kode, wajib in [
        ("ktp", "semua"),
        ("sk_pns", "pns"),
        ("sk_pppk", "pppk"),
        ("akta_nikah", "kawin"),
        ("akta_lahir_anak", "punya_anak"),
    ]:
        JenisDokumen.objects.filter(kode=kode).update(wajib_untuk=wajib)


def put(world, pegawai, kode, pages=1):
    return upload_dokumen(
        pegawai, kode, upload("a.pdf", pdf_bytes(pages)), actor=world.users["admin_bkd"]
    )


def test_each_rule_decides_who_must_have_a_type(world, rules):
    world.pegawai.status_kawin = "kawin"
    world.pegawai.save()
    AnggotaKeluarga.objects.create(pegawai=world.pegawai_lain, hubungan="anak", nama="Rara")
    pppk = make_pegawai(world.opd_b, nama="Wati", status="pppk", tanggal_lahir=date(1990, 1, 1))
    types = completeness.mandatory_types()

    def codes(p):
        return {t.kode for t in completeness.applicable_types(p, types)}

    assert codes(world.pegawai) == {"ktp", "sk_pns", "akta_nikah"}
    assert codes(world.pegawai_lain) == {"ktp", "sk_pns", "akta_lahir_anak"}
    assert codes(pppk) == {"ktp", "sk_pppk"}


def missing_by_name(types) -> dict[str, list[str]]:
    names = dict(Pegawai.objects.values_list("pk", "nama"))
    rows = completeness.flag_rows(Pegawai.objects.all(), types)
    return {names[r.pk]: completeness.names(r.missing, types) for r in rows}


def test_pending_counts_as_present_rejected_does_not(world, rules):
    types = completeness.mandatory_types()
    put(world, world.pegawai, "ktp")  # awaiting verification: the pegawai did their part
    rejected = put(world, world.pegawai_b, "ktp")
    verify_dokumen(rejected, actor=world.users["verifikator"], approve=False, reason="Buram")
    missing = missing_by_name(types)
    assert missing["Budi Santoso"] == ["SK PNS"]
    assert missing["Rudi Hartono"] == ["SK PNS", "KTP"]


def test_a_superseded_version_does_not_count_twice(world, rules):
    types = completeness.mandatory_types()
    put(world, world.pegawai, "ktp", pages=1)
    put(world, world.pegawai, "ktp", pages=2)
    summary, _total = completeness.per_opd(completeness.counted(Pegawai.objects.all(), types))
    [row] = [r for r in summary if r.nama == "Dinas Pendidikan"]
    # 4 pegawai in OPD A, each must have KTP and SK PNS: 8 required, 1 present.
    assert (row.pegawai, row.lengkap, row.wajib, row.terpenuhi) == (4, 0, 8, 1)


def test_the_dashboard_counts_per_opd(world, rules):
    for pegawai in (world.pegawai, world.pegawai_b):
        put(world, pegawai, "ktp")
        put(world, pegawai, "sk_pns")
    put(world, world.atasan, "ktp")
    response = world.client("admin_bkd").get(URL)
    summary = {r.nama: r for r in response.context["summary"]}
    a, b = summary["Dinas Pendidikan"], summary["Dinas Kesehatan"]
    assert (a.pegawai, a.lengkap, a.wajib, a.terpenuhi) == (4, 1, 8, 3)
    assert (b.pegawai, b.lengkap, b.wajib, b.terpenuhi) == (1, 1, 2, 2)
    assert (a.persen_pegawai, a.persen_dokumen) == (25.0, 37.5)
    total = response.context["total"]
    assert (total.pegawai, total.lengkap, total.persen_dokumen) == (5, 2, 50.0)
    listed = {p.nama: names for p, names in response.context["rows"]}
    assert listed == {
        "Siti Rahayu": ["SK PNS"],
        "Agus Wibowo": ["SK PNS", "KTP"],
        "Dewi Lestari": ["SK PNS", "KTP"],
    }
    page = response.content.decode()
    assert (
        "37,5 %" in page
        and reverse("documents:arsip_pegawai", args=[world.pegawai_lain.nip]) in page
    )


def test_filters_narrow_the_list_to_an_opd_or_a_missing_type(world, rules):
    put(world, world.pegawai_lain, "ktp")
    client = world.client("admin_bkd")
    by_opd = client.get(URL, {"opd": world.opd_b.pk}).context
    assert [p.nama for p, _ in by_opd["rows"]] == ["Rudi Hartono"]
    assert [r.nama for r in by_opd["summary"]] == ["Dinas Kesehatan"]
    ktp = JenisDokumen.objects.get(kode="ktp")
    lacking_ktp = client.get(URL, {"jenis": ktp.pk}).context["rows"]
    assert "Dewi Lestari" not in [p.nama for p, _ in lacking_ktp]
    assert len(lacking_ktp) == 4


def test_people_who_left_are_not_counted(world, rules):
    world.pegawai_b.kedudukan = Kedudukan.PENSIUN
    world.pegawai_b.save()
    summary = world.client("admin_bkd").get(URL).context["summary"]
    assert [r.nama for r in summary] == ["Dinas Pendidikan"]


@pytest.mark.parametrize(
    ("persona", "opds", "listed"),
    [
        ("admin_opd", ["Dinas Pendidikan"], 4),
        ("admin_opd_lain", ["Dinas Kesehatan"], 1),
        ("atasan", ["Dinas Pendidikan"], 3),  # herself and her two direct reports
        ("pegawai", ["Dinas Pendidikan"], 1),  # only themself
    ],
)
def test_the_dashboard_shows_only_visible_pegawai(world, rules, persona, opds, listed):
    context = world.client(persona).get(URL).context
    assert [r.nama for r in context["summary"]] == opds
    assert context["page"].paginator.count == listed
    other = world.opd_b if persona != "admin_opd_lain" else world.opd_a
    assert other not in context["form"].fields["opd"].queryset


def test_the_dashboard_costs_the_same_queries_for_many_pegawai(
    world, rules, django_assert_max_num_queries
):
    client = world.client("admin_bkd")
    # A first request warms what a running server keeps per process (the content types the
    # menu's counts look up): without it the count depends on which tests ran before.
    client.get(URL)
    # The page's own queries, and the menu's counts (unread, one per inbox source).
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    for n in range(60):
        # A birth date each: the NIP is unique by birth date + TMT + sequence.
        born = date(1970, 1, 1) + timedelta(days=n)
        make_pegawai(world.opd_b, nama=f"Pegawai {n:02d}", status_kawin="kawin", tanggal_lahir=born)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"page": 2})
    assert response.context["page"].number == 2
    assert response.context["page"].paginator.count == 65


def test_the_export_lists_every_row_with_what_is_missing(world, rules):
    put(world, world.pegawai, "ktp")
    response = world.client("admin_opd").get(reverse("documents:kelengkapan_ekspor"))
    assert response["Content-Disposition"].startswith('attachment; filename="kelengkapan-dokumen-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "NIP",
        "Nama",
        "OPD",
        "Status",
        "Jumlah kurang",
        "Dokumen wajib yang belum ada",
    )
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["Budi Santoso"][4:] == (1, "SK PNS")
    assert by_name["Dewi Lestari"][4:] == (2, "SK PNS, KTP")
    assert "Rudi Hartono" not in by_name  # another OPD: not visible to this admin


def test_the_export_is_scoped_for_the_outsider_too(world, rules):
    response = world.client("admin_opd_lain").get(reverse("documents:kelengkapan_ekspor"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["Rudi Hartono"]
