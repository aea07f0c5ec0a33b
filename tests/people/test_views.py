"""The personnel pages, through the views, with the personas of `tests/conftest.py`.

OPD A: atasan (head of the root unit) supervises pegawai and kabid; kabid supervises
pegawai_lain. OPD B: pegawai_b. admin_opd manages OPD A, admin_opd_lain OPD B.
"""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikap.core.models import AuditEntry
from sikap.people import charts
from sikap.people.models import Pegawai, RiwayatPangkat, RiwayatSkp
from sikap.rules.nip import format_nip
from tests.factories import make_pegawai, nip_for

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(name, args=args)


def nip_of(world, who):
    return getattr(world, who).nip


# --- anonymous ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, needs_nip",
    [
        ("people:dashboard", False),
        ("people:pegawai_list", False),
        ("people:pegawai_export", False),
        ("people:pegawai_create", False),
        ("people:pegawai_detail", True),
        ("people:pegawai_edit", True),
        ("people:pegawai_pdf", True),
        ("people:pegawai_history", True),
    ],
)
def test_anonymous_is_sent_to_login(world, name, needs_nip):
    target = url(name, world.pegawai.nip) if needs_nip else url(name)
    response = world.client("anonymous").get(target)
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_anonymous_cannot_add_history(world):
    response = world.client("anonymous").post(
        url("people:riwayat_create", world.pegawai.nip, "pangkat"), {"golongan": "IV/a"}
    )
    assert response.status_code == 302
    assert not RiwayatPangkat.objects.exists()


# --- dashboard ----------------------------------------------------------------------------


def _dashboard_data(response):
    html = response.content.decode()
    start = html.index('<script id="dashboard-data" type="application/json">')
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(body)


@pytest.mark.parametrize(
    "persona, total", [("admin_bkd", 5), ("pimpinan", 5), ("admin_opd", 4), ("admin_opd_lain", 1)]
)
def test_dashboard_counts_what_the_user_may_see(world, persona, total):
    response = world.client(persona).get(url("people:statistik"))
    assert response.status_code == 200
    data = _dashboard_data(response)
    assert data["total"] == total
    assert sum(data["jenis_kelamin"]["values"]) == total
    assert sum(data["opd"]["values"]) == total
    assert "chart.umd.min.js" in response.content.decode()


def test_dashboard_counts_active_asn_like_the_stats(world):
    Pegawai.objects.filter(pk=world.pegawai_b.pk).update(kedudukan="pensiun")
    Pegawai.objects.filter(pk=world.pegawai_lain.pk).update(kedudukan="tugas_belajar")
    data = _dashboard_data(world.client("admin_bkd").get(url("people:statistik")))
    assert data["total"] == 3
    assert data["per_status"] == [["pns", "PNS", 3], ["cpns", "CPNS", 0], ["pppk", "PPPK", 0]]


def test_dashboard_labels_are_indonesian(world):
    Pegawai.objects.filter(pk=world.pegawai.pk).update(tingkat_pendidikan="40")
    data = _dashboard_data(world.client("admin_bkd").get(url("people:statistik")))
    assert data["jenis_kelamin"]["labels"] == ["Laki-laki", "Perempuan"]
    assert data["pendidikan"] == {"labels": ["S1", "Belum diisi"], "values": [1, 4]}
    assert data["golongan"] == {"labels": ["III/a", "IV/b"], "values": [4, 1]}
    assert "Jabatan Fungsional" in data["jenis_jabatan"]["labels"]


