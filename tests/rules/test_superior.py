"""The superior rule on small hand-built trees, and atasan/bawahan agreeing on random ones."""

import random

from sikap.rules.superior import Kepala, Struktur, eselon_order

# 1 Dinas ─┬─ 2 Bidang SD ─┬─ 4 SD Negeri 1
#          │               └─ 5 SD Negeri 2
#          └─ 3 Sekretariat ── 6 Subbagian Umum
TREE = {1: None, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3}


def head(pid, unit, *, definitif=True, eselon="", kelas=None, nip="", asal=None):
    return Kepala(pid, unit, unit if asal is None else asal, definitif, eselon, kelas, nip)


KADIS, KABID, SEKRETARIS, KASUBBAG = 100, 200, 300, 600
HEADS = [
    head(KADIS, 1, eselon="II.b"),
    head(KABID, 2, eselon="III.b"),
    head(SEKRETARIS, 3, eselon="III.a"),
    head(KASUBBAG, 6, eselon="IV.a"),
]


def test_staff_answer_to_their_units_head_and_heads_to_the_parent_units_head():
    s = Struktur(TREE, HEADS)
    assert s.atasan(601, 6) == KASUBBAG
    assert s.atasan(KASUBBAG, 6) == SEKRETARIS
    assert s.atasan(SEKRETARIS, 3) == KADIS
    assert s.atasan(KADIS, 1) is None


def test_a_vacant_school_passes_its_staff_to_the_head_above():
    s = Struktur(TREE, HEADS)
    assert s.atasan(401, 4) == KABID
    b = s.bawahan(KABID)
    assert b.unit_staf == {2, 4, 5}
    assert b.kepala == set()


def test_a_head_no_longer_in_service_is_left_out_and_the_role_passes_up():
    # The caller passes only heads in service: the kabid retired, so Bidang SD is vacant.
    s = Struktur(TREE, [k for k in HEADS if k.pegawai_id != KABID])
    assert s.atasan(401, 4) == KADIS
    assert s.atasan(KABID, 2) == KADIS
    assert s.bawahan(KADIS).unit_staf == {1, 2, 4, 5}
    assert s.bawahan(KABID).unit_staf == set()


def test_a_tugas_tambahan_head_leads_the_school():
    guru = head(410, 4, definitif=False, eselon="", kelas=9, nip="1970")
    s = Struktur(TREE, [*HEADS, guru])
    assert s.atasan(401, 4) == 410
    assert s.atasan(410, 4) == KABID
    assert s.bawahan(KABID).kepala == {410}
    assert s.bawahan(KABID).unit_staf == {2, 5}
    assert s.bawahan(410).unit_staf == {4}


def test_a_definitive_head_comes_before_a_tugas_tambahan_one():
    guru = head(410, 6, definitif=False, kelas=12)
    s = Struktur(TREE, [*HEADS, guru])
    assert s.kepala_unit[6].pegawai_id == KASUBBAG
    assert s.atasan(410, 6) == KASUBBAG


def test_two_heads_resolve_by_echelon_then_kelas_then_nip_whatever_the_input_order():
    a = head(1, 2, eselon="III.b", kelas=11, nip="2")
    b = head(2, 2, eselon="III.a", kelas=10, nip="3")
    c = head(3, 2, eselon="III.a", kelas=12, nip="4")
    d = head(4, 2, eselon="III.a", kelas=12, nip="1")
    for heads in ([a, b, c, d], [d, c, b, a]):
        assert Struktur(TREE, heads).kepala_unit[2].pegawai_id == 4
    assert Struktur(TREE, [a, b]).kepala_unit[2].pegawai_id == 2
    assert Struktur(TREE, [a, b, c]).kepala_unit[2].pegawai_id == 3


def test_the_losing_head_of_a_tie_is_staff_of_the_winner():
    a = head(1, 2, eselon="III.b", nip="2")
    b = head(2, 2, eselon="III.b", nip="1")
    s = Struktur(TREE, [a, b])
    assert s.atasan(1, 2) == 2
    assert s.bawahan(2).unit_staf == {2, 4, 5}
    assert 1 not in s.bawahan(2).bukan_staf


def test_the_head_of_a_child_unit_is_supervised_by_the_parents_head():
    b = Struktur(TREE, HEADS).bawahan(KADIS)
    assert b.kepala == {KABID, SEKRETARIS}
    assert b.unit_staf == {1}


def test_a_head_does_not_supervise_themself():
    s = Struktur(TREE, HEADS)
    assert KADIS in s.bawahan(KADIS).bukan_staf
    assert KADIS not in s.bawahan(KADIS).kepala
    only = Struktur({1: None}, [head(KADIS, 1)])
    assert only.atasan(KADIS, 1) is None


def test_someone_who_leads_nothing_supervises_nobody():
    assert not Struktur(TREE, HEADS).bawahan(401)


def test_echelons_order_from_the_highest():
    ordered = sorted(["IV.b", "", "II.a", "III.b", "II.b", "III.a"], key=eselon_order)
    assert ordered == ["II.a", "II.b", "III.a", "III.b", "IV.b", ""]


def test_a_cycle_in_bad_data_ends_the_walk():
    s = Struktur({1: 2, 2: 1}, [])
    assert s.atasan(9, 1) is None


def _random_case(rng: random.Random):
    n = rng.randint(1, 25)
    tree = {u: (rng.randint(1, u - 1) if u > 1 else None) for u in range(1, n + 1)}
    staff = {pid: rng.randint(1, n) for pid in range(1, 60)}
    heads = [
        head(
            pid,
            rng.randint(1, n),
            definitif=rng.random() < 0.6,
            eselon=rng.choice(["", "II.b", "III.a", "IV.a"]),
            kelas=rng.choice([None, 8, 9, 12]),
            nip=str(rng.randint(1, 5)),
            asal=staff[pid],
        )
        for pid in rng.sample(sorted(staff), rng.randint(0, n + 3))
    ]
    return tree, staff, heads


def _supervised(s: Struktur, pid: int, staff: dict[int, int]) -> set[int]:
    b = s.bawahan(pid)
    return {p for p, u in staff.items() if u in b.unit_staf and p not in b.bukan_staf} | b.kepala


def test_bawahan_are_exactly_those_whose_atasan_is_the_head_on_random_trees():
    rng = random.Random(7)
    for _ in range(300):
        tree, staff, heads = _random_case(rng)
        s = Struktur(tree, heads)
        for pid in staff:
            expected = {p for p, u in staff.items() if s.atasan(p, u) == pid}
            assert _supervised(s, pid, staff) == expected
            assert pid not in expected
