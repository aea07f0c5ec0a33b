"""Day status, TL/PSW bands, the TPP deduction and the PP 94/2021 thresholds (RULES §8–9)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikap.rules.status_hari import (
    Hari,
    Status,
    Tarif,
    ambang_disiplin,
    hari_lazim,
    kategori,
    potongan_tpp,
    sisa_cuti_tahunan,
    status_hari,
)


@pytest.mark.parametrize(
    ("menit", "band"),
    [(0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (600, 4)],
)
def test_permentan_68_2012_bands(menit, band):
    assert kategori(menit) == band


def test_bands_are_configurable():
    assert kategori(20, (15, 30, 60, 90)) == 1
    assert kategori(14, (15, 30, 60, 90)) == 0


MULAI, SELESAI = datetime(2026, 3, 3, 7, 30), datetime(2026, 3, 3, 16, 0)


def day(masuk=None, pulang=None, **kw):
    return status_hari(mulai=MULAI, selesai=SELESAI, masuk=masuk, pulang=pulang, **kw)


@pytest.mark.parametrize(
    ("masuk", "pulang", "expected"),
    [
        ((7, 20, 0), (16, 5, 0), Hari(Status.HADIR)),
        ((7, 30, 0), (16, 0, 0), Hari(Status.HADIR)),
        # A started minute counts: 07.30.01 is one minute late.
        ((7, 30, 1), (16, 0, 0), Hari(Status.HADIR, 1, 0, 1, 0)),
        ((8, 11, 0), (16, 0, 0), Hari(Status.HADIR, 41, 0, 2, 0)),
        ((9, 15, 0), (15, 30, 0), Hari(Status.HADIR, 105, 30, 4, 1)),
        ((7, 0, 0), (14, 0, 0), Hari(Status.HADIR, 0, 120, 0, 4)),
        # No check-out: PSW4; no check-in: TL4.
        ((7, 25, 0), None, Hari(Status.HADIR, 0, 0, 0, 4)),
        (None, (16, 30, 0), Hari(Status.HADIR, 0, 0, 4, 0)),
        (None, None, Hari(Status.TK)),
    ],
)
def test_status_of_a_working_day(masuk, pulang, expected):
    at = lambda hms: datetime(2026, 3, 3, *hms) if hms else None  # noqa: E731
    assert day(at(masuk), at(pulang)) == expected


moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
)
spans = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=30))
bands = st.lists(st.integers(0, 200), min_size=4, max_size=4).map(sorted).map(tuple)


@given(mulai=moments, panjang=spans, awal=spans, lewat=spans, pita=bands)
def test_a_day_on_time_is_what_the_day_close_writes_without_the_clock(
    mulai, panjang, awal, lewat, pita
):
    # Checked in at or before the start, out at or after the end: the one outcome, whatever
    # the times and the bands (the day close writes these days in SQL).
    selesai = mulai + panjang
    hari = status_hari(
        mulai=mulai, selesai=selesai, masuk=mulai - awal, pulang=selesai + lewat, pita=pita
    )
    assert hari == hari_lazim(pita).tepat_waktu


@given(mulai=moments, panjang=spans, masuk=moments | st.none(), pita=bands)
def test_days_without_clock_are_what_the_day_close_writes_without_it(mulai, panjang, masuk, pita):
    selesai = mulai + panjang
    lazim = hari_lazim(pita)
    assert status_hari(mulai=mulai, selesai=selesai, masuk=None, pulang=None, pita=pita) == (
        lazim.tk
    )
    for mulai_, selesai_ in ((None, None), (mulai, None), (None, selesai)):
        off = status_hari(mulai=mulai_, selesai=selesai_, masuk=masuk, pulang=None, pita=pita)
        assert off == lazim.libur


def test_the_common_days_are_hadir_tk_and_libur_without_minutes():
    lazim = hari_lazim()
    assert (lazim.tepat_waktu, lazim.tk, lazim.libur) == (
        Hari(Status.HADIR), Hari(Status.TK), Hari(Status.LIBUR)
    )  # fmt: skip
    # A region whose first band starts at 0 minutes gets TL1/PSW1 even on time, as the rule says.
    assert hari_lazim((0, 31, 61, 91)).tepat_waktu == Hari(Status.HADIR, tl=1, psw=1)


def test_holidays_then_leave_come_before_the_clock():
    assert day(tidak_hadir=Status.CUTI) == Hari(Status.CUTI)
    assert day(datetime(2026, 3, 3, 9), tidak_hadir=Status.DINAS_LUAR).status == Status.DINAS_LUAR
    libur = status_hari(mulai=None, selesai=None, masuk=None, pulang=None)
    assert libur == Hari(Status.LIBUR)
    # Leave spanning a weekend or a holiday: those days stay libur (leave counts working days).
    on_leave = status_hari(
        mulai=None, selesai=None, masuk=None, pulang=None, tidak_hadir=Status.CUTI
    )
    assert on_leave == Hari(Status.LIBUR)


def test_label_reads_as_on_the_recap():
    assert Hari(Status.HADIR, 41, 30, 2, 1).label == "Hadir · TL2 · PSW1"
    assert Hari(Status.TK).label == "Tanpa keterangan"


def test_tpp_deduction_adds_the_rates_and_is_capped():
    month = [Hari(Status.HADIR, 41, 0, 2, 0), Hari(Status.HADIR, 0, 5, 0, 1), Hari(Status.TK)]
    assert potongan_tpp(month) == D("5.5")  # 1 + 0.5 + 4
    tulang_bawang = Tarif(tl=(D("0.5"), D("1"), D("1.25"), D("1.5")))
    assert potongan_tpp([Hari(Status.HADIR, 100, 0, 4, 0)], tulang_bawang) == D("1.5")
    assert potongan_tpp([Hari(Status.TK)] * 30) == D("100")
    assert potongan_tpp([Hari(Status.CUTI), Hari(Status.LIBUR)]) == 0


@pytest.mark.parametrize(
    ("kumulatif", "berturut", "tingkat", "hukuman_starts"),
    [
        (2, 2, None, None),
        (3, 1, "ringan", "teguran lisan"),
        (6, 1, "ringan", "teguran tertulis"),
        (7, 1, "ringan", "pernyataan tidak puas"),
        (10, 3, "ringan", "pernyataan tidak puas"),
        (11, 1, "sedang", "pemotongan tunjangan kinerja 25% selama 6"),
        (16, 1, "sedang", "pemotongan tunjangan kinerja 25% selama 9"),
        (20, 1, "sedang", "pemotongan tunjangan kinerja 25% selama 12"),
        (24, 1, "berat", "penurunan jabatan"),
        (27, 1, "berat", "pembebasan dari jabatan"),
        (28, 1, "berat", "pemberhentian"),
        (10, 10, "berat", "pemberhentian"),
    ],
)
def test_pp_94_2021_thresholds(kumulatif, berturut, tingkat, hukuman_starts):
    found = ambang_disiplin(kumulatif, berturut)
    if tingkat is None:
        assert found is None
    else:
        assert found.tingkat == tingkat and found.hukuman.startswith(hukuman_starts)


@pytest.mark.parametrize(
    ("lalu", "kini", "sisa"),
    [(12, 0, 12), (10, 0, 14), (0, 0, 18), (0, 18, 0), (3, 5, 13), (15, 0, 12)],
)
def test_annual_leave_with_carry_over(lalu, kini, sisa):
    assert sisa_cuti_tahunan(12, 6, lalu, kini) == sisa
