"""Signs of check-in fraud in recorded attempts (SIPERLU's anti-fraud report): travel faster
than a person can between two consecutive attempts, coordinates repeated to the last decimal
(a real GPS fix jitters), and accepted check-ins at the very edge of an allowed circle. These
are leads for monitoring staff to look at, never a verdict."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sikap.rules.geofence import jarak_m


@dataclass(frozen=True)
class Titik:
    """One attempt's moment and place."""

    waktu: datetime
    lat: float
    lon: float


@dataclass(frozen=True)
class Lompatan:
    dari: Titik
    ke: Titik
    jarak_m: float
    kmj: float  # km/h; infinite for a move within the same second


def perjalanan_mustahil(
    titik: Sequence[Titik], maks_kmj: float, min_jarak_m: float = 1000.0
) -> list[Lompatan]:
    """Consecutive attempts (in time order) whose speed exceeds `maks_kmj`; hops shorter than
    `min_jarak_m` are GPS noise, not travel."""
    found = []
    for a, b in zip(titik, titik[1:], strict=False):
        metres = jarak_m(a.lat, a.lon, b.lat, b.lon)
        if metres < min_jarak_m:
            continue
        hours = (b.waktu - a.waktu).total_seconds() / 3600
        kmj = metres / 1000 / hours if hours > 0 else float("inf")
        if kmj > maks_kmj:
            found.append(Lompatan(a, b, metres, kmj))
    return found


def koordinat_berulang(
    titik: Sequence[Titik], min_kali: int = 3
) -> list[tuple[tuple[float, float], int]]:
    """Coordinates met exactly (every decimal) at least `min_kali` times, most frequent first."""
    counts = Counter((t.lat, t.lon) for t in titik)
    return sorted(
        ((place, n) for place, n in counts.items() if n >= min_kali), key=lambda x: (-x[1], x[0])
    )


def di_tepi(jarak_dari_pusat_m: float, radius_m: float, bagian: float = 0.9) -> bool:
    """Inside the circle but in its outer ring (from `bagian` of the radius to the edge)."""
    return bagian * radius_m <= jarak_dari_pusat_m <= radius_m