def test_pegawai_gets_a_personal_dashboard(world):
    response = world.client("pegawai").get(url("people:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Budi Santoso" in html
    assert url("people:pegawai_detail", world.pegawai.nip) in html
    assert "dashboard-data" not in html  # no workforce numbers
    assert "Bawahan langsung" not in html


def test_a_pppk_summary_shows_golongan_without_pangkat_and_service_since_the_first_contract(
    world, monkeypatch
):
    """PPPK have golongan I–XVII without pangkat names and no TMT CPNS: their service counts
    from the first contract, the earliest TMT of their golongan history."""
    today = datetime(2026, 4, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    monkeypatch.setattr("django.utils.timezone.now", lambda: today)
    Pegawai.objects.filter(pk=world.pegawai.pk).update(status="pppk", golongan="IX", tmt_cpns=None)
    for golongan, tmt in (("IX", date(2024, 3, 1)), ("VII", date(2021, 9, 1))):
        RiwayatPangkat.objects.create(pegawai=world.pegawai, golongan=golongan, tmt=tmt)
    html = world.client("pegawai").get(url("people:dashboard")).content.decode()
    assert "Golongan/pangkat" not in html
    assert '<dt class="col-sm-4">Golongan</dt><dd class="col-sm-8">PPPK IX</dd>' in html
    assert "4 tahun 7 bulan" in html
    profile = world.client("pegawai").get(url("people:pegawai_detail", world.pegawai.nip))
    assert "4 tahun 7 bulan" in profile.content.decode()


def test_a_pppk_without_a_golongan_history_has_no_masa_kerja(world):
    Pegawai.objects.filter(pk=world.pegawai.pk).update(status="pppk", golongan="IX", tmt_cpns=None)
    response = world.client("pegawai").get(url("people:dashboard"))
    card = next(c for c in response.context["summary"] if c.key == "people.data_saya")
    assert card.context["masa_kerja"] is None


def test_atasan_dashboard_counts_direct_subordinates(world):
    response = world.client("atasan").get(url("people:dashboard"))
    card = next(c for c in response.context["summary"] if c.key == "people.data_saya")
    assert card.context["bawahan"] == 2  # pegawai and kabid, not kabid's staff


def test_dashboard_query_count_does_not_grow_with_data(world, django_assert_max_num_queries):
    client = world.client("admin_bkd")
    client.get(url("people:dashboard"))  # warm: the session, content types, cached figures
    with CaptureQueriesContext(connection) as small:
        client.get(url("people:dashboard"))
    for i in range(30):
        make_pegawai(world.opd_b, nama=f"Pegawai {i}", tanggal_lahir=date(1970 + i, 1, 5))
    with django_assert_max_num_queries(len(small)):
        client.get(url("people:dashboard"))


def test_age_bands_are_exact_on_the_birthday(world):
    # On 1 January 2025 the world's staff are 54 (atasan, P), 44 (pegawai), 49 (kabid),
    # 36 (pegawai_lain, P) and 39 (pegawai_b); one more turns 20 that very day.
    opd = world.opd_a
    make_pegawai(opd, nama="Dua Puluh", tanggal_lahir=date(2005, 1, 1), tmt_cpns=date(2024, 3, 1))
    make_pegawai(
        opd, nama="Sembilan Belas", tanggal_lahir=date(2005, 1, 2), tmt_cpns=date(2024, 3, 1)
    )
    usia = charts.age_pyramid(Pegawai.objects.all(), as_of=date(2025, 1, 1))
    pyramid = dict(
        zip(usia["labels"], zip(usia["laki_laki"], usia["perempuan"], strict=True), strict=True)
    )
    assert pyramid["< 20"] == (1, 0)
    assert pyramid["20–24"] == (1, 0)
    assert pyramid["35–39"] == (1, 1)  # pegawai_b 39, pegawai_lain 36
    assert pyramid["40–44"] == (1, 0)  # pegawai 44
    assert pyramid["45–49"] == (1, 0)  # kabid 49
    assert pyramid["50–54"] == (0, 1)  # atasan 54
    assert usia["labels"][0] == "≥ 60"  # oldest on top of the pyramid


# --- list ---------------------------------------------------------------------------------


def _names(response):
    return {p.nama for p in response.context["page"].object_list}


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("pegawai", {"Budi Santoso"}),
        ("atasan", {"Siti Rahayu", "Budi Santoso", "Agus Wibowo"}),
        ("admin_opd", {"Siti Rahayu", "Budi Santoso", "Agus Wibowo", "Dewi Lestari"}),
        ("admin_opd_lain", {"Rudi Hartono"}),
        (
            "pimpinan",
            {"Siti Rahayu", "Budi Santoso", "Agus Wibowo", "Dewi Lestari", "Rudi Hartono"},
        ),
    ],
)
def test_list_shows_only_visible_pegawai(world, persona, expected):
    response = world.client(persona).get(url("people:pegawai_list"))
    assert response.status_code == 200
    assert _names(response) == expected


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "dewi"}, {"Dewi Lestari"}),
        ({"q": "  budi   santoso "}, {"Budi Santoso"}),
        ({"status": "pppk"}, set()),
        ({"golongan": "IV/b"}, {"Siti Rahayu"}),
        ({"jenis_jabatan": "jf"}, {"Dewi Lestari"}),
        ({"jenis_jabatan": "ja", "q": "agus"}, {"Agus Wibowo"}),
        (
            {"golongan": "bukan-golongan"},
            {"Siti Rahayu", "Budi Santoso", "Agus Wibowo", "Dewi Lestari", "Rudi Hartono"},
        ),
    ],
)
def test_list_filters(world, params, expected):
    response = world.client("admin_bkd").get(url("people:pegawai_list"), params)
    assert _names(response) == expected


