"""User-defined indicators: named counts + a safe formula, computed and drilled like the index."""

import pytest

from sikap.accounts.models import Peran
from sikap.core.errors import SikapError
from sikap.core.models import AuditEntry
from sikap.ipasn import services
from sikap.ipasn.indicators import compute_indicator, indicator_members
from sikap.ipasn.models import Indicator
from sikap.people.models import Pegawai
from tests.factories import make_pegawai, make_user

PERSENTASE_S2_S3 = {
    "nama": "Persentase PNS S2/S3",
    "rumus": "(jumlah_s2_s3 / jumlah_pns) * 100",
    "hitungan": (
        '{"jumlah_pns": {"status": ["pns"]},'
        ' "jumlah_s2_s3": {"status": ["pns"], "jenjang": ["S2", "S3"]}}'
    ),
    "desimal": "2",
    "keterangan": "",
}


@pytest.fixture
def regency(world):
    """Five active PNS in the personas' world (one S2, one S3), a retired S3 and a PPPK S2."""
    Pegawai.objects.update(tingkat_pendidikan="40")
    Pegawai.objects.filter(pk=world.pegawai_b.pk).update(tingkat_pendidikan="45")
    Pegawai.objects.filter(pk=world.atasan.pk).update(tingkat_pendidikan="50")
    make_pegawai(world.opd_a, nama="Pensiunan", kedudukan="pensiun", tingkat_pendidikan="50")
    make_pegawai(world.opd_a, nama="Kontrak", status="pppk", tingkat_pendidikan="45")
    world.users["perencana"] = make_user("perencana.bkd", Peran.PERENCANA)
    return world


def test_perencana_defines_the_percentage_of_pns_with_s2_or_s3(regency):
    response = regency.client("perencana").post("/ip-asn/indikator/tambah/", PERSENTASE_S2_S3)
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator = Indicator.objects.get()
    entry = AuditEntry.objects.get(object_id=str(indicator.pk), action="create")
    assert entry.actor == regency.users["perencana"]

    result = compute_indicator(indicator, 2023)
    assert result.counts == {"jumlah_pns": 5, "jumlah_s2_s3": 2}
    assert str(result.rounded) == "40.00"
    assert result.formula == "(2 / 5) * 100 = 40,00"
    members = indicator_members(indicator, 2023, "jumlah_s2_s3")
    assert set(members.values_list("nama", flat=True)) == {"Siti Rahayu", "Rudi Hartono"}


