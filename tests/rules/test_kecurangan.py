"""Anti-fraud signs from recorded attempts: impossible travel, repeated exact coordinates,
check-ins at the geofence edge."""

from datetime import datetime, timedelta

import pytest

from sikap.rules.kecurangan import Titik, di_tepi, koordinat_berulang, perjalanan_mustahil

T0 = datetime(2026, 4, 7, 7, 30)
MONAS = (-6.175392, 106.827153)
BANDUNG = (-6.914744, 107.609810)  # about 118 km from Monas


def at(minutes: float, place) -> Titik:
    return Titik(T0 + timedelta(minutes=minutes), *place)


def test_jakarta_to_bandung_in_ten_minutes_is_impossible_in_two_hours_it_is_not():
    [jump] = perjalanan_mustahil([at(0, MONAS), at(10, BANDUNG)], maks_kmj=250)
    assert 115_000 < jump.jarak_m < 120_000 and 690 < jump.kmj < 720
    assert perjalanan_mustahil([at(0, MONAS), at(120, BANDUNG)], maks_kmj=250) == []


def test_a_move_within_the_same_second_is_infinitely_fast_and_jitter_is_ignored():
    [jump] = perjalanan_mustahil([at(0, MONAS), at(0, BANDUNG)], maks_kmj=250)
    assert jump.kmj == float("inf")
    near = (MONAS[0] + 0.001, MONAS[1])  # about 111 m: GPS noise
    assert perjalanan_mustahil([at(0, MONAS), at(0.01, near)], maks_kmj=250) == []


def test_only_consecutive_attempts_are_compared():
    path = [at(0, MONAS), at(200, BANDUNG), at(210, MONAS)]
    assert [(j.dari.waktu, j.ke.waktu) for j in perjalanan_mustahil(path, 250)] == [
        (path[1].waktu, path[2].waktu)
    ]


def test_coordinates_repeated_to_the_last_decimal():
    same = [at(n, MONAS) for n in range(4)] + [at(9, BANDUNG), at(10, BANDUNG)]
    assert koordinat_berulang(same) == [(MONAS, 4)]
    assert koordinat_berulang(same, min_kali=2) == [(MONAS, 4), (BANDUNG, 2)]


@pytest.mark.parametrize(
    ("jarak", "radius", "edge"),
    [(95, 100, True), (90, 100, True), (89, 100, False), (101, 100, False)],
)
def test_the_outer_tenth_of_the_circle_is_its_edge(jarak, radius, edge):
    assert di_tepi(jarak, radius) is edge