def test_list_searches_nip_in_display_form(world):
    spaced = format_nip(world.pegawai_lain.nip)
    response = world.client("admin_bkd").get(url("people:pegawai_list"), {"q": spaced})
    assert _names(response) == {"Dewi Lestari"}
    assert spaced in response.content.decode()  # shown in the display form too


def test_list_filters_by_opd_and_offers_only_visible_opds(world):
    response = world.client("admin_bkd").get(url("people:pegawai_list"), {"opd": world.opd_b.pk})
    assert _names(response) == {"Rudi Hartono"}
    admin = world.client("admin_opd").get(url("people:pegawai_list"))
    assert list(admin.context["form"].fields["opd"].queryset) == [world.opd_a]


def test_admin_opd_cannot_list_other_opd_by_filtering(world):
    response = world.client("admin_opd").get(url("people:pegawai_list"), {"opd": world.opd_b.pk})
    assert "Rudi Hartono" not in _names(response)


def test_list_paginates_by_fifty(world):
    for i in range(55):
        make_pegawai(world.opd_b, nama=f"Zaenal {i:02d}")
    client = world.client("admin_opd_lain")
    first = client.get(url("people:pegawai_list"))
    assert len(first.context["page"].object_list) == 50
    second = client.get(url("people:pegawai_list"), {"page": 2})
    assert len(second.context["page"].object_list) == 6  # 55 + Rudi Hartono


def test_list_query_count_does_not_grow_with_data(world, django_assert_max_num_queries):
    client = world.client("admin_opd")
    for i in range(5):
        make_pegawai(world.opd_a, nama=f"Awal {i}")
    client.get(url("people:pegawai_list"))  # warm: the session, per-process caches
    with CaptureQueriesContext(connection) as small:
        client.get(url("people:pegawai_list"))
    for i in range(35):
        make_pegawai(world.opd_a, nama=f"Banyak {i}")
    with django_assert_max_num_queries(len(small)):
        response = client.get(url("people:pegawai_list"))
    assert response.context["page"].paginator.count == 44


# --- profile ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, target, status",
    [
        ("pegawai", "pegawai", 200),
        ("pegawai", "atasan", 404),
        ("pegawai", "pegawai_b", 404),
        ("atasan", "pegawai", 200),
        ("atasan", "pegawai_lain", 404),  # kabid's staff, not the atasan's
        ("kabid", "pegawai_lain", 200),
        ("admin_opd", "pegawai_lain", 200),
        ("admin_opd", "pegawai_b", 404),
        ("admin_opd_lain", "pegawai_b", 200),
        ("admin_opd_lain", "pegawai", 404),
        ("verifikator", "pegawai_b", 200),
        ("pimpinan", "pegawai", 200),
        ("pimpinan", "pegawai_b", 200),
    ],
)
def test_profile_visibility(world, persona, target, status):
    response = world.client(persona).get(url("people:pegawai_detail", nip_of(world, target)))
    assert response.status_code == status


def test_unknown_nip_is_404(world):
    assert world.client("admin_bkd").get(url("people:pegawai_detail", "1" * 18)).status_code == 404


