"""Competency scoring (the documented method of docs/competency.md) and the default standard
by position (PermenPANRB 38/2017 levels by jenjang)."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikap.rules import RuleError
from sikap.rules.competency import (
    Jawaban,
    jenjang_jf,
    kekuatan,
    kesenjangan,
    level_tercapai,
    nilai_kompetensi,
    nilai_percobaan,
    skor_pilihan_ganda,
    standar_bawaan,
)


def answers(*pairs, kode="integritas"):
    """(level, skor) pairs for one competency."""
    return [Jawaban(kode, level, skor) for level, skor in pairs]


@pytest.mark.parametrize(
    ("pairs", "level"),
    [
        # every level shown → 5
        (((1, 5), (2, 5), (3, 4), (4, 4), (5, 4)), 5),
        # strong up to 3, the top two levels missed
        (((1, 5), (2, 4), (3, 4), (4, 2), (5, 1)), 3),
        # nothing reaches the threshold
        (((1, 3), (2, 2), (3, 1), (4, 1), (5, 1)), 0),
        # one slip at level 1 does not erase consistently shown higher levels
        (((1, 3), (2, 5), (3, 5), (4, 4), (5, 2)), 4),
        # one lucky item at level 5 over a weak foundation is not level 5
        (((1, 2), (2, 1), (3, 2), (4, 2), (5, 5)), 0),
        # exactly the threshold (3.5) passes: two items at level 1 with 3 and 4
        (((1, 3), (1, 4)), 1),
        # just below it fails
        (((1, 3), (1, 3)), 0),
        # unanswered counts as the lowest score
        (((1, 5), (2, None)), 1),
        # untested levels neither help nor hurt: only levels 2 and 4 were drawn
        (((2, 4), (4, 4)), 4),
    ],
)
def test_level_reached(pairs, level):
    assert level_tercapai(answers(*pairs)) == level


def test_multiple_choice_scores_the_key_five_and_anything_else_one():
    assert skor_pilihan_ganda(True) == 5
    assert skor_pilihan_ganda(False) == 1


def test_threshold_is_configurable():
    items = answers((1, 3), (2, 3))
    assert level_tercapai(items) == 0
    assert level_tercapai(items, ambang=D(3)) == 2


def test_result_carries_the_gap_to_the_standard_and_the_percentage():
    hasil = nilai_kompetensi("integritas", answers((1, 5), (2, 5), (3, 1), (3, 1)), standar=3)
    assert hasil.level == 2
    assert hasil.selisih == -1
    assert hasil.memenuhi is False
    assert hasil.rata_rata == D("3.00")
    assert hasil.persen == 50
    assert hasil.jumlah_soal == 4
    assert hasil.level_teruji == (1, 2, 3)


def test_without_a_standard_there_is_no_gap():
    hasil = nilai_kompetensi("integritas", answers((1, 5)), standar=None)
    assert hasil.selisih is None and hasil.memenuhi is None


def test_attempt_scores_each_competency_and_sorts_strengths_and_gaps():
    items = (
        answers((1, 5), (2, 5), (3, 5), kode="komunikasi")
        + answers((1, 5), (2, 1), (3, 1), kode="integritas")
        + answers((1, 5), (2, 5), kode="kerja_sama")
    )
    hasil = nilai_percobaan(items, {"komunikasi": 2, "integritas": 3, "kerja_sama": 2})
    assert [(h.kompetensi, h.level, h.selisih) for h in hasil] == [
        ("komunikasi", 3, 1),
        ("integritas", 1, -2),
        ("kerja_sama", 2, 0),
    ]
    assert [h.kompetensi for h in kekuatan(hasil)] == ["komunikasi", "kerja_sama"]
    assert [h.kompetensi for h in kesenjangan(hasil)] == ["integritas"]


@pytest.mark.parametrize(
    ("jawaban", "pesan"),
    [
        (lambda: Jawaban("integritas", 6, 3), "Level soal harus 1–5"),
        (lambda: Jawaban("integritas", 1, 0), "Skor jawaban harus 1–5"),
        (lambda: nilai_kompetensi("integritas", [], 3), "Tidak ada soal"),
        (lambda: nilai_kompetensi("integritas", answers((1, 4)), 7), "Standar kompetensi"),
        (lambda: standar_bawaan("honorer"), "Jenis jabatan tidak dikenal"),
    ],
)
def test_bad_input_is_refused_in_indonesian(jawaban, pesan):
    with pytest.raises(RuleError, match=pesan):
        jawaban()


@pytest.mark.parametrize(
    ("jenis", "eselon", "nama", "level"),
    [
        ("jpt", "I.b", "Sekretaris Jenderal", 5),
        ("jpt", "II.a", "Sekretaris Daerah", 4),
        ("jpt", "II.b", "Kepala Dinas Kesehatan", 4),
        ("ja", "III.a", "Sekretaris Dinas", 3),
        ("jp", "IV.a", "Kepala Subbagian Umum", 2),
        ("pelaksana", "", "Pengadministrasi Umum", 1),
        ("jf", "", "Dokter Ahli Utama", 4),
        ("jf", "", "Perencana Ahli Madya", 3),
        ("jf", "", "Perawat Ahli Muda", 2),
        ("jf", "", "Guru Ahli Pertama", 1),
        ("jf", "", "Perawat Penyelia", 2),
        ("jf", "", "Bidan Mahir", 1),
        ("jf", "", "Pranata Komputer Terampil", 1),
        ("jf", "", "Arsiparis", 1),
    ],
)
def test_default_standard_by_position(jenis, eselon, nama, level):
    assert standar_bawaan(jenis, eselon, nama) == level


@pytest.mark.parametrize(
    ("nama", "jenjang"),
    [
        ("Analis Sumber Daya Manusia Aparatur Ahli Muda", "ahli muda"),
        ("perawat  ahli   pertama", "ahli pertama"),
        ("Pranata Laboratorium Kesehatan Penyelia", "penyelia"),
        ("Pengadministrasi Umum", None),
    ],
)
def test_jf_jenjang_from_the_position_name(nama, jenjang):
    assert jenjang_jf(nama) == jenjang


items_st = st.lists(
    st.tuples(st.integers(1, 5), st.one_of(st.none(), st.integers(1, 5))), min_size=1, max_size=25
)


@settings(max_examples=300, deadline=None)
@given(items_st, st.data())
def test_a_better_answer_never_lowers_the_level(pairs, data):
    i = data.draw(st.integers(0, len(pairs) - 1))
    level, skor = pairs[i]
    better = data.draw(st.integers(skor or 1, 5))
    improved = [*pairs[:i], (level, better), *pairs[i + 1 :]]
    assert level_tercapai(answers(*improved)) >= level_tercapai(answers(*pairs))


@settings(max_examples=300, deadline=None)
@given(items_st)
def test_level_reached_is_a_tested_level_and_all_fives_reach_the_highest(pairs):
    reached = level_tercapai(answers(*pairs))
    tested = {level for level, _ in pairs}
    assert reached == 0 or reached in tested
    assert level_tercapai(answers(*[(level, 5) for level, _ in pairs])) == max(tested)
    assert level_tercapai(answers(*[(level, 1) for level, _ in pairs])) == 0


@settings(max_examples=200, deadline=None)
@given(items_st, st.integers(1, 5))
def test_percentage_is_between_0_and_100_and_gap_is_level_minus_standard(pairs, standar):
    hasil = nilai_kompetensi("integritas", answers(*pairs), standar)
    assert 0 <= hasil.persen <= 100
    assert hasil.selisih == hasil.level - standar
