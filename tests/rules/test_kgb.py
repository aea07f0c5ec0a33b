from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikap.rules import RuleError
from sikap.rules.kgb import (
    Aturan,
    DasarGaji,
    DataPegawai,
    Hukuman,
    add_months,
    catatan_kp,
    check_dasar,
    hitung,
    mkg_setelah_kp,
    next_due,
)
from sikap.rules.ranks import GOLONGAN
from sikap.rules.salary import DiBawahLangkahPertama, TabelGaji, gaji_pokok
from sikap.salary.tables import pp5_2024_table

PP5 = pp5_2024_table()
# The same steps a fifth cheaper stand in for PP 15/2019: only the effective date matters here.
PP15 = {
    g: tuple((m, (v * Decimal("0.8")).quantize(Decimal(1))) for m, v in s) for g, s in PP5.items()
}
TABLES = [
    TabelGaji("pp15-2019", "PP 15/2019", date(2019, 1, 1), PP15),
    TabelGaji("pp5-2024", "PP 5/2024", date(2024, 1, 1), PP5),
]
LAHIR = date(1985, 5, 17)
BAIK = {y: "baik" for y in range(2000, 2040)}


def dasar(golongan="III/a", tmt=date(2024, 3, 1), mkg=(2, 0), jenis="kgb", gaji=0):
    return DasarGaji(jenis, golongan, tmt, mkg[0], mkg[1], Decimal(gaji), "800/1/2024")


def data(**kw):
    return DataPegawai(tanggal_lahir=LAHIR, skp=kw.pop("skp", BAIK), **kw)


def test_iii_a_mkg_1_at_2008_03_01_next_kgb_is_2009_03_01_at_mkg_2():
    old = [TabelGaji("pp-lama", "PP 6/2007", date(2007, 1, 1), PP5), *TABLES]
    hasil = hitung(dasar(tmt=date(2008, 3, 1), mkg=(1, 0)), old)
    assert (hasil.tmt, hasil.mkg_tahun, hasil.mkg_bulan) == (date(2009, 3, 1), 2, 0)
    assert hasil.tabel.regulasi == "PP 6/2007"


def test_iii_b_at_mkg_4_under_pp5_2024_pays_3_089_300():
    hasil = hitung(dasar("III/b", date(2023, 5, 1), (2, 0)), TABLES)
    assert (hasil.tmt, hasil.mkg_tahun) == (date(2025, 5, 1), 4)
    assert hasil.gaji_pokok == Decimal(3_089_300)


def test_reaching_the_top_of_i_b_prints_no_next_kgb_and_the_top_has_none():
    hasil = hitung(dasar("I/b", date(2024, 3, 1), (25, 0)), TABLES)
    assert (hasil.mkg_tahun, hasil.gaji_pokok, hasil.berikutnya) == (27, Decimal(2_670_700), None)
    assert hitung(dasar("I/b", date(2026, 3, 1), (27, 0)), TABLES) is None


def test_after_a_kp_the_basis_is_the_kp_sk_not_tmt_minus_two_years():
    # KP to III/b on 1 Apr 2024 at MKG 5 y 3 m: the next step (6) is 9 months later.
    kp = dasar("III/b", date(2024, 4, 1), (5, 3), jenis="kp", gaji=3_089_300)
    hasil = hitung(kp, TABLES)
    assert (hasil.tmt, hasil.mkg_tahun, hasil.mkg_bulan) == (date(2025, 1, 1), 6, 0)
    assert hasil.gaji_pokok == Decimal(3_186_600)
    assert hasil.dasar is kp


def test_a_2025_tmt_cites_pp5_2024_and_a_2023_tmt_pp15_2019():
    assert hitung(dasar(tmt=date(2023, 3, 1), mkg=(4, 0)), TABLES).tabel.kode == "pp5-2024"
    assert hitung(dasar(tmt=date(2021, 3, 1), mkg=(4, 0)), TABLES).tabel.kode == "pp15-2019"


def test_below_the_first_step_is_flagged_and_can_be_refused_by_configuration():
    hasil = hitung(dasar("II/b", date(2024, 3, 1), (1, 0), jenis="cpns"), TABLES)
    assert hasil.tmt == date(2026, 3, 1) and hasil.mkg_tahun == 3
    assert "di bawah langkah pertama" in hasil.perhatian[0]
    tolak = Aturan(di_bawah=DiBawahLangkahPertama.TOLAK)
    with pytest.raises(RuleError, match="tentukan gaji secara manual"):
        hitung(dasar("II/b", date(2024, 3, 1), (1, 0)), TABLES, aturan=tolak)