def test_profile_shows_every_history_in_indonesian(world):
    p = world.pegawai
    RiwayatPangkat.objects.create(
        pegawai=p, golongan="III/b", tmt=date(2019, 4, 1), mkg_tahun=14, mkg_bulan=1
    )
    RiwayatSkp.objects.create(pegawai=p, tahun=2023, predikat="sangat_baik")
    p.keluarga.create(hubungan="istri", nama="Ani Wulandari", tanggal_lahir=date(1984, 7, 10))
    p.riwayat_gaji.create(golongan="III/b", gaji_pokok="3418200", tmt=date(2023, 4, 1), dasar="kgb")
    response = world.client("pegawai").get(url("people:pegawai_detail", p.nip))
    html = response.content.decode()
    for text in (
        "Riwayat pangkat",
        "Penata Muda Tingkat I, III/b",
        "1 April 2019",
        "Sangat Baik",
        "Ani Wulandari",
        "10 Juli 1984",
        "Rp3.418.200,00",
        "Riwayat diklat",
        "Hukuman disiplin",
        "17 Mei 1980",
        format_nip(p.nip),
    ):
        assert text in html, text
    # A plain pegawai reads, but gets no editing buttons and no one else's trail.
    assert url("people:pegawai_edit", p.nip) not in html
    assert url("people:riwayat_create", p.nip, "pangkat") not in html
    assert url("people:pegawai_history", p.nip) in html


def test_profile_shows_editing_buttons_to_editors(world):
    html = world.client("admin_opd").get(url("people:pegawai_detail", world.pegawai.nip)).content
    assert url("people:pegawai_edit", world.pegawai.nip).encode() in html
    assert url("people:riwayat_create", world.pegawai.nip, "diklat").encode() in html


def test_profile_query_count_does_not_grow_with_histories(world, django_assert_max_num_queries):
    p = world.pegawai
    client = world.client("admin_opd")
    RiwayatSkp.objects.create(pegawai=p, tahun=2000, predikat="baik")
    client.get(url("people:pegawai_detail", p.nip))  # warm: the session, per-process caches
    with CaptureQueriesContext(connection) as small:
        client.get(url("people:pegawai_detail", p.nip))
    for year in range(2001, 2021):
        RiwayatSkp.objects.create(pegawai=p, tahun=year, predikat="baik")
        RiwayatPangkat.objects.create(pegawai=p, golongan="III/a", tmt=date(year, 4, 1))
        p.riwayat_jabatan.create(
            nama_jabatan="Staf", jenis_jabatan="pelaksana", tmt=date(year, 1, 1), unit=p.unit
        )
    with django_assert_max_num_queries(len(small)):
        client.get(url("people:pegawai_detail", p.nip))


# --- create and edit ----------------------------------------------------------------------


def _identity_form(world, **overrides):
    tanggal_lahir, tmt_cpns = date(1990, 6, 15), date(2019, 3, 1)
    data = {
        "nip": nip_for(tanggal_lahir, tmt_cpns, "P", urut=12),
        "nama": "Rina Kartika",
        "gelar_belakang": "S.Pd.",
        "tanggal_lahir": tanggal_lahir.isoformat(),
        "jenis_kelamin": "P",
        "status": "pns",
        "kedudukan": "aktif",
        "tmt_cpns": tmt_cpns.isoformat(),
        "opd": world.opd_a.pk,
        "unit": world.opd_a.units.get(induk=None).pk,
    }
    data.update(overrides)
    return data


def test_admin_opd_adds_pegawai_and_an_audit_row_is_written(world):
    data = _identity_form(world)
    response = world.client("admin_opd").post(url("people:pegawai_create"), data)
    created = Pegawai.objects.get(nip=data["nip"])
    assert response.status_code == 302
    assert response["Location"] == url("people:pegawai_detail", created.nip)
    entry = AuditEntry.objects.get(pegawai_id=created.pk)
    assert entry.action == AuditEntry.Aksi.CREATE
    assert entry.actor == world.users["admin_opd"]


def test_nip_may_be_typed_with_spaces(world):
    data = _identity_form(world)
    spaced = format_nip(data["nip"])
    world.client("admin_opd").post(url("people:pegawai_create"), {**data, "nip": spaced})
    assert Pegawai.objects.filter(nip=data["nip"]).exists()


