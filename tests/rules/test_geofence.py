"""Haversine on the WGS84 mean sphere against exact and published distances; the geofence."""

import math

import pytest

from sikap.rules.geofence import RADIUS_BUMI_M, Lingkaran, jarak_m, koordinat_sah, terdekat


@pytest.mark.parametrize(
    ("a", "b", "metres", "tolerance"),
    [
        # Exact on the sphere: a quarter meridian, half the equator, one degree of latitude.
        ((90, 0), (0, 0), math.pi * RADIUS_BUMI_M / 2, 0.01),
        ((0, 0), (0, 180), math.pi * RADIUS_BUMI_M, 0.01),
        ((-6, 106), (-7, 106), 111_195.08, 0.01),
        # One degree of longitude at latitude 60° is half of one at the equator.
        ((60, 10), (60, 11), 55_596.0, 30),
        # Paris (Notre-Dame) – London (Charing Cross): 343.5 km on the mean sphere.
        ((48.8566, 2.3522), (51.5074, -0.1278), 343_556, 100),
        ((-6.2, 106.8), (-6.2, 106.8), 0, 0),
    ],
)
def test_distances_match_the_known_great_circle_figures(a, b, metres, tolerance):
    assert jarak_m(*a, *b) == pytest.approx(metres, abs=tolerance)
    assert jarak_m(*b, *a) == pytest.approx(jarak_m(*a, *b))


def test_a_metre_near_the_office_is_a_metre():
    # 0.00001° of latitude ≈ 1.11 m
    assert jarak_m(-6.2, 106.8, -6.20001, 106.8) == pytest.approx(1.112, abs=0.001)


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [
        (-6.2, 106.8, True),
        (90, 180, True),
        (-90, -180, True),
        (90.0001, 0, False),
        (0, -180.5, False),
        (math.nan, 0, False),
        (0, math.inf, False),
    ],
)
def test_coordinates_must_be_finite_and_on_the_globe(lat, lon, ok):
    assert koordinat_sah(lat, lon) is ok


KANTOR = Lingkaran("Kantor BKD", -6.2, 106.8, 100)
PUSKESMAS = Lingkaran("Puskesmas", -6.21, 106.8, 300)


def test_inside_any_circle_counts_and_the_nearest_edge_is_reported():
    inside = terdekat(-6.2005, 106.8, [PUSKESMAS, KANTOR])
    assert inside.lokasi == KANTOR and inside.di_dalam
    assert inside.jarak_m == pytest.approx(55.6, abs=0.1)
    # 1.2 km north of the office: outside both, the office is the nearer edge.
    outside = terdekat(-6.189, 106.8, [PUSKESMAS, KANTOR])
    assert outside.lokasi == KANTOR and not outside.di_dalam
    # Between them: outside the small office circle but inside the wide puskesmas one.
    between = terdekat(-6.2075, 106.8, [KANTOR, PUSKESMAS])
    assert between.lokasi == PUSKESMAS and between.di_dalam


def test_the_circle_edge_is_inside():
    edge_lat = -6.2 - 100 / 111_195.08
    assert terdekat(edge_lat + 1e-9, 106.8, [KANTOR]).di_dalam
    assert not terdekat(edge_lat - 1e-6, 106.8, [KANTOR]).di_dalam


def test_no_locations_means_no_nearest():
    assert terdekat(-6.2, 106.8, []) is None
