"""The three meanings of a criterion agree: the fast counts, the members' Q and the pure rule.

A random population (fixed seed) with histories inside and outside every window is written to
the database and kept in Python; every count must equal both the number of members listed and
the number of people the pure rule says match, and every sub-index must equal the mean of the
per-person scores.
"""

import random
from datetime import date
from decimal import Decimal

import pytest

from sikap.ipasn import counts
from sikap.ipasn.counts import CountPlan, Scope, expand
from sikap.ipasn.criteria import criterion_q
from sikap.ipasn.engine import compute_ip_asn, config_in_force, dimension_scores, members
from sikap.ipasn.models import POPULASI, Configuration
from sikap.people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatSkp
from sikap.rules import indices as rule
from sikap.rules.education import TINGKAT, jenjang
from tests.factories import make_opd, root_unit

YEAR = 2023


def _random_people(rng: random.Random, n: int):
    people = []
    for _ in range(n):
        people.append(
            {
                "status": rng.choice(["pns"] * 6 + ["pppk", "cpns"]),
                "kedudukan": rng.choice(["aktif"] * 8 + ["pensiun", "tugas_belajar"]),
                "tingkat": rng.choice([*TINGKAT, ""]),
                "jenis_jabatan": rng.choice([*rule.JENIS_JABATAN, "pelaksana", ""]),
                "skp": {
                    y: rng.choice(rule.PREDIKAT) for y in range(2021, 2025) if rng.random() < 0.8
                },
                "hukdis": [
                    (date(rng.randint(2018, 2024), rng.randint(1, 12), 1), rng.choice(rule.HUKDIS))
                    for _ in range(rng.choice([0, 0, 0, 1, 2, 3]))
                ],
                "diklat": [
                    (
                        date(rng.randint(2020, 2024), rng.randint(1, 12), 28),
                        rng.choice(rule.DIKLAT),
                        rng.choice([2, 8, 19, 20, 24, 40]),
                    )
                    for _ in range(rng.choice([0, 1, 2, 3, 4]))
                ],
            }
        )
    return people


@pytest.fixture
def population(db):
    """[(Pegawai, PersonFacts)] for 300 random people in two OPDs."""
    rng = random.Random(2023)
    opds = [make_opd("Dinas A", "A"), make_opd("Dinas B", "B")]
    people = _random_people(rng, 300)
    rows = Pegawai.objects.bulk_create(
        Pegawai(
            nip=f"1975050520000{i:05d}",
            nama=f"Acak {i}",
            tanggal_lahir=date(1975, 5, 5),
            jenis_kelamin="P",
            status=p["status"],
            kedudukan=p["kedudukan"],
            opd=opds[i % 2],
            unit=root_unit(opds[i % 2]),
            jenis_jabatan=p["jenis_jabatan"],
            tingkat_pendidikan=p["tingkat"],
        )
        for i, p in enumerate(people)
    )
    RiwayatSkp.objects.bulk_create(
        RiwayatSkp(pegawai=row, tahun=y, predikat=v)
        for row, p in zip(rows, people, strict=True)
        for y, v in p["skp"].items()
    )
    RiwayatHukdis.objects.bulk_create(
        RiwayatHukdis(pegawai=row, tmt=tmt, tingkat=t, jenis="-")
        for row, p in zip(rows, people, strict=True)
        for tmt, t in p["hukdis"]
    )
    RiwayatDiklat.objects.bulk_create(
        RiwayatDiklat(
            pegawai=row, kategori=k, nama=k, jp=jp, tanggal_mulai=selesai, tanggal_selesai=selesai
        )
        for row, p in zip(rows, people, strict=True)
        for selesai, k, jp in p["diklat"]
    )
    facts = [
        rule.PersonFacts(
            status=p["status"],
            kedudukan=p["kedudukan"],
            jenjang=jenjang(p["tingkat"]) if p["tingkat"] else None,
            jenis_jabatan=p["jenis_jabatan"],
            skp=p["skp"],
            hukdis=tuple(p["hukdis"]),
            diklat=tuple(p["diklat"]),
        )
        for p in people
    ]
    return list(zip(rows, facts, strict=True))


BKN_WINDOWS = {"skp_year_offset": -1, "hukdis_years": 5, "diklat_years": 2}


