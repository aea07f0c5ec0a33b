"""Distance on the earth and the geofence test: is a point inside one of the allowed circles?

Haversine on a sphere with the WGS84 mean radius R1 = (2a + b) / 3 = 6 371 008.8 m. Over the
few hundred metres of an office radius its error against the ellipsoid is far below GPS accuracy.
"""

import math
from dataclasses import dataclass

RADIUS_BUMI_M = 6_371_008.8


@dataclass(frozen=True)
class Lingkaran:
    """An allowed place: a centre and a radius in metres."""

    nama: str
    lat: float
    lon: float
    radius_m: float


@dataclass(frozen=True)
class Terdekat:
    lokasi: Lingkaran
    jarak_m: float

    @property
    def di_dalam(self) -> bool:
        return self.jarak_m <= self.lokasi.radius_m


def koordinat_sah(lat: float, lon: float) -> bool:
    """Finite and on the globe (NaN and infinities are not)."""
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def jarak_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * RADIUS_BUMI_M * math.asin(min(1.0, math.sqrt(h)))


def terdekat(lat: float, lon: float, lokasi: list[Lingkaran]) -> Terdekat | None:
    """The allowed place whose edge is nearest: inside any circle beats outside all of them;
    among circles one is outside of, the one with the shortest way to its edge."""
    best: Terdekat | None = None
    for tempat in lokasi:
        found = Terdekat(tempat, jarak_m(lat, lon, tempat.lat, tempat.lon))
        if best is None or _lebih_baik(found, best):
            best = found
    return best


def _lebih_baik(a: Terdekat, b: Terdekat) -> bool:
    return a.jarak_m - a.lokasi.radius_m < b.jarak_m - b.lokasi.radius_m