def test_cpns_receive_80_percent():
    hasil = hitung(dasar("II/a", date(2024, 3, 1), (0, 0)), TABLES, data(cpns=True))
    assert hasil.gaji_pokok == Decimal(1_774_720)  # 80 % of 2,218,400


def test_skp_below_baik_defers_a_year_and_the_deferral_counts_toward_the_next():
    skp = {**BAIK, 2025: "butuh_perbaikan"}
    hasil = hitung(dasar(tmt=date(2024, 3, 1), mkg=(2, 0)), TABLES, data(skp=skp))
    assert hasil.tmt_jatuh == date(2026, 3, 1)
    assert hasil.tmt == date(2027, 3, 1)
    assert (hasil.mkg_tahun, hasil.gaji_pokok) == (5, Decimal(2_964_000))  # paid the MKG 4 step
    assert hasil.berikutnya == date(2028, 3, 1)  # MKG 6: the deferred year counted in full
    assert "Butuh Perbaikan" in hasil.penundaan[0].alasan


def test_a_punishment_defers_until_the_month_after_it_ends_at_most_a_year():
    short = Hukuman(date(2025, 6, 1), date(2026, 5, 15), "penundaan KGB")
    hasil = hitung(dasar(tmt=date(2024, 3, 1)), TABLES, data(hukuman=(short,)))
    assert hasil.tmt == date(2026, 6, 1)
    open_ended = Hukuman(date(2025, 6, 1), None)
    hasil = hitung(dasar(tmt=date(2024, 3, 1)), TABLES, data(hukuman=(open_ended,)))
    assert [p.berlaku for p in hasil.penundaan][:2] == [date(2027, 3, 1), date(2028, 3, 1)]
    assert hasil.hambatan.startswith("Sedang menjalani hukuman disiplin")


def test_before_last_years_skp_is_final_the_one_before_is_used_and_noted():
    hasil = hitung(dasar(tmt=date(2025, 1, 1)), TABLES, data(skp={2025: "baik"}))
    assert hasil.tmt == date(2027, 1, 1) and not hasil.hambatan
    assert hasil.perhatian == ("SKP tahun 2026 belum tercatat; dipakai SKP tahun 2025",)
    skp = {2025: "butuh_perbaikan"}
    assert hitung(dasar(tmt=date(2025, 1, 1)), TABLES, data(skp=skp)).penundaan


def test_missing_skp_or_leaving_service_waits_without_deferring():
    hasil = hitung(dasar(tmt=date(2024, 3, 1)), TABLES, data(skp={}))
    assert hasil.hambatan == "SKP tahun 2025 belum tercatat" and not hasil.penundaan
    hasil = hitung(dasar(tmt=date(2024, 3, 1)), TABLES, data(in_service=False))
    assert hasil.hambatan == "Pegawai tidak dalam status aktif bekerja"


def test_no_table_in_force_at_the_tmt_waits_with_the_reason():
    hasil = hitung(dasar(tmt=date(2010, 3, 1)), TABLES)
    assert hasil.gaji_pokok is None
    assert hasil.hambatan == "Tabel gaji yang berlaku pada 01-03-2012 belum tersedia"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "tidak memuat SK penetapan gaji"),
        ([dasar(), dasar(gaji=1)], "Dua SK penetapan gaji ber-TMT sama \\(01-03-2024\\)"),
        ([dasar(mkg=(2, 12))], "MKG bulan pada SK TMT 01-03-2024 tidak valid \\(12\\)"),
        ([dasar(tmt=date(1980, 1, 1))], "sebelum tanggal lahir 17-05-1985"),
        ([dasar(golongan="V/a")], "Golongan 'V/a' pada SK TMT 01-03-2024 tidak dikenal"),
    ],
)
def test_a_history_that_cannot_be_a_basis_is_refused_with_the_reason(rows, message):
    with pytest.raises(RuleError, match=message):
        check_dasar(rows, LAHIR)


