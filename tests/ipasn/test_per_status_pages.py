"""Issue 15: the IP ASN of PNS, of PPPK, of all ASN and the weighted roll-up, on the year page
and per OPD, with the configuration naming which of them is the IP ASN."""

from datetime import date

import pytest

from sikap.ipasn.engine import compute_ip_asn_per_status
from sikap.ipasn.models import Configuration, GabunganStatus
from sikap.people.models import RiwayatSkp
from sikap.rules.formatting import angka
from tests.factories import make_pegawai
from tests.ipasn.test_views import regency  # noqa: F401  (fixture)


@pytest.fixture
def with_pppk(regency):  # noqa: F811
    """One PPPK in OPD A, an S1 rated baik in 2023 (PPPK are outside the PNS-only dimensions,
    so PPPK alone have no IP ASN under the 2019 ladder: shown as '—')."""
    pppk = make_pegawai(
        regency.opd_a, nama="Rina PPPK", status="pppk", tingkat_pendidikan="40",
        tanggal_lahir=date(1990, 1, 2), nip="199001022023212001",
    )  # fmt: skip
    RiwayatSkp.objects.create(pegawai=pppk, tahun=2023, predikat="sangat_baik")
    return regency


def test_the_year_page_shows_each_status_and_which_one_is_official(with_pppk):
    client = with_pppk.client("pimpinan")
    found = compute_ip_asn_per_status(2023)
    body = client.get("/ip-asn/2023/").content.decode()
    assert "IP ASN per status kepegawaian" in body
    assert "PNS (termasuk CPNS)" in body and "PPPK" in body
    assert "Seluruh ASN (satu indeks)" in body
    assert "Gabungan PNS dan PPPK, tertimbang jumlah pegawai" in body
    assert angka(found.per_status[0].result.total) in body
    assert "satu indeks atas seluruh ASN sebagai IP ASN" in body
    rows = client.get("/ip-asn/2023/").context["per_status"]
    assert [r["resmi"] for r in rows] == [False, False, True, False]
    assert rows[1]["headcount"] == 1 and rows[1]["total"] is None


def test_with_the_weighted_roll_up_configured_the_headline_is_the_roll_up(regency):  # noqa: F811
    Configuration.objects.update(gabungan_status=GabunganStatus.TERTIMBANG)
    found = compute_ip_asn_per_status(2023)
    response = regency.client("pimpinan").get("/ip-asn/2023/")
    assert response.context["result"].total == found.tertimbang
    assert [r["resmi"] for r in response.context["per_status"]] == [False, False, False, True]
    body = response.content.decode()
    assert "Gabungan IP ASN PNS dan IP ASN PPPK, tertimbang jumlah pegawai" in body
    assert "gabungan tertimbang sebagai IP ASN" in body


def test_the_per_opd_page_shows_pns_and_pppk_per_opd(with_pppk):
    response = with_pppk.client("pimpinan").get("/ip-asn/2023/opd/")
    rows = response.context["rows"]
    by_opd = {r.opd.kode: status for r, _, status in rows}
    own = compute_ip_asn_per_status(2023, opd=with_pppk.opd_a)
    assert by_opd[with_pppk.opd_a.kode]["pns"].result.total == own.per_status[0].result.total
    assert by_opd[with_pppk.opd_a.kode]["pppk"].headcount == 1
    body = response.content.decode()
    assert '<th scope="col" class="text-end">PNS</th>' in body
    assert '<th scope="col" class="text-end">PPPK</th>' in body
