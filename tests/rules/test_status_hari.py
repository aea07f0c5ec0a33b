"""Day status, TL/PSW bands, the TPP deduction and the PP 94/2021 thresholds (RULES §8–9)."""

from datetime import datetime
from decimal import Decimal as D

import pytest

from sikap.rules.status_hari import (
    Hari,
    Status,
    Tarif,
    ambang_disiplin,
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