def test_the_basis_is_the_latest_pay_setting_decision():
    cpns = dasar(tmt=date(2010, 3, 1), mkg=(0, 0), jenis="cpns")
    kp = dasar(tmt=date(2022, 4, 1), mkg=(12, 1), jenis="kp")
    assert check_dasar([kp, cpns], LAHIR) is kp


@pytest.mark.parametrize(
    ("lama", "baru", "mkg", "expected"),
    [
        ("III/a", "III/b", (5, 3), (5, 3)),
        ("II/d", "III/a", (12, 4), (7, 4)),
        ("I/d", "II/a", (10, 0), (4, 0)),
        ("I/d", "III/a", (20, 0), (9, 0)),
        ("I/d", "II/a", (3, 0), (0, 0)),
    ],
)
def test_mkg_carries_over_a_kp_with_the_configured_cuts(lama, baru, mkg, expected):
    assert mkg_setelah_kp(lama, baru, *mkg, Aturan()) == expected


# A KP's SK is checked against the MKG carried from the SK before it (RULES §3): II/d with MKG
# 10 y 0 m on 1 Apr 2018 has 12 y 0 m on 1 Apr 2020; crossing into III cuts 5 years → 7 y 0 m.
SEBELUM = dasar(golongan="II/d", tmt=date(2018, 4, 1), mkg=(10, 0))


@pytest.mark.parametrize(
    ("kp", "riwayat", "catatan"),
    [
        (dasar("III/a", date(2020, 4, 1), (7, 0), "kp"), [SEBELUM], ""),
        (dasar("III/a", date(2020, 4, 1), (12, 0), "kp"), [SEBELUM], "MKG pada SK KP (12 tahun"),
        (dasar("II/d", date(2020, 4, 1), (12, 0), "kp"), [SEBELUM], ""),  # no cut within II
        (dasar("III/a", date(2020, 4, 1), (12, 0), "kp"), [], ""),  # nothing to compare with
        (dasar("III/a", date(2020, 4, 1), (12, 0), "kgb"), [SEBELUM], ""),  # not a KP
    ],
)  # fmt: skip
def test_a_kp_whose_mkg_differs_from_the_carried_mkg_is_noted_for_the_verifier(
    kp, riwayat, catatan
):
    found = catatan_kp(kp, [*riwayat, kp], Aturan())
    assert found.startswith(catatan) if catatan else found == ""


def test_the_cut_follows_the_configuration():
    kp = dasar("III/a", date(2020, 4, 1), (12, 0), "kp")
    assert catatan_kp(kp, [SEBELUM, kp], Aturan(potongan_kp={})) == ""


def test_the_kp_note_reaches_the_letter():
    kp = dasar("III/a", date(2020, 4, 1), (12, 0), "kp")
    data = DataPegawai(LAHIR, skp=BAIK, riwayat_gaji=(SEBELUM, kp))
    hasil = hitung(kp, TABLES, data)
    assert any(p.startswith("MKG pada SK KP") for p in hasil.perhatian)


bases = st.builds(
    dasar,
    golongan=st.sampled_from(GOLONGAN),
    tmt=st.dates(date(2024, 1, 1), date(2035, 12, 31)),
    mkg=st.tuples(st.integers(0, 40), st.integers(0, 11)),
)


@settings(max_examples=300, deadline=None)
@given(bases)
def test_properties_of_the_next_kgb(d):
    hasil = hitung(d, TABLES)
    steps = [m for m, _ in PP5[d.golongan]]
    assert next_due(d, TABLES) == (hasil.tmt_jatuh if hasil else None)
    if hasil is None:
        assert d.mkg_tahun >= steps[-1]
        return
    assert hasil.tmt.day == 1
    assert hasil.tmt > d.tmt
    assert hasil.mkg_tahun in steps and hasil.mkg_bulan == 0
    old = gaji_pokok(PP5, d.golongan, d.mkg_tahun, di_bawah=DiBawahLangkahPertama.LANGKAH_PERTAMA)
    assert hasil.gaji_pokok >= old
    assert (hasil.berikutnya is None) == (hasil.mkg_tahun == steps[-1])


@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(0, 400))
def test_add_months_stays_in_the_target_month(d, n):
    later = add_months(d, n)
    assert (later.year * 12 + later.month) - (d.year * 12 + d.month) == n
    assert later.day <= d.day