def test_invalid_nip_shows_indonesian_message_and_saves_nothing(world):
    data = _identity_form(world, nip="1990061520190")
    response = world.client("admin_opd").post(url("people:pegawai_create"), data)
    assert response.status_code == 200
    assert "NIP harus 18 digit angka" in response.content.decode()
    assert not Pegawai.objects.filter(nama="Rina Kartika").exists()
    assert not AuditEntry.objects.exists()


def test_nip_disagreeing_with_birth_date_is_refused(world):
    data = _identity_form(world, tanggal_lahir="1990-06-16")
    response = world.client("admin_opd").post(url("people:pegawai_create"), data)
    assert "tidak sesuai dengan NIP" in response.content.decode()
    assert not Pegawai.objects.filter(nama="Rina Kartika").exists()


def test_admin_opd_may_not_add_to_another_opd(world):
    data = _identity_form(world, opd=world.opd_b.pk, unit=world.opd_b.units.get().pk)
    response = world.client("admin_opd").post(url("people:pegawai_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["opd"]
    assert not Pegawai.objects.filter(nama="Rina Kartika").exists()


def test_unit_list_follows_the_chosen_opd(world):
    response = world.client("admin_bkd").get(url("people:pegawai_create"), {"opd": world.opd_b.pk})
    assert list(response.context["form"].fields["unit"].queryset) == list(world.opd_b.units.all())


@pytest.mark.parametrize("persona", ["pegawai", "atasan", "pimpinan", "verifikator"])
def test_readers_may_not_add_pegawai(world, persona):
    client = world.client(persona)
    assert client.get(url("people:pegawai_create")).status_code == 403
    response = client.post(url("people:pegawai_create"), _identity_form(world))
    assert response.status_code == 403
    assert not Pegawai.objects.filter(nama="Rina Kartika").exists()


def _edit_form(pegawai, **overrides):
    data = {
        "nip": pegawai.nip,
        "nama": pegawai.nama,
        "tanggal_lahir": pegawai.tanggal_lahir.isoformat(),
        "jenis_kelamin": pegawai.jenis_kelamin,
        "status": pegawai.status,
        "kedudukan": pegawai.kedudukan,
        "tmt_cpns": pegawai.tmt_cpns.isoformat(),
        "opd": pegawai.opd_id,
        "unit": pegawai.unit_id,
    }
    data.update(overrides)
    return data


def test_admin_opd_edits_own_staff_with_audit(world):
    p = world.pegawai
    response = world.client("admin_opd").post(
        url("people:pegawai_edit", p.nip), _edit_form(p, no_hp="081234567890", gelar_depan="Drs.")
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.no_hp, p.gelar_depan) == ("081234567890", "Drs.")
    entry = AuditEntry.objects.get(pegawai_id=p.pk, action=AuditEntry.Aksi.UPDATE)
    assert entry.changes["no_hp"] == ["", "081234567890"]
    assert entry.actor == world.users["admin_opd"]


def test_edit_with_invalid_nip_changes_nothing(world):
    p = world.pegawai
    response = world.client("admin_bkd").post(
        url("people:pegawai_edit", p.nip), _edit_form(p, nip="19800517200503300A", nama="Diganti")
    )
    assert response.status_code == 200
    assert "NIP harus 18 digit angka" in response.content.decode()
    p.refresh_from_db()
    assert p.nama == "Budi Santoso"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "persona, target, status",
    [
        ("admin_opd", "pegawai_b", 404),
        ("admin_opd_lain", "pegawai", 404),
        ("pimpinan", "pegawai", 403),
        ("verifikator", "pegawai_b", 403),
        ("pegawai", "pegawai", 403),  # own data changes go through a change request
        ("atasan", "pegawai", 403),
    ],
)
def test_edit_refused_and_nothing_changed(world, persona, target, status):
    p = getattr(world, target)
    client = world.client(persona)
    assert client.get(url("people:pegawai_edit", p.nip)).status_code == status
    response = client.post(url("people:pegawai_edit", p.nip), _edit_form(p, nama="Diganti"))
    assert response.status_code == status
    p.refresh_from_db()
    assert p.nama != "Diganti"
    assert not AuditEntry.objects.exists()


def test_admin_bkd_edits_any_opd(world):
    p = world.pegawai_b
    response = world.client("admin_bkd").post(
        url("people:pegawai_edit", p.nip), _edit_form(p, nama="Rudi H.")
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.nama == "Rudi H."
    entry = AuditEntry.objects.get(kind="pegawai.updated")
    assert entry.source == AuditEntry.Sumber.WEB and entry.actor == world.users["admin_bkd"]


# --- histories ----------------------------------------------------------------------------


def test_adding_pangkat_updates_current_golongan(world):
    p = world.pegawai
    response = world.client("admin_opd").post(
        url("people:riwayat_create", p.nip, "pangkat"),
        {
            "golongan": "III/c",
            "tmt": "2024-04-01",
            "mkg_tahun": 19,
            "mkg_bulan": 1,
            "jenis": "Reguler",
            "sk_nomor": "823.3/123/427.41/2024",
            "sk_tanggal": "2024-03-20",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("people:pegawai_detail", p.nip) + "#riwayat-pangkat"
    p.refresh_from_db()
    assert (p.golongan, p.tmt_golongan) == ("III/c", date(2024, 4, 1))
    assert AuditEntry.objects.filter(pegawai_id=p.pk, action="create").exists()


def test_correcting_and_deleting_a_history_row(world):
    p = world.pegawai
    row = RiwayatPangkat.objects.create(pegawai=p, golongan="III/b", tmt=date(2020, 4, 1))
    client = world.client("admin_opd")
    response = client.post(
        url("people:riwayat_edit", p.nip, "pangkat", row.pk),
        {"golongan": "III/d", "tmt": "2020-04-01", "mkg_tahun": 0, "mkg_bulan": 0},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.golongan == "III/d"
    confirm = client.get(url("people:riwayat_delete", p.nip, "pangkat", row.pk))
    assert confirm.status_code == 200
    assert RiwayatPangkat.objects.filter(pk=row.pk).exists()  # GET only asks
    assert client.post(url("people:riwayat_delete", p.nip, "pangkat", row.pk)).status_code == 302
    assert not RiwayatPangkat.objects.filter(pk=row.pk).exists()
    assert AuditEntry.objects.filter(pegawai_id=p.pk, action="delete").exists()


def test_unknown_history_kind_is_404(world):
    response = world.client("admin_opd").get(
        url("people:riwayat_create", world.pegawai.nip, "hobi")
    )
    assert response.status_code == 404


def test_history_row_of_another_pegawai_is_404(world):
    other = RiwayatSkp.objects.create(pegawai=world.pegawai_lain, tahun=2023, predikat="baik")
    client = world.client("admin_opd")
    assert (
        client.get(url("people:riwayat_edit", world.pegawai.nip, "skp", other.pk)).status_code
        == 404
    )
    response = client.post(url("people:riwayat_delete", world.pegawai.nip, "skp", other.pk))
    assert response.status_code == 404
    assert RiwayatSkp.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize(
    "persona, status", [("admin_opd_lain", 404), ("pimpinan", 403), ("pegawai", 403)]
)
def test_history_refused_to_non_editors(world, persona, status):
    p = world.pegawai
    row = RiwayatSkp.objects.create(pegawai=p, tahun=2023, predikat="baik")
    client = world.client(persona)
    add = client.post(
        url("people:riwayat_create", p.nip, "skp"), {"tahun": 2024, "predikat": "baik"}
    )
    delete = client.post(url("people:riwayat_delete", p.nip, "skp", row.pk))
    assert (add.status_code, delete.status_code) == (status, status)
    assert list(RiwayatSkp.objects.values_list("tahun", flat=True)) == [2023]


def test_second_skp_for_a_year_is_refused_in_indonesian(world):
    p = world.pegawai
    RiwayatSkp.objects.create(pegawai=p, tahun=2023, predikat="baik")
    response = world.client("admin_opd").post(
        url("people:riwayat_create", p.nip, "skp"), {"tahun": 2023, "predikat": "sangat_baik"}
    )
    assert response.status_code == 200
    assert "sudah memiliki SKP untuk tahun tersebut" in response.content.decode()
    assert RiwayatSkp.objects.count() == 1


def test_diklat_ending_before_it_starts_is_refused(world):
    p = world.pegawai
    response = world.client("admin_opd").post(
        url("people:riwayat_create", p.nip, "diklat"),
        {
            "kategori": "teknis",
            "nama": "Diklat Arsip",
            "tanggal_mulai": "2024-05-10",
            "tanggal_selesai": "2024-05-01",
            "jp": 30,
        },
    )
    assert "Tidak boleh sebelum tanggal mulai" in response.content.decode()
    assert not p.riwayat_diklat.exists()


def test_choosing_a_jabatan_fills_in_the_position(world):
    p = world.pegawai_lain
    kepala_sub = Pegawai.objects.get(nama="Agus Wibowo").jabatan
    response = world.client("admin_opd").post(
        url("people:riwayat_create", p.nip, "jabatan"),
        {"jabatan": kepala_sub.pk, "tmt": "2025-01-02"},
    )
    assert response.status_code == 302
    row = p.riwayat_jabatan.get()
    assert (row.nama_jabatan, row.jenis_jabatan, row.unit_id) == (
        kepala_sub.nama,
        kepala_sub.jenis,
        kepala_sub.unit_id,
    )
    p.refresh_from_db()
    assert p.jabatan_id == kepala_sub.pk


def test_admin_opd_is_offered_only_own_opd_positions(world):
    response = world.client("admin_opd").get(
        url("people:riwayat_create", world.pegawai.nip, "jabatan")
    )
    units = {j.unit.opd_id for j in response.context["form"].fields["jabatan"].queryset}
    assert units == {world.opd_a.pk}


# --- audit trail --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, target, status",
    [
        ("pegawai", "pegawai", 200),  # one's own trail, for transparency
        ("pegawai", "pegawai_b", 404),
        ("atasan", "pegawai", 403),  # may see the profile, not who changed it
        ("admin_opd", "pegawai", 200),
        ("admin_opd", "pegawai_b", 404),
        ("admin_opd_lain", "pegawai_b", 200),
        ("verifikator", "pegawai_b", 200),
        ("admin_bkd", "pegawai", 200),
        ("pimpinan", "pegawai", 200),
    ],
)
def test_trail_visibility(world, persona, target, status):
    response = world.client(persona).get(url("people:pegawai_history", nip_of(world, target)))
    assert response.status_code == status


def test_trail_reads_in_words(world):
    p = world.pegawai
    client = world.client("admin_opd")
    client.post(url("people:pegawai_edit", p.nip), _edit_form(p, no_hp="0811"))
    client.post(
        url("people:riwayat_create", p.nip, "pangkat"),
        {"golongan": "III/c", "tmt": "2024-04-01", "mkg_tahun": 0, "mkg_bulan": 0},
    )
    html = client.get(url("people:pegawai_history", p.nip)).content.decode()
    for text in (
        "Nomor HP",
        "0811",
        "Riwayat pangkat",
        "III/c",
        "1 April 2024",
        "Golongan",
        "Data terkini diperbarui dari riwayat",
        "admin.pendidikan",
    ):
        assert text in html, text
    assert "tmt_golongan" not in html  # labels, not column names
    assert "Nomor SK" not in html  # a creation lists only what was filled in


def test_profile_names_the_superior_derived_from_the_unit_tree(world):
    page = world.client("pegawai").get(f"/pegawai/{world.pegawai.nip}/").content.decode()
    assert "Atasan langsung" in page
    assert "Siti Rahayu — Kepala Dinas Pendidikan" in page


def test_golongan_above_the_diploma_ceiling_is_flagged_for_the_admin_only(world):
    Pegawai.objects.filter(pk=world.pegawai.pk).update(golongan="IV/a", tingkat_pendidikan="15")
    url = f"/pegawai/{world.pegawai.nip}/"
    admin_page = world.client("admin_opd").get(url).content.decode()
    assert "Perlu diperiksa" in admin_page
    assert "Golongan IV/a di atas plafon kenaikan pangkat reguler" in admin_page
    assert "(III/b)" in admin_page
    assert "Perlu diperiksa" not in world.client("pegawai").get(url).content.decode()


def test_a_consistent_record_raises_no_warning(world):
    Pegawai.objects.filter(pk=world.pegawai.pk).update(golongan="III/c", tingkat_pendidikan="40")
    page = world.client("admin_opd").get(f"/pegawai/{world.pegawai.nip}/").content.decode()
    assert "Perlu diperiksa" not in page