def test_the_indicator_page_links_each_count_to_its_pegawai(regency):
    indicator = services.save_indicator(
        Indicator(
            nama="Persentase PNS S2/S3",
            rumus=PERSENTASE_S2_S3["rumus"],
            hitungan={"jumlah_pns": {"status": ["pns"]}, "jumlah_s2_s3": {"jenjang": ["S2", "S3"]}},
        ),
        actor=regency.users["admin_bkd"],
    )
    client = regency.client("pimpinan")
    page = client.get(f"/ip-asn/2023/indikator/{indicator.pk}/").content.decode()
    assert "(3 / 5) * 100 = 60,00" in page
    assert f'href="/ip-asn/2023/indikator/{indicator.pk}/jumlah_s2_s3/"' in page
    listed = client.get(f"/ip-asn/2023/indikator/{indicator.pk}/jumlah_s2_s3/").context["rows"]
    assert {p.nama for p, _ in listed} == {"Siti Rahayu", "Rudi Hartono", "Kontrak"}
    assert "Persentase PNS S2/S3" in client.get("/ip-asn/2023/").content.decode()
    admin_opd = regency.client("admin_opd").get(f"/ip-asn/2023/indikator/{indicator.pk}/")
    assert admin_opd.context["result"].counts == {"jumlah_pns": 4, "jumlah_s2_s3": 2}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rumus", "(jumlah_s4 / jumlah_pns) * 100", "Hitungan &#x27;jumlah_s4&#x27; tidak dikenal"),
        ("rumus", "jumlah_pns ** 2", "tidak diizinkan"),
        ("rumus", "(jumlah_pns", "tidak lengkap atau tidak valid pada kolom"),
        ("hitungan", '{"jumlah_pns": {"jenjang": ["S4"]}}', "Nilai &#x27;S4&#x27; tidak dikenal"),
        ("hitungan", '{"Jumlah PNS": {"status": ["pns"]}}', "tidak valid: huruf kecil"),
        ("hitungan", "[1, 2]", "Hitungan harus berupa objek JSON"),
    ],
)
def test_an_invalid_indicator_is_refused_with_the_reason(regency, field, value, message):
    data = {**PERSENTASE_S2_S3, field: value}
    response = regency.client("admin_bkd").post("/ip-asn/indikator/tambah/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Indicator.objects.exists()


def test_division_by_zero_is_reported_not_raised(regency):
    indicator = services.save_indicator(
        Indicator(
            nama="Rasio PPPK terhadap CPNS",
            rumus="jumlah_pppk / jumlah_cpns",
            hitungan={"jumlah_pppk": {"status": ["pppk"]}, "jumlah_cpns": {"status": ["cpns"]}},
        ),
        actor=regency.users["admin_bkd"],
    )
    result = compute_indicator(indicator, 2023)
    assert result.value is None
    assert result.error == "Pembagian dengan nol pada kolom 15: 'jumlah_cpns' bernilai 0"
    page = regency.client("pimpinan").get(f"/ip-asn/2023/indikator/{indicator.pk}/")
    assert "Tidak dapat dihitung: Pembagian dengan nol" in page.content.decode()


@pytest.mark.parametrize("persona", ["pimpinan", "verifikator", "admin_opd", "pegawai"])
def test_only_admin_bkd_and_perencana_define_indicators(regency, persona):
    response = regency.client(persona).post("/ip-asn/indikator/tambah/", PERSENTASE_S2_S3)
    assert response.status_code == 403
    assert not Indicator.objects.exists()
    with pytest.raises(SikapError, match="Hanya admin BKD dan perencana"):
        services.save_indicator(
            Indicator(**{**PERSENTASE_S2_S3, "hitungan": {}}), actor=regency.users[persona]
        )


def test_an_indicator_is_edited_and_deleted_with_audit(regency):
    indicator = services.save_indicator(
        Indicator(
            nama="Jumlah PNS", rumus="jumlah_pns", hitungan={"jumlah_pns": {"status": ["pns"]}}
        ),
        actor=regency.users["admin_bkd"],
    )
    client = regency.client("perencana")
    data = {**PERSENTASE_S2_S3, "nama": "Jumlah PNS aktif", "rumus": "jumlah_pns", "desimal": "0"}
    assert client.post(f"/ip-asn/indikator/{indicator.pk}/ubah/", data).status_code == 302
    entry = AuditEntry.objects.get(object_id=str(indicator.pk), action="update")
    assert entry.changes["nama"] == ["Jumlah PNS", "Jumlah PNS aktif"]
    assert (
        regency.client("admin_opd").post(f"/ip-asn/indikator/{indicator.pk}/hapus/").status_code
        == 403
    )
    assert client.get(f"/ip-asn/indikator/{indicator.pk}/hapus/").status_code == 405
    assert client.post(f"/ip-asn/indikator/{indicator.pk}/hapus/").status_code == 302
    assert not Indicator.objects.exists()
    assert AuditEntry.objects.filter(object_id=str(indicator.pk), action="delete").exists()


def test_a_saved_indicator_with_a_huge_literal_fails_on_its_own_row(regency):
    """Saved before literals were bounded (written straight to the table): the year page
    still answers, and that row says why it has no value."""
    good = services.save_indicator(
        Indicator(
            nama="Jumlah PNS", rumus="jumlah_pns", hitungan={"jumlah_pns": {"status": ["pns"]}}
        ),
        actor=regency.users["admin_bkd"],
    )
    huge = Indicator.objects.create(
        nama="Rusak", rumus="99999999999999999999999999999 * jumlah_pns",
        hitungan={"jumlah_pns": {"status": ["pns"]}},
    )  # fmt: skip
    deep = Indicator.objects.create(nama="Bersarang", rumus="a", hitungan={"a": [[[[["pns"]]]]]})
    response = regency.client("pimpinan").get("/ip-asn/2023/")
    assert response.status_code == 200
    results = {r.indicator.pk: r for r in response.context["indicators"]}
    assert results[good.pk].error is None and str(results[good.pk].rounded) == "5.00"
    assert "terlalu besar" in results[huge.pk].error
    assert results[deep.pk].error.startswith("Hitungan tidak valid")
    assert "terlalu besar" in response.content.decode()
    page = regency.client("pimpinan").get(f"/ip-asn/2023/indikator/{huge.pk}/")
    assert page.status_code == 200


@pytest.mark.parametrize(
    "value",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"a": [[[["pns"]]]]}',
    ],
)
def test_deeply_nested_counts_are_refused_with_a_clear_message(regency, value):
    data = {**PERSENTASE_S2_S3, "rumus": "a", "hitungan": value}
    response = regency.client("admin_bkd").post("/ip-asn/indikator/tambah/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "terlalu dalam" in page or "terlalu panjang" in page
    assert not Indicator.objects.exists()
