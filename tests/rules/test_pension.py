from datetime import date, timedelta

import pytest

from sikap.rules import RuleError
from sikap.rules.pension import bup_jabatan, tmt_pensiun, ulang_tahun


# RULES.md §5, from dkpp-admin's retirement-age tests.
@pytest.mark.parametrize(
    ("lahir", "bup", "tmt"),
    [
        (date(1969, 4, 7), 58, date(2027, 5, 1)),  # NIP 19690407…
        (date(1968, 12, 31), 60, date(2029, 1, 1)),  # December rolls into the next year
        (date(1968, 2, 29), 65, date(2033, 3, 1)),  # leap-day birth, common-year birthday
        (date(1970, 1, 1), 58, date(2028, 2, 1)),  # born on the 1st still waits for next month
        (date(1966, 3, 25), 70, date(2036, 4, 1)),  # guru besar
    ],
)
def test_tmt_pensiun_is_first_of_the_month_after_the_bup_birthday(lahir, bup, tmt):
    assert tmt_pensiun(lahir, bup) == tmt


def test_tmt_pensiun_refuses_a_missing_bup():
    with pytest.raises(RuleError, match="BUP"):
        tmt_pensiun(date(1970, 1, 1), 0)


# --- BUP by position, months left, the projection window ----------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sikap.rules.pension import (  # noqa: E402
    KATEGORI_BUP,
    bulan_tersisa,
    bup_kategori,
    dalam_jendela,
    hitung,
    periksa_bup,
    tahun_proyeksi,
    tambah_bulan,
)


# PP 11/2017 Pasal 239(2) and Pasal 240 with UU 14/2005 (RULES.md §5).
@pytest.mark.parametrize(
    ("kategori", "bup"),
    [
        ("administrasi", 58),
        ("jf_keterampilan", 58),
        ("jf_ahli_pertama", 58),
        ("jf_ahli_muda", 58),
        ("jf_ahli_madya", 60),
        ("jpt", 60),
        ("jf_ahli_utama", 65),
        ("guru", 60),
        ("dosen", 65),
        ("guru_besar", 70),
    ],
)
def test_bup_by_kind_of_position_follows_pp_11_2017_and_uu_14_2005(kategori, bup):
    assert bup_kategori(kategori) == bup


def test_an_unknown_kind_of_position_is_refused():
    with pytest.raises(RuleError, match="tidak dikenal"):
        bup_kategori("pelatih")


@pytest.mark.parametrize("bup", [None, 0, 49, 71])
def test_a_missing_or_impossible_bup_is_refused(bup):
    with pytest.raises(RuleError, match="BUP"):
        periksa_bup(bup)


@pytest.mark.parametrize(
    ("as_of", "tmt", "months"),
    [
        (date(2026, 3, 15), date(2026, 5, 1), 1),
        (date(2026, 3, 1), date(2026, 5, 1), 2),
        (date(2026, 5, 1), date(2026, 5, 1), 0),
        (date(2026, 6, 1), date(2026, 5, 1), 0),
        (date(2025, 12, 6), date(2027, 5, 1), 16),
    ],
)
def test_months_left_count_whole_months(as_of, tmt, months):
    assert bulan_tersisa(as_of, tmt) == months


def test_hitung_gives_the_tmt_and_months_left_of_the_rules_case():
    h = hitung(date(1969, 4, 7), 58, date(2026, 12, 6))
    assert (h.tmt, h.bulan_tersisa, h.sudah_pensiun) == (date(2027, 5, 1), 4, False)


@pytest.mark.parametrize(
    ("as_of", "sisa"),
    [
        (date(2026, 3, 15), "kurang dari sebulan lagi"),  # TMT 1 April 2026: not passed yet
        (date(2026, 2, 14), "1 bulan lagi"),
        (date(2026, 4, 1), "TMT pensiun sudah lewat"),
    ],
)
def test_the_time_left_is_said_truly_in_the_last_month_and_after(as_of, sisa):
    h = hitung(date(1968, 3, 20), 58, as_of)
    assert h.tmt == date(2026, 4, 1) and h.sisa == sisa
    assert h.sudah_pensiun == (sisa == "TMT pensiun sudah lewat")


def test_hitung_refuses_a_missing_birth_date():
    with pytest.raises(RuleError, match="Tanggal lahir belum diisi"):
        hitung(None, 58, date(2026, 1, 1))


def test_hitung_refuses_a_birth_date_in_the_future():
    with pytest.raises(RuleError, match="masa depan"):
        hitung(date(2027, 1, 1), 58, date(2026, 1, 1))


def test_the_window_of_15_months_holds_fifteen_first_of_month_tmts():
    as_of = date(2026, 12, 6)
    tmts = [tambah_bulan(as_of, k) for k in range(-1, 20)]
    inside = [t for t in tmts if dalam_jendela(t, as_of, 15)]
    assert inside[0] == date(2027, 1, 1) and inside[-1] == date(2028, 3, 1) and len(inside) == 15


def test_the_yearly_projection_starts_with_this_year():
    assert tahun_proyeksi(date(2026, 12, 6)) == (2026, 2027, 2028, 2029, 2030)
    with pytest.raises(RuleError):
        tahun_proyeksi(date(2026, 1, 1), 0)


births = st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31))
bups = st.sampled_from(sorted({b for _, b in KATEGORI_BUP.values()}))


@given(births, bups)
def test_tmt_is_the_first_of_a_month_within_a_month_after_the_bup_birthday(lahir, bup):
    tmt = tmt_pensiun(lahir, bup)
    assert tmt.day == 1
    birthday = ulang_tahun(lahir, bup)
    assert birthday < tmt and (tmt - birthday).days <= 31


@given(births, bups, bups)
def test_a_higher_bup_never_retires_earlier(lahir, a, b):
    low, high = sorted((a, b))
    assert tmt_pensiun(lahir, low) <= tmt_pensiun(lahir, high)


@given(births, bups, st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)))
def test_months_left_shrink_as_time_passes_and_end_at_the_tmt(lahir, bup, as_of):
    if lahir > as_of:
        return
    h = hitung(lahir, bup, as_of)
    later = hitung(lahir, bup, as_of + timedelta(days=40))
    assert 0 <= later.bulan_tersisa <= h.bulan_tersisa
    assert hitung(lahir, bup, max(h.tmt, as_of)).sudah_pensiun
    if h.tmt > as_of:
        assert h.bulan_tersisa <= bulan_tersisa(date(as_of.year, as_of.month, 1), h.tmt)


# PP 11/2017 Pasal 239(2) by kind and jenjang; Pasal 240 and UU 14/2005 for guru, dosen, guru besar.
@pytest.mark.parametrize(
    ("jenis", "nama", "bup"),
    [
        ("pelaksana", "Pengadministrasi Umum", 58),
        ("ja", "Sekretaris", 58),
        ("jf", "Analis SDM Aparatur Ahli Pertama", 58),
        ("jf", "Pranata Komputer Terampil", 58),
        ("jf", "Analis Kebijakan Ahli Madya", 60),
        ("jpt", "Kepala Badan Kepegawaian Daerah", 60),
        ("jf", "Perencana Ahli Utama", 65),
        ("jf", "Guru Ahli Pertama", 60),
        ("jf", "Dosen Asisten Ahli", 65),
        ("jf", "Guru Besar", 70),
    ],
)
def test_a_positions_bup_follows_its_kind_and_name(jenis, nama, bup):
    assert bup_jabatan(jenis, nama) == bup
