"""Issue 15, findings 5 and 16: a percentage outside 0–100 and quarters that each report the
whole target are findings; a published IP ASN that is not the sum of its dimensions (beyond
their rounding) is a finding, and the seed's own 66,90 = 12,38 + 25,44 + 4,99 + 24,09 is not."""

from sikap.accounts.system import system_actor
from sikap.performance.importer import IKU, parse_bundle
from sikap.performance.selectors import findings_for_year
from sikap.performance.services import import_sakip
from tests.performance.test_import import edited


def _by_check(check: str) -> list:
    return [f for f in findings_for_year(2023) if f.check == check]


def test_percent_range_and_doubtful_sum_on_the_seed(seed):
    over = {(f.code, f.column) for f in _by_check("persen_di_luar_rentang")}
    assert over == {("A", "q4_k"), ("A.1", "annual_k")}
    [summed] = _by_check("agregasi_meragukan")
    assert summed.code == "C.3.d" and summed.severity == "C"
    assert "12 Dokumen (400,00 %)" in summed.problem and "triwulan terakhir" in summed.remedy


def test_the_seeds_ip_asn_adds_up(seed):
    assert _by_check("ip_asn_jumlah_dimensi") == []


def test_an_ip_asn_that_is_not_the_sum_of_its_dimensions_is_flagged(db):
    def wrong(rows, header):
        rows[0]["realisasi"] = "67.50"

    import_sakip(parse_bundle(edited(IKU, wrong), 2023), actor=system_actor())
    [finding] = _by_check("ip_asn_jumlah_dimensi")
    assert finding.severity == "A"
    assert "12,38 + 25,44 + 4,99 + 24,09 = 66,90" in finding.problem
    assert "selisih 0,60" in finding.problem
