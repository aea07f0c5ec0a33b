"""Perpres 21/2023 working time, and which day a check-in counts for (night shifts included)."""

from datetime import date, datetime, time

import pytest

from sikap.rules.jam_kerja import (
    PERPRES_21_2023,
    PERPRES_21_2023_RAMADAN,
    Giliran,
    JamKerja,
    Jendela,
    giliran_untuk,
)


def test_perpres_21_2023_is_37_and_a_half_hours_a_week_starting_at_07_30():
    assert sum(j.menit_kerja() for j in PERPRES_21_2023.values()) == 37 * 60 + 30
    assert set(PERPRES_21_2023) == {0, 1, 2, 3, 4}
    assert all(j.masuk == time(7, 30) for j in PERPRES_21_2023.values())
    assert PERPRES_21_2023[4].istirahat_menit == 90
    assert PERPRES_21_2023[0].istirahat_menit == 60


def test_ramadan_is_32_and_a_half_hours_starting_at_08_00_with_a_60_minute_friday_break():
    assert sum(j.menit_kerja() for j in PERPRES_21_2023_RAMADAN.values()) == 32 * 60 + 30
    assert all(j.masuk == time(8, 0) for j in PERPRES_21_2023_RAMADAN.values())
    assert PERPRES_21_2023_RAMADAN[4].istirahat_menit == 60


MALAM = JamKerja(time(21, 0), time(7, 0))
PAGI = JamKerja(time(7, 0), time(14, 0))


def test_a_night_shift_ends_the_next_morning():
    assert MALAM.lintas_hari and not PAGI.lintas_hari
    assert MALAM.selesai(date(2026, 3, 2)) == datetime(2026, 3, 3, 7, 0)
    assert MALAM.menit_kerja() == 600


JENDELA = Jendela(buka_sebelum_menit=120, tutup_setelah_menit=360)
KEMARIN, HARI_INI = date(2026, 3, 2), date(2026, 3, 3)


@pytest.mark.parametrize(
    ("jenis", "saat", "giliran", "expected"),
    [
        # A night shift's check-out the next morning counts for the night it started.
        ("pulang", datetime(2026, 3, 3, 7, 5), [(KEMARIN, MALAM), (HARI_INI, MALAM)], KEMARIN),
        # The same evening's check-in counts for today's night.
        ("masuk", datetime(2026, 3, 3, 20, 50), [(KEMARIN, MALAM), (HARI_INI, MALAM)], HARI_INI),
        # A morning check-in after a night off is today's.
        ("masuk", datetime(2026, 3, 3, 6, 40), [(HARI_INI, PAGI)], HARI_INI),
        # Too early: the window opens two hours before the start.
        ("masuk", datetime(2026, 3, 3, 4, 59), [(HARI_INI, PAGI)], None),
        # A check-in after the day's end is no longer taken; a check-out within 6 h still is.
        ("masuk", datetime(2026, 3, 3, 14, 1), [(HARI_INI, PAGI)], None),
        ("pulang", datetime(2026, 3, 3, 19, 59), [(HARI_INI, PAGI)], HARI_INI),
        ("pulang", datetime(2026, 3, 3, 20, 1), [(HARI_INI, PAGI)], None),
        # No working day at all.
        ("masuk", datetime(2026, 3, 3, 8, 0), [], None),
    ],
)
def test_the_working_day_an_attempt_counts_for(jenis, saat, giliran, expected):
    found = giliran_untuk(jenis, saat, [Giliran(d, j) for d, j in giliran], JENDELA)
    assert (found.tanggal if found else None) == expected