@pytest.fixture(params=[True, False], ids=["history-in-pegawai-query", "history-joined-per-person"])
def strategy(request, monkeypatch):
    """Each database uses one way of counting history tests; both are checked on both."""
    monkeypatch.setattr(counts, "history_in_pegawai_query", lambda: request.param)
    return request.param


@pytest.mark.parametrize("windows", [{}, BKN_WINDOWS], ids=["seed", "bkn"])
def test_counts_members_and_pure_rule_agree_for_every_category(population, windows, strategy):
    Configuration.objects.update(**windows)
    _, config = config_in_force(YEAR)
    result = compute_ip_asn(YEAR)
    for dim in config.dimensions:
        sub = result.sub_index(dim.code)
        in_pop = [
            (p, f) for p, f in population if rule.matches(dim.population, f, YEAR, config.window)
        ]
        assert sub.population == len(in_pop) == members(YEAR, dim.code, POPULASI).count()
        for cat, counted in zip(dim.categories, sub.categories, strict=True):
            expected = {
                p.pk for p, f in in_pop if rule.matches(cat.criterion, f, YEAR, config.window)
            }
            listed = set(members(YEAR, dim.code, cat.code).values_list("pk", flat=True))
            assert counted.count == len(expected), (dim.code, cat.code)
            assert listed == expected, (dim.code, cat.code)
        scores = [rule.person_score(f, config, YEAR)[dim.code] for _, f in in_pop]
        assert sub.value == sum(scores, Decimal(0)) / len(scores)


def test_the_drill_down_scores_read_the_same_facts_from_the_database(population):
    Configuration.objects.update(**BKN_WINDOWS)
    _, config = config_in_force(YEAR)
    pegawai = [p for p, _ in population]
    for dim in config.dimensions:
        scores = dimension_scores(pegawai, YEAR, dim.code, config)
        assert scores == {p.pk: rule.person_score(f, config, YEAR)[dim.code] for p, f in population}


def test_the_whole_ladder_is_one_query(population, strategy, django_assert_num_queries):
    _, config = config_in_force(YEAR)
    plan = CountPlan(YEAR, config.window)
    for dim in config.dimensions:
        for cat in dim.categories:
            plan.add(cat.code, dim.population, cat.criterion)
    with django_assert_num_queries(1):
        plan.run()
    with django_assert_num_queries(1):
        plan.run(by_opd=True)


ODD_CRITERIA = {
    "two history tests": rule.Criterion(
        diklat=rule.DiklatTest("teknis", 20), hukdis=frozenset({"ringan"})
    ),
    "predikat and a history test": rule.Criterion(
        predikat=frozenset({"baik"}), diklat=rule.DiklatTest("seminar")
    ),
    "two heaviest levels": rule.Criterion(
        jenjang=frozenset({"S1", "D4"}), hukdis_terberat=frozenset({"tidak_ada", "sedang"})
    ),
    "any punishment at a level": rule.Criterion(hukdis=frozenset({"sedang", "berat"})),
    "predikat only": rule.Criterion(status=frozenset({"pppk"}), predikat=frozenset({"baik"})),
}


@pytest.mark.parametrize("name", ODD_CRITERIA)
def test_unusual_criteria_are_still_counted_exactly(population, name, strategy):
    criterion = ODD_CRITERIA[name]
    window = rule.Window(hukdis_years=3, diklat_years=2)
    plan = CountPlan(YEAR, window)
    plan.add("n", criterion)
    opd_a = population[0][0].opd_id
    expected = [p for p, f in population if rule.matches(criterion, f, YEAR, window)]
    assert plan.run()[None]["n"] == len(expected)
    assert plan.run(Scope(opd_id=opd_a))[None]["n"] == sum(p.opd_id == opd_a for p in expected)
    by_opd = plan.run(by_opd=True)
    assert sum(counts["n"] for counts in by_opd.values()) == len(expected)
    q = criterion_q(criterion, year=YEAR, window=window)
    assert Pegawai.objects.filter(q).count() == len(expected)


def test_a_conjunction_that_cannot_hold_counts_zero_without_a_query_term():
    pns, pppk = (
        rule.Criterion(status=frozenset({"pns"})),
        rule.Criterion(status=frozenset({"pppk"})),
    )
    assert expand((pns, pppk)) == {}
