"""Issue 15, finding 16: the IP ASN per status (PNS with CPNS, PPPK) and for all ASN, and the
roll-up weighted by head count, from the same queries as one index; each figure equals the
mean of the per-person scores of the pure rule."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikap.ipasn.engine import compute_ip_asn, compute_ip_asn_per_status, weighted_rollup
from sikap.ipasn.models import Configuration, Dimension, GabunganStatus
from sikap.rules import indices as rule
from tests.ipasn.test_counts import YEAR, population  # noqa: F401 — the fixture

ASN = {"status": ["pns", "cpns", "pppk"], "kedudukan": ["aktif"]}


def _expected(people, config, statuses):
    """IP ASN of the people whose status is in `statuses`, from per-person scores."""
    subs = []
    for dim in config.dimensions:
        scores = [
            rule.person_score(facts, config, YEAR)[dim.code]
            for _, facts in people
            if facts.status in statuses and rule.matches(dim.population, facts, YEAR, config.window)
        ]
        if not scores:
            return None
        mean = sum(scores, Decimal(0)) / len(scores)
        subs.append(rule.round_index(mean, config.rounding, config.decimals))
    return rule.ip_asn(subs)


def test_per_status_and_weighted_roll_up_match_the_per_person_rule(population):  # noqa: F811
    Dimension.objects.update(populasi=ASN)  # every dimension over PNS and PPPK alike
    config = Configuration.objects.in_force(YEAR).as_rule()
    found = compute_ip_asn_per_status(YEAR)
    by = {s.code: s for s in found.per_status}
    pns, pppk = frozenset({"pns", "cpns"}), frozenset({"pppk"})
    assert by["pns"].result.total == _expected(population, config, pns)
    assert by["pppk"].result.total == _expected(population, config, pppk)
    assert found.semua.total == compute_ip_asn(YEAR).total
    heads = {
        code: sum(1 for _, f in population if f.status in group and f.kedudukan == "aktif")
        for code, group in (("pns", pns), ("pppk", pppk))
    }
    assert (by["pns"].headcount, by["pppk"].headcount) == (heads["pns"], heads["pppk"])
    weighted = (by["pns"].result.total * heads["pns"] + by["pppk"].result.total * heads["pppk"]) / (
        heads["pns"] + heads["pppk"]
    )
    assert found.tertimbang == rule.round_index(weighted, "half_up", 2)
    assert found.total == found.semua.total  # the default configuration: one index
    Configuration.objects.update(gabungan_status=GabunganStatus.TERTIMBANG)
    assert compute_ip_asn_per_status(YEAR).total == found.tertimbang


def test_per_status_costs_no_more_queries_than_one_index(population):  # noqa: F811
    with CaptureQueriesContext(connection) as one:
        compute_ip_asn(YEAR)
    with CaptureQueriesContext(connection) as per_status:
        compute_ip_asn_per_status(YEAR)
    assert len(per_status) == len(one)


def test_a_status_without_population_is_left_out_of_the_roll_up():
    assert weighted_rollup([(Decimal("80"), 10), (None, 5)], "half_up", 2) == Decimal("80.00")
    assert weighted_rollup([(Decimal("80"), 3), (Decimal("70"), 1)], "half_up", 2) == Decimal(
        "77.50"
    )
    assert weighted_rollup([(None, 3)], "half_up", 2) is None
